import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fetchMovements, statementUrl } from '../api/customers';
import type { AccountTransferLine } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { accountLabel } from '../lib/labels';
import { formatAmount, negate } from '../lib/money';
import {
  checkFilters,
  filtersFromParams,
  type FilterError,
  type FilterField,
  type MovementFilters,
  type MovementQuery,
} from '../lib/movementsQuery';
import { useCursorPages } from '../lib/useCursorPages';
import { useProfile } from '../state/ProfileContext';
import { useCustomerId } from '../state/SessionContext';

const PAGE_SIZE = 20;

function MovementLine({ line, currency }: { line: AccountTransferLine; currency: string }) {
  const { t, tOr, formatDateTime } = useI18n();
  const debit = line.direction === 'debit';
  const balance = line.postedBalanceAfter ?? line.availableBalanceAfter;
  return (
    <li className="row movement-line" data-testid="movement-row" data-direction={line.direction} data-transfer-id={line.transferId}>
      <div className="row-main">
        <span className="row-title">{tOr(`movement.kind.${line.kind}`, t('movement.kind.other'))}</span>
        <span className="row-meta">
          <time dateTime={line.createdAt}>{formatDateTime(line.createdAt)}</time> · {t(debit ? 'movement.debit' : 'movement.credit')}
          {line.code ? ` · ${t('movements.code', { code: line.code })}` : ''}
        </span>
      </div>
      <div className="row-side">
        <span className={`amount ${debit ? 'amount-debit' : 'amount-credit'}`} data-amount={line.amount.amount}>
          {formatAmount(debit ? negate(line.amount) : line.amount)}
        </span>
        {balance ? (
          <span className="row-meta" data-testid="movement-balance" data-amount={balance.amount}>
            {t('movements.runningBalance', { amount: formatAmount(balance.currency ? balance : { ...balance, currency }) })}
          </span>
        ) : null}
      </div>
    </li>
  );
}

/**
 * One account's movements (customers: GET /customers/{id}/accounts/{accountId}/movements), newest first, page after
 * page (nextBefore), filtered by dates, direction and amounts, each with the balance after it; the statement as CSV or
 * PDF for the same dates. The filters live in the address, so a reload shows the same list.
 */
