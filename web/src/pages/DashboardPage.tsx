import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Movement } from '../api/types';
import { CopyButton } from '../components/CopyButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasskeyEnrol } from '../components/PasskeyEnrol';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/I18nContext';
import { lastFour } from '../lib/accountNumbers';
import { notificationTitle, productLabel } from '../lib/labels';
import { formatAmount, negate } from '../lib/money';
import { dismissBanner, shouldOfferPasskey } from '../lib/passkeyHints';
import { passkeysSupported } from '../lib/webauthn';
import { useLive } from '../state/LiveContext';
import { useProfile, type AccountView } from '../state/ProfileContext';
import { useSession } from '../state/SessionContext';

/**
 * Offers a passkey once: until the customer enrols one or closes the offer (remembered in this browser), with no call
 * to identity until they choose to enrol.
 */
function PasskeyBanner() {
  const { t } = useI18n();
  const { state } = useSession();
  const subject = state.status === 'authenticated' ? state.session.subject : '';
  const [visible, setVisible] = useState(() => !!subject && shouldOfferPasskey(subject, passkeysSupported()));
  if (!visible) {
    return null;
  }
  const close = () => {
    dismissBanner(subject);
    setVisible(false);
  };
  return (
    <aside className="banner card" aria-labelledby="passkey-banner-title" data-testid="passkey-banner">
      <div className="banner-text">
        <h2 id="passkey-banner-title">{t('passkey.banner.title')}</h2>
        <p>{t('passkey.banner.body')}</p>
      </div>
      <PasskeyEnrol />
      <button type="button" className="button button-link banner-close" onClick={close} data-testid="passkey-banner-dismiss">
        {t('passkey.banner.dismiss')}
      </button>
    </aside>
  );
}

function AccountCard({ view }: { view: AccountView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { account, available, live } = view;
  const titleId = `account-${account.id}-title`;
  return (
    <article className="card account-card" data-testid="account-card" data-account-id={account.id} aria-labelledby={titleId}>
      <header className="account-card-head">
        <h3 id={titleId}>
          {productLabel(i18n, account.product)} <span className="currency-tag">{account.currency}</span>
        </h3>
        {account.status === 'frozen' || account.status === 'closed' ? (
          <span className="badge badge-warning">{t(account.status === 'frozen' ? 'account.status.frozen' : 'account.status.closed')}</span>
        ) : null}
      </header>
      <dl className="account-facts">
        <div className="fact fact-balance">
          <dt>{t('account.available')}</dt>
          <dd>
            <span
              className={`balance${live ? ' balance-live' : ''}`}
              data-testid="account-available"
              data-amount={available.amount}
              data-currency={available.currency}
              data-live={live ? 'true' : 'false'}
            >
              {formatAmount(available)}
            </span>
            {live ? <span className="live-note"> · {t('account.liveUpdated')}</span> : null}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('account.posted')}</dt>
          <dd data-testid="account-posted" data-amount={account.posted?.amount}>
            {formatAmount(account.posted)}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('account.number')}</dt>
          <dd className="copyable">
            <span className="mono" data-testid="account-number">
              {account.accountNumber}
            </span>
            <CopyButton value={account.accountNumber} label={t('account.copyNumber')} testId="copy-account-number" />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('account.cci')}</dt>
          <dd className="copyable">
            <span className="mono" data-testid="account-cci">
              {account.cci}
            </span>
            <CopyButton value={account.cci} label={t('account.copyCci')} testId="copy-cci" />
          </dd>
        </div>
      </dl>
      <div className="card-actions">
        {account.status === 'open' ? (
          <Link className="button button-secondary button-small" to={`/transfer?from=${encodeURIComponent(account.id)}`}>
            {t('account.transferFrom')}
          </Link>
        ) : null}
        <Link className="button button-secondary button-small" to={`/payments?accountId=${encodeURIComponent(account.id)}`}>
          {t('account.seePayments')}
        </Link>
        <Link className="button button-secondary button-small" to={`/movements?accountId=${encodeURIComponent(account.id)}`} data-testid="account-movements">
          {t('account.seeMovements')}
        </Link>
      </div>
    </article>
  );
}

