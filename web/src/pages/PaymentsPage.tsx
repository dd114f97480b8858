import { Link, useSearchParams } from 'react-router-dom';
import { fetchPayments } from '../api/payments';
import type { PaymentResponse } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { StateBadge } from '../components/StateBadge';
import { useI18n } from '../i18n/I18nContext';
import { maskPayee } from '../lib/accountNumbers';
import { describeFailure } from '../lib/errors';
import { accountLabel, paymentTypeLabel } from '../lib/labels';
import { formatAmount } from '../lib/money';
import { useCursorPages } from '../lib/useCursorPages';
import { useProfile } from '../state/ProfileContext';

const PAGE_SIZE = 20;

function PaymentRow({ payment }: { payment: PaymentResponse }) {
  const i18n = useI18n();
  const { t, tOr, formatDateTime } = i18n;
  const failure = describeFailure(payment.failureReason, i18n);
  return (
    <li className="row payment-row" data-testid="payment-row" data-payment-id={payment.id} data-state={payment.state}>
      <div className="row-main">
        <span className="row-title">
          {paymentTypeLabel(i18n, payment.type)} · <span className="mono">{maskPayee(payment.payee)}</span>
        </span>
        <span className="row-meta">
          {formatDateTime(payment.createdAt)}
          {payment.beneficiaryName ? ` · ${payment.beneficiaryName}` : ''}
          {payment.description ? ` · ${payment.description}` : ''}
        </span>
        {failure ? <span className="row-meta status-error">{failure}</span> : null}
        <details className="details">
          <summary>{t('payments.details')}</summary>
          <dl className="summary summary-compact">
            <div>
              <dt>{t('receipt.id')}</dt>
              <dd className="mono">{payment.id}</dd>
            </div>
          </dl>
          {payment.history && payment.history.length > 0 ? (
            <>
              <h3 className="small-heading">{t('payments.history')}</h3>
              <ol className="history">
                {payment.history.map((change, index) => (
                  <li key={index}>
                    <span>{formatDateTime(change.at)}</span> ·{' '}
                    <span>{change.from ? `${tOr(`payment.state.${change.from}`, change.from)} → ` : ''}{tOr(`payment.state.${change.to}`, change.to)}</span>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </details>
      </div>
      <div className="row-side">
        <span className="amount" data-amount={payment.amount?.amount}>
          {formatAmount(payment.amount)}
        </span>
        <StateBadge state={payment.state} />
        {payment.state === 'awaiting_authorization' ? (
          <Link className="button button-primary button-small" to={`/transfer?payment=${encodeURIComponent(payment.id)}`} data-testid="payment-authorize">
            {t('payments.authorize')}
          </Link>
        ) : null}
      </div>
    </li>
  );
}

/** An account's payments, newest first, page after page (PaymentPage.nextCursor). */
export function PaymentsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params, setParams] = useSearchParams();
  const { accounts, profile, loading: profileLoading, error: profileError, reload: reloadProfile } = useProfile();
  const requested = params.get('accountId');
  const accountId = accounts.some((view) => view.account.id === requested) ? requested : (accounts[0]?.account.id ?? null);

  const { items, cursor, loading, loadingMore, error, loadMore, reload } = useCursorPages(
    accountId ? (after, signal) => fetchPayments(accountId, after, PAGE_SIZE, signal) : null,
    [accountId],
    { keyOf: (payment: PaymentResponse) => payment.id },
  );

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading title={t('payments.title')} />
        <div className="page-head-tools">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={reload}
            disabled={loading || !accountId}
            data-testid="payments-refresh"
          >
            {t('payments.refresh')}
          </button>
        </div>
      </div>

      {profileError && !profile ? <ErrorAlert error={profileError} onRetry={reloadProfile} /> : null}
      {profileLoading && !profile ? <Loading /> : null}
      {profile && accounts.length === 0 ? <p className="muted">{t('payments.noAccounts')}</p> : null}

      {accountId ? (
        <div className="field field-inline">
          <label htmlFor="payments-account">{t('payments.account')}</label>
          <select
            id="payments-account"
            data-testid="payments-account"
            value={accountId}
            onChange={(event) => setParams({ accountId: event.target.value }, { replace: true })}
          >
            {accounts.map((view) => (
              <option key={view.account.id} value={view.account.id}>
                {accountLabel(i18n, view.account)}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {loading ? <Loading /> : null}
      {!loading && accountId && !error && items.length === 0 ? <p className="muted">{t('payments.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="list" data-testid="payments-list" aria-busy={loadingMore || undefined}>
          {items.map((payment) => (
            <PaymentRow key={payment.id} payment={payment} />
          ))}
        </ul>
      ) : null}
      <ErrorAlert error={error} onRetry={items.length > 0 ? loadMore : reload} />
      {cursor && !loading ? (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={loadingMore} data-testid="payments-more">
          {loadingMore ? t('payments.loadingMore') : t('payments.more')}
        </button>
      ) : null}
    </div>
  );
}
