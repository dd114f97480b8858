import { useState, type FormEvent, type ReactNode } from 'react';
import { searchAuditEvents, verifyAuditChain, type AuditSearch } from '../api/audit';
import { searchCustomers, type CustomerSearch } from '../api/customers';
import { fetchFraudCases, resolveFraudCase } from '../api/fraud';
import type { AuditEventView, CustomerResponse, FraudCase, VerificationReport } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { localDateTimeToIso } from '../lib/dates';
import { formatAmount } from '../lib/money';
import { staffSections } from '../lib/roles';
import { useCursorPages } from '../lib/useCursorPages';
import { useSession } from '../state/SessionContext';

const PAGE_SIZE = 20;
const DOCUMENT_TYPES = ['DNI', 'RUC', 'CE', 'PASSPORT', 'CEDULA_EC'];

function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId: string }) {
  return (
    <section className="card section backoffice-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} tabIndex={-1}>{title}</h2>
      {children}
    </section>
  );
}

/** In-page links that move the focus (a plain "#…" would be a route of the HashRouter). */
function JumpLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <a href={`#${target}`} onClick={(event) => {
      event.preventDefault();
      const heading = document.getElementById(target);
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus();
    }}>
      {children}
    </a>
  );
}

// ---------------------------------------------------------------- customers

function CustomerRow({ customer }: { customer: CustomerResponse }) {
  const { t, tOr, formatDateTime } = useI18n();
  const name = [customer.givenNames, customer.paternalSurname, customer.maternalSurname].filter(Boolean).join(' ');
  return (
    <li className="row" data-testid="backoffice-customer" data-customer-id={customer.id}>
      <div className="row-main">
        <span className="row-title">{name || customer.id}</span>
        <span className="row-meta mono">
          {customer.documentType ?? ''} {customer.documentNumber ?? ''}
        </span>
        <span className="row-meta">{customer.email ?? '—'} · <span className="mono">{customer.phone ?? '—'}</span></span>
        <details className="details">
          <summary>{t('payments.details')}</summary>
          <dl className="summary summary-compact">
            <div><dt>{t('backoffice.customer.id')}</dt><dd className="mono">{customer.id}</dd></div>
            <div><dt>{t('profile.birthDate')}</dt><dd className="mono">{customer.birthDate ?? '—'}</dd></div>
            <div><dt>{t('backoffice.customer.address')}</dt><dd>{customer.address ?? '—'}</dd></div>
            <div><dt>{t('backoffice.customer.pep')}</dt><dd>{customer.politicallyExposed ? t('backoffice.yes') : t('backoffice.no')}</dd></div>
            <div><dt>{t('backoffice.customer.created')}</dt><dd>{formatDateTime(customer.createdAt ?? null)}</dd></div>
          </dl>
          {customer.masked ? <p className="hint">{t('backoffice.customer.masked')}</p> : null}
        </details>
      </div>
      <div className="row-side">
        <span className="badge badge-neutral">{tOr(`profile.status.${customer.status}`, customer.status)}</span>
        {customer.riskLevel ? (
          <span className={`badge ${customer.riskLevel === 'high' ? 'badge-danger' : customer.riskLevel === 'medium' ? 'badge-warning' : 'badge-success'}`}>
            {t('backoffice.customer.risk', { level: tOr(`backoffice.risk.${customer.riskLevel}`, customer.riskLevel) })}
          </span>
        ) : null}
      </div>
    </li>
  );
}