function MovementRow({ movement, accountNumber }: { movement: Movement; accountNumber: string | undefined }) {
  const i18n = useI18n();
  const { t, tOr, formatDateTime } = i18n;
  const { line } = movement;
  const debit = line.direction === 'debit';
  return (
    <li className="row" data-testid="movement-row" data-direction={line.direction}>
      <div className="row-main">
        <span className="row-title">{tOr(`movement.kind.${line.kind}`, t('movement.kind.other'))}</span>
        <span className="row-meta">
          {formatDateTime(line.createdAt)} · {t(debit ? 'movement.debit' : 'movement.credit')}
          {accountNumber ? ` · ${t('movements.account', { number: lastFour(accountNumber) })}` : ''}
        </span>
      </div>
      <div className="row-side">
        <span className={`amount ${debit ? 'amount-debit' : 'amount-credit'}`}>
          {formatAmount(debit ? negate(line.amount) : line.amount)}
        </span>
        {line.availableBalanceAfter ? (
          <span className="row-meta">{t('movements.balanceAfter', { amount: formatAmount(line.availableBalanceAfter) })}</span>
        ) : null}
      </div>
    </li>
  );
}

export function DashboardPage() {
  const i18n = useI18n();
  const { t, formatTime, formatDateTime } = i18n;
  const { profile, loading, error, reload, accounts, accountsUnavailable } = useProfile();
  const live = useLive();

  // Each visit shows fresh balances (the first load is the provider's own).
  const hadProfile = useRef(profile !== null);
  useEffect(() => {
    if (hadProfile.current) {
      reload();
    }
  }, [reload]);

  const name = profile?.customer?.givenNames?.split(' ')[0];
  const numbers = new Map(accounts.map((view) => [view.account.id, view.account.accountNumber]));
  const movements = profile?.recentMovements;

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading title={name ? t('dashboard.greeting', { name }) : t('dashboard.title')} />
        <div className="page-head-tools">
          {profile?.generatedAt ? <span className="muted small">{t('dashboard.updatedAt', { time: formatTime(profile.generatedAt) })}</span> : null}
          <button type="button" className="button button-secondary button-small" onClick={reload} disabled={loading} data-testid="dashboard-refresh">
            {loading && profile ? t('dashboard.refreshing') : t('dashboard.refresh')}
          </button>
        </div>
      </div>

      {error ? <ErrorAlert error={error} onRetry={reload} testId="dashboard-error" /> : null}
      <PasskeyBanner />
      {loading && !profile ? <Loading /> : null}

      {profile ? (
        <>
          <section aria-labelledby="accounts-title" className="section">
            <h2 id="accounts-title">{t('dashboard.accounts')}</h2>
            {accountsUnavailable ? (
              <div className="alert alert-warning" role="alert" data-testid="accounts-unavailable">
                <p>{t('dashboard.accountsUnavailable')}</p>
                <button type="button" className="button button-secondary" onClick={reload}>
                  {t('app.retry')}
                </button>
              </div>
            ) : accounts.length === 0 ? (
              <p className="muted">{t('dashboard.noAccounts')}</p>
            ) : (
              <div className="account-grid">
                {accounts.map((view) => (
                  <AccountCard key={view.account.id} view={view} />
                ))}
              </div>
            )}
          </section>

          <section aria-labelledby="live-title" className="section">
            <h2 id="live-title">{t('liveList.title')}</h2>
            {live.notifications.length === 0 ? (
              <p className="muted">{t('liveList.empty')}</p>
            ) : (
              <ul className="list" data-testid="live-notifications">
                {live.notifications.slice(0, 5).map((notification) => (
                  <li key={notification.id} className="row" data-testid="live-notification">
                    <div className="row-main">
                      <span className="row-title">{notificationTitle(i18n, notification)}</span>
                      {notification.body ? <span className="row-body">{notification.body}</span> : null}
                      <span className="row-meta">{formatDateTime(notification.createdAt)}</span>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to="/notifications">{t('liveList.seeAll')}</Link>
            </p>
          </section>

          <section aria-labelledby="movements-title" className="section">
            <h2 id="movements-title">{t('movements.title')}</h2>
            {movements?.status !== 'available' ? (
              <p className="alert alert-warning" role="alert">
                {t('dashboard.movementsUnavailable')}
              </p>
            ) : !movements.data || movements.data.length === 0 ? (
              <p className="muted">{t('movements.empty')}</p>
            ) : (
              <ul className="list" data-testid="movements">
                {movements.data.map((movement) => (
                  <MovementRow
                    key={`${movement.accountId}-${movement.line.transferId}`}
                    movement={movement}
                    accountNumber={numbers.get(movement.accountId)}
                  />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