export function MovementsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const customerId = useCustomerId();
  const [params, setParams] = useSearchParams();
  const { accounts, profile, loading: profileLoading, error: profileError, reload: reloadProfile } = useProfile();
  const requested = params.get('accountId');
  const selectable = accounts.filter((view) => view.account.product !== 'LOAN');
  const accountView = selectable.find((view) => view.account.id === requested) ?? selectable[0];
  const accountId = accountView?.account.id ?? null;

  const applied = filtersFromParams(params);
  const appliedCheck = checkFilters(applied);
  const query: MovementQuery = appliedCheck.ok ? appliedCheck.query : {};
  const queryKey = JSON.stringify(query);

  const [form, setForm] = useState<MovementFilters>(applied);
  const [formErrors, setFormErrors] = useState<Partial<Record<FilterField, FilterError>>>({});
  const { items: lines, cursor: nextBefore, loading, loadingMore, error, loadMore, reload } = useCursorPages<AccountTransferLine, number>(
    customerId && accountId
      ? (before, signal) => fetchMovements(customerId, accountId, query, { limit: PAGE_SIZE, before }, signal)
        .then((page) => ({ items: page.lines, nextCursor: page.nextBefore }))
      : null,
    [customerId, accountId, queryKey],
    { keyOf: (line) => `${line.transferId}-${line.direction}` },
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const check = checkFilters(form);
    if (!check.ok) {
      setFormErrors(check.errors);
      const first = (['from', 'to', 'minAmount', 'maxAmount'] as FilterField[]).find((field) => check.errors[field]);
      if (first) document.getElementById(`movements-${first}`)?.focus();
      return;
    }
    setFormErrors({});
    const next = new URLSearchParams();
    if (accountId) next.set('accountId', accountId);
    for (const [key, value] of Object.entries(check.query)) {
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
    reload();
  };

  const clear = () => {
    setForm({ from: '', to: '', direction: '', minAmount: '', maxAmount: '' });
    setFormErrors({});
    setParams(accountId ? { accountId } : {}, { replace: true });
  };

  const selectAccount = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('accountId', id);
    setParams(next, { replace: true });
  };

  const filterField = (name: FilterField, label: MessageKey, props: InputHTMLAttributes<HTMLInputElement>) => {
    const code = formErrors[name];
    return (
      <Field
        id={`movements-${name}`}
        label={t(label)}
        error={code ? t(`movements.filter.error.${code}` as MessageKey) : null}
        data-testid={`movements-${name === 'minAmount' ? 'min-amount' : name === 'maxAmount' ? 'max-amount' : name}`}
        value={form[name]}
        onChange={(event) => setForm((current) => ({ ...current, [name]: event.target.value }))}
        {...props}
      />
    );
  };

  const currency = accountView?.account.currency ?? 'PEN';
  const anyFilter = Object.keys(query).length > 0;

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading title={t('movements.page.title')} />
        <div className="page-head-tools">
          <button type="button" className="button button-secondary button-small" onClick={reload}
            disabled={loading || !accountId} data-testid="movements-refresh">
            {t('payments.refresh')}
          </button>
        </div>
      </div>

      {profileError && !profile ? <ErrorAlert error={profileError} onRetry={reloadProfile} /> : null}
      {profileLoading && !profile ? <Loading /> : null}
      {profile && selectable.length === 0 ? <p className="muted">{t('payments.noAccounts')}</p> : null}

      {accountView && customerId ? (
        <>
          <div className="field field-inline">
            <label htmlFor="movements-account">{t('payments.account')}</label>
            <select id="movements-account" data-testid="movements-account" value={accountView.account.id} onChange={(event) => selectAccount(event.target.value)}>
              {selectable.map((view) => (
                <option key={view.account.id} value={view.account.id}>{accountLabel(i18n, view.account)}</option>
              ))}
            </select>
          </div>

          <form className="card filters" onSubmit={apply} noValidate aria-labelledby="movements-filters-title" data-testid="movements-filters">
            <h2 id="movements-filters-title" className="small-heading">{t('movements.filter.title')}</h2>
            <div className="filter-grid">
              {filterField('from', 'movements.filter.from', { type: 'date' })}
              {filterField('to', 'movements.filter.to', { type: 'date' })}
              <div className="field">
                <label htmlFor="movements-direction">{t('movements.filter.direction')}</label>
                <select id="movements-direction" data-testid="movements-direction" value={form.direction}
                  onChange={(event) => setForm((current) => ({ ...current, direction: event.target.value as MovementFilters['direction'] }))}>
                  <option value="">{t('movements.filter.direction.all')}</option>
                  <option value="credit">{t('movements.filter.direction.credit')}</option>
                  <option value="debit">{t('movements.filter.direction.debit')}</option>
                </select>
              </div>
              {filterField('minAmount', 'movements.filter.minAmount', { inputMode: 'decimal', placeholder: '0.00', autoComplete: 'off', maxLength: 17 })}
              {filterField('maxAmount', 'movements.filter.maxAmount', { inputMode: 'decimal', placeholder: '0.00', autoComplete: 'off', maxLength: 17 })}
            </div>
            <p className="hint">{t('movements.filter.hint', { currency })}</p>
            <div className="actions">
              <button type="submit" className="button button-primary" data-testid="movements-filter-apply">{t('movements.filter.apply')}</button>
              <button type="button" className="button button-secondary" onClick={clear} disabled={!anyFilter} data-testid="movements-filter-clear">
                {t('movements.filter.clear')}
              </button>
            </div>
          </form>

          <section className="section" aria-labelledby="statement-title">
            <h2 id="statement-title" className="small-heading">{t('movements.statement.title')}</h2>
            <p className="muted small">
              {query.from || query.to
                ? t('movements.statement.range', { from: query.from ?? '…', to: query.to ?? '…' })
                : t('movements.statement.all')}
            </p>
            <div className="actions">
              <a className="button button-secondary" href={statementUrl(customerId, accountView.account.id, 'csv', query)} download
                data-testid="statement-csv">
                {t('movements.statement.csv')}
              </a>
              <a className="button button-secondary" href={statementUrl(customerId, accountView.account.id, 'pdf', query)} download
                data-testid="statement-pdf">
                {t('movements.statement.pdf')}
              </a>
            </div>
          </section>

          <section className="section" aria-labelledby="movements-list-title" aria-busy={loading || undefined}>
            <h2 id="movements-list-title">{t('movements.list.title')}</h2>
            <ErrorAlert error={error} onRetry={reload} testId="movements-error" />
            {loading ? <Loading /> : null}
            {!loading && !error && lines.length === 0 ? (
              <p className="muted" data-testid="movements-empty">{anyFilter ? t('movements.list.noMatch') : t('movements.list.empty')}</p>
            ) : null}
            {lines.length > 0 ? (
              <ul className="list" data-testid="movements-list">
                {lines.map((line) => <MovementLine key={`${line.transferId}-${line.direction}`} line={line} currency={currency} />)}
              </ul>
            ) : null}
            {nextBefore !== null && !loading ? (
              <button type="button" className="button button-secondary" onClick={loadMore} disabled={loadingMore} data-testid="movements-more">
                {loadingMore ? t('payments.loadingMore') : t('payments.more')}
              </button>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