function CustomerSearchSection() {
  const { t } = useI18n();
  const [documentType, setDocumentType] = useState('DNI');
  const [documentNumber, setDocumentNumber] = useState('');
  const [email, setEmail] = useState('');
  const [surnamePrefix, setSurnamePrefix] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [search, setSearch] = useState<CustomerSearch | null>(null);
  // Each search (a new criteria object) starts over; the results shown stay until its answer, and go if it fails.
  const { items, cursor, loaded, loading, loadingMore, error, loadMore } = useCursorPages(
    search ? (after, signal) => searchCustomers(search, after, PAGE_SIZE, signal) : null,
    [search],
    { keyOf: (customer: CustomerResponse) => customer.id, stale: 'keepUntilLoaded' },
  );
  const busy = loading || loadingMore;

  /** The service takes one criterion, in this order: document (type + number), e-mail, surname prefix. */
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    let criteria: CustomerSearch;
    if (documentNumber.trim()) {
      criteria = { documentType, documentNumber: documentNumber.trim() };
    } else if (email.trim()) {
      criteria = { email: email.trim().toLowerCase() };
    } else if (surnamePrefix.trim().length >= 2) {
      criteria = { surnamePrefix: surnamePrefix.trim() };
    } else {
      setProblem(surnamePrefix.trim() ? 'backoffice.search.surnameTooShort' : 'backoffice.search.criterionRequired');
      return;
    }
    setSearch(criteria);
  };

  return (
    <>
      <form onSubmit={submit} noValidate className="backoffice-form">
        <p className="hint">{t('backoffice.search.hint')}</p>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="backoffice-document-type">{t('onboarding.documentType')}</label>
            <select id="backoffice-document-type" data-testid="backoffice-document-type" value={documentType} onChange={(event) => setDocumentType(event.target.value)}>
              {DOCUMENT_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="backoffice-document-number">{t('onboarding.documentNumber')}</label>
            <input id="backoffice-document-number" data-testid="backoffice-document-number" className="mono" autoComplete="off" maxLength={20}
              value={documentNumber} onChange={(event) => setDocumentNumber(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="backoffice-email">{t('onboarding.email')}</label>
            <input id="backoffice-email" data-testid="backoffice-email" type="email" autoComplete="off" maxLength={254}
              value={email} onChange={(event) => setEmail(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="backoffice-surname">{t('backoffice.search.surname')}</label>
            <input id="backoffice-surname" data-testid="backoffice-surname" autoComplete="off" maxLength={80}
              value={surnamePrefix} onChange={(event) => setSurnamePrefix(event.target.value)} aria-describedby="backoffice-surname-hint" />
            <p className="hint" id="backoffice-surname-hint">{t('backoffice.search.surnameHint')}</p>
          </div>
        </div>
        {problem ? <p className="alert alert-error" role="alert">{t(problem)}</p> : null}
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined} data-testid="backoffice-search">
          {busy && !cursor ? t('backoffice.searching') : t('backoffice.search')}
        </button>
      </form>
      <ErrorAlert error={error} testId="backoffice-search-error" />
      {loaded && items.length === 0 ? <p className="muted" role="status" data-testid="backoffice-no-results">{t('backoffice.search.none')}</p> : null}
      {items.length > 0 ? (
        <ul className="list" data-testid="backoffice-results" aria-live="polite">
          {items.map((customer) => <CustomerRow key={customer.id} customer={customer} />)}
        </ul>
      ) : null}
      {cursor && search ? (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={busy} data-testid="backoffice-more">
          {busy ? t('payments.loadingMore') : t('payments.more')}
        </button>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- fraud review

function FraudCaseRow({ item, onResolved }: { item: FraudCase; onResolved: (resolved: FraudCase) => void }) {
  const { t, tOr, formatDateTime } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const noteId = `fraud-note-${item.id}`;

  const resolve = async (decision: 'approve' | 'reject') => {
    setBusy(decision);
    setError(null);
    try {
      onResolved(await resolveFraudCase(item.id, decision, note));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const tone = item.status === 'approved' ? 'badge-success' : item.status === 'rejected' ? 'badge-danger' : 'badge-warning';
  return (
    <li className="row fraud-case" data-testid="fraud-case" data-case-id={item.id} data-payment-id={item.paymentId} data-status={item.status}>
      <div className="row-main">
        <span className="row-title">
          {formatAmount(item.amount)} · <span className="mono">{item.payee}</span>
        </span>
        <span className="row-meta">
          {t('fraud.score', { score: item.riskScore })} · {formatDateTime(item.createdAt)}
        </span>
        <ul className="reasons">
          {item.reasons.map((reason) => <li key={reason}>{tOr(`fraud.reason.${reason}`, reason)}</li>)}
        </ul>
        <details className="details">
          <summary>{t('payments.details')}</summary>
          <dl className="summary summary-compact">
            <div><dt>{t('fraud.case')}</dt><dd className="mono">{item.id}</dd></div>
            <div><dt>{t('receipt.id')}</dt><dd className="mono">{item.paymentId}</dd></div>
            <div><dt>{t('backoffice.customer.id')}</dt><dd className="mono">{item.customerId}</dd></div>
            {item.resolvedBy ? <div><dt>{t('fraud.resolvedBy')}</dt><dd>{item.resolvedBy} · {formatDateTime(item.resolvedAt)}</dd></div> : null}
            {item.resolution ? <div><dt>{t('fraud.note')}</dt><dd>{item.resolution}</dd></div> : null}
          </dl>
        </details>
        {item.status === 'open' ? (
          <div className="fraud-actions">
            <div className="field">
              <label htmlFor={noteId}>{t('fraud.noteOptional')}</label>
              <textarea id={noteId} rows={2} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} data-testid="fraud-note" />
            </div>
            <ErrorAlert error={error} testId="fraud-error" />
            <div className="actions">
              <button type="button" className="button button-primary" onClick={() => void resolve('approve')} disabled={busy !== null} data-testid="fraud-approve">
                {busy === 'approve' ? t('fraud.approving') : t('fraud.approve')}
              </button>
              <button type="button" className="button button-danger" onClick={() => void resolve('reject')} disabled={busy !== null} data-testid="fraud-reject">
                {busy === 'reject' ? t('fraud.rejecting') : t('fraud.reject')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
      <div className="row-side">
        <span className={`badge ${tone}`} data-testid="fraud-status">{tOr(`fraud.status.${item.status}`, item.status)}</span>
      </div>
    </li>
  );
}

function FraudSection() {
  const { t } = useI18n();
  const [status, setStatus] = useState('open');
  const { items, cursor, loading, loadingMore, error, loadMore, reload, update } = useCursorPages(
    (after, signal) => fetchFraudCases(status, after, PAGE_SIZE, signal),
    [status],
    { keyOf: (item: FraudCase) => item.id, stale: 'keep' },
  );

  return (
    <>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="fraud-status-filter">{t('fraud.filter')}</label>
          <select id="fraud-status-filter" data-testid="fraud-status-filter" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="open">{t('fraud.status.open')}</option>
            <option value="approved">{t('fraud.status.approved')}</option>
            <option value="rejected">{t('fraud.status.rejected')}</option>
            <option value="">{t('fraud.status.all')}</option>
          </select>
        </div>
        <button type="button" className="button button-secondary button-small" onClick={reload} disabled={loading}
          data-testid="fraud-refresh">
          {t('payments.refresh')}
        </button>
      </div>
      <ErrorAlert error={error} onRetry={reload} testId="fraud-cases-error" />
      {loading ? <Loading /> : null}
      {!loading && !error && items.length === 0 ? <p className="muted" data-testid="fraud-empty">{t('fraud.none')}</p> : null}
      {items.length > 0 ? (
        <ul className="list" data-testid="fraud-cases">
          {items.map((item) => (
            <FraudCaseRow key={item.id} item={item}
              onResolved={(resolved) => update((current) => current.map((known) => (known.id === resolved.id ? resolved : known)))} />
          ))}
        </ul>
      ) : null}
      {cursor && !loading ? (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={loadingMore} data-testid="fraud-more">
          {loadingMore ? t('payments.loadingMore') : t('payments.more')}
        </button>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- audit

function AuditRow({ event }: { event: AuditEventView }) {
  const { t, formatDateTime } = useI18n();
  return (
    <li className="row audit-event" data-testid="audit-event" data-sequence={event.sequence}>
      <div className="row-main">
        <span className="row-title"><span className="mono">#{event.sequence}</span> · {event.type}</span>
        <span className="row-meta">
          {event.topic} · {t('audit.subject')}: <span className="mono">{event.subject ?? event.aggregateKey ?? '—'}</span>
        </span>
        <span className="row-meta">
          {t('audit.occurred', { date: formatDateTime(event.occurredAt) })} · {t('audit.recorded', { date: formatDateTime(event.recordedAt) })}
        </span>
        <details className="details">
          <summary>{t('audit.content')}</summary>
          <dl className="summary summary-compact">
            <div><dt>{t('audit.eventId')}</dt><dd className="mono">{event.eventId}</dd></div>
            <div><dt>{t('audit.hash')}</dt><dd className="mono">{event.hash}</dd></div>
            <div><dt>{t('audit.previousHash')}</dt><dd className="mono">{event.previousHash}</dd></div>
          </dl>
          <pre className="json">{event.content !== null && event.content !== undefined ? JSON.stringify(event.content, null, 2) : event.contentBase64 ?? ''}</pre>
        </details>
      </div>
    </li>
  );
}

function AuditSection() {
  const { t } = useI18n();
  const [aggregateId, setAggregateId] = useState('');
  const [type, setType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState<AuditSearch | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [report, setReport] = useState<VerificationReport | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  // Each search (a new criteria object) starts over; the events shown stay until its answer.
  const { items, cursor, loaded, loading, loadingMore, error, loadMore } = useCursorPages(
    search ? (after, signal) => searchAuditEvents(search, after, PAGE_SIZE, signal) : null,
    [search],
    { keyOf: (event: AuditEventView) => event.sequence, stale: 'keep' },
  );
  const busy = loading || loadingMore;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const criteria: AuditSearch = {
      aggregateId: aggregateId.trim() || undefined,
      type: type.trim() || undefined,
      from: localDateTimeToIso(from) ?? undefined,
      to: localDateTimeToIso(to) ?? undefined,
    };
    setSearch(criteria);
  };

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    setReport(null);
    try {
      setReport(await verifyAuditChain());
    } catch (failure) {
      setVerifyError(failure);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <div className="verify-box">
        <p className="muted">{t('audit.verifyIntro')}</p>
        <button type="button" className="button button-secondary" onClick={() => void verify()} disabled={verifying} aria-busy={verifying || undefined}
          data-testid="audit-verify">
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
        <ErrorAlert error={verifyError} testId="audit-verify-error" />
        {report ? (
          <p className={`alert ${report.valid ? 'alert-info' : 'alert-error'}`} role={report.valid ? 'status' : 'alert'}
            data-testid="audit-verify-result" data-valid={String(report.valid)}>
            {report.valid
              ? t('audit.valid', { count: report.verifiedEvents, sequence: report.lastSequence ?? 0, hash: (report.lastHash ?? '').slice(0, 16) })
              : t('audit.broken', { sequence: report.firstBrokenSequence ?? 0, reason: report.reason ?? '' })}
          </p>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate className="backoffice-form">
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="audit-aggregate">{t('audit.aggregateId')}</label>
            <input id="audit-aggregate" data-testid="audit-aggregate" className="mono" autoComplete="off" maxLength={200}
              value={aggregateId} onChange={(event) => setAggregateId(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="audit-type">{t('audit.type')}</label>
            <input id="audit-type" data-testid="audit-type" className="mono" autoComplete="off" maxLength={200} placeholder="io.quipu.payments.payment.completed"
              value={type} onChange={(event) => setType(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="audit-from">{t('audit.from')}</label>
            <input id="audit-from" data-testid="audit-from" type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t('audit.to')}</label>
            <input id="audit-to" data-testid="audit-to" type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
          </div>
        </div>
        <p className="hint">{t('audit.hint')}</p>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined} data-testid="audit-search">
          {busy && !cursor ? t('backoffice.searching') : t('audit.search')}
        </button>
      </form>
      <ErrorAlert error={error} testId="audit-error" />
      {loaded && items.length === 0 ? <p className="muted" role="status" data-testid="audit-none">{t('audit.none')}</p> : null}
      {items.length > 0 ? (
        <ul className="list" data-testid="audit-events">
          {items.map((event) => <AuditRow key={event.sequence} event={event} />)}
        </ul>
      ) : null}
      {cursor && search ? (
        <button type="button" className="button button-secondary" onClick={loadMore} disabled={busy} data-testid="audit-more">
          {busy ? t('payments.loadingMore') : t('payments.more')}
        </button>
      ) : null}
    </>
  );
}

/**
 * Staff screens (the same login; /bff/session's roles tell staff from customers): customer search (teller, admin,
 * analyst, auditor), the fraud review queue (analyst, admin), the audit log and its chain check (auditor, admin).
 */
export function BackOfficePage() {
  const { t } = useI18n();
  const { state } = useSession();
  const roles = state.status === 'authenticated' ? state.session.roles : [];
  const sections = staffSections(roles);
  const none = !sections.customers && !sections.fraud && !sections.audit;
  return (
    <div className="page backoffice">
      <PageHeading title={t('backoffice.title')} />
      <p className="muted" data-testid="backoffice-roles">{t('backoffice.roles', { roles: roles.join(', ') || '—' })}</p>
      {none ? <p className="alert alert-info" role="status">{t('backoffice.noSections')}</p> : null}
      {!none ? (
        <nav aria-label={t('backoffice.sections')} className="in-page-nav">
          <ul>
            {sections.customers ? <li><JumpLink target="backoffice-customers-title">{t('backoffice.customers')}</JumpLink></li> : null}
            {sections.fraud ? <li><JumpLink target="backoffice-fraud-title">{t('backoffice.fraud')}</JumpLink></li> : null}
            {sections.audit ? <li><JumpLink target="backoffice-audit-title">{t('backoffice.audit')}</JumpLink></li> : null}
          </ul>
        </nav>
      ) : null}
      {sections.customers ? (
        <Section id="backoffice-customers-title" title={t('backoffice.customers')} testId="backoffice-customers">
          <CustomerSearchSection />
        </Section>
      ) : null}
      {sections.fraud ? (
        <Section id="backoffice-fraud-title" title={t('backoffice.fraud')} testId="backoffice-fraud">
          <FraudSection />
        </Section>
      ) : null}
      {sections.audit ? (
        <Section id="backoffice-audit-title" title={t('backoffice.audit')} testId="backoffice-audit">
          <AuditSection />
        </Section>
      ) : null}
    </div>
  );
}
