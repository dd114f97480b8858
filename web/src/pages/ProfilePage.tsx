import { useEffect, useState, type Dispatch, type FormEvent, type ReactNode, type SetStateAction } from 'react';
import { documentUrl, fetchCustomer, fetchDocuments, updateCustomer } from '../api/customers';
import { deletePasskey, fetchPasskeys } from '../api/identity';
import { deleteDevice, fetchDevices, fetchPreferences, savePreferences } from '../api/notifications';
import type { CustomerResponse, DeviceView, DocumentSummary, PasskeyView } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { PasskeyEnrol } from '../components/PasskeyEnrol';
import { useI18n } from '../i18n/I18nContext';
import type { Language, MessageKey } from '../i18n/messages';
import { maskBirthDate, maskDocumentNumber, maskPhone } from '../lib/masking';
import { rememberPasskeys } from '../lib/passkeyHints';
import { useSession } from '../state/SessionContext';

/** The kinds of notification a customer can route (notifications NotificationKind), in the order shown. */
const KINDS = ['money_received', 'money_sent', 'payment_failed', 'payment_returned', 'account_locked', 'new_login_source', 'onboarding_completed'];
const CHANNELS = ['web', 'push', 'email', 'sms'];

interface Loaded<T> {
  data: T | null;
  setData: Dispatch<SetStateAction<T | null>>;
  error: unknown;
  loading: boolean;
  retry: () => void;
}

/** A list loaded once when the page opens, with its own error and retry. */
function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>, enabled: boolean): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal)
      .then((value) => {
        setData(value);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) {
          setError(failure);
          setLoading(false);
        }
      });
    return () => controller.abort();
    // `load` is a new closure on every render: only `enabled` and `attempt` (retry) reload.
  }, [enabled, attempt]);
  return { data, setData, error, loading, retry: () => setAttempt((value) => value + 1) };
}

/** Removing items from a loaded list, one at a time: which one is on its way, and the last failure. */
function useRemoval<T extends { id: string }>(list: Loaded<T[]>, remove: (item: T) => Promise<unknown>) {
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (item: T) => {
    setRemoving(item.id);
    setError(null);
    try {
      await remove(item);
      list.setData((current) => (current ?? []).filter((known) => known.id !== item.id));
    } catch (failure) {
      setError(failure);
    } finally {
      setRemoving(null);
    }
  };
  return { removing, error, remove: run };
}

/** A loaded list's card body: its intro, loading, errors (the load's with a retry, a removal's), the empty note and the rows. */
function LoadedList<T>({ intro, list, removeError, empty, testIds, renderItem }: {
  intro: string;
  list: Loaded<T[]>;
  removeError: unknown;
  empty: string;
  testIds: { error: string; removeError: string; empty: string; list: string };
  renderItem: (item: T) => ReactNode;
}) {
  return (
    <>
      <p className="muted">{intro}</p>
      {list.loading ? <Loading /> : null}
      <ErrorAlert error={list.error} onRetry={list.retry} testId={testIds.error} />
      <ErrorAlert error={removeError} testId={testIds.removeError} />
      {list.data && list.data.length === 0 ? <p className="muted" data-testid={testIds.empty}>{empty}</p> : null}
      {list.data && list.data.length > 0 ? (
        <ul className="list" data-testid={testIds.list}>
          {list.data.map((item) => renderItem(item))}
        </ul>
      ) : null}
    </>
  );
}

function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="card section profile-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function PersonalData({ customer }: { customer: CustomerResponse }) {
  const { t, tOr } = useI18n();
  const name = [customer.givenNames, customer.paternalSurname, customer.maternalSurname].filter(Boolean).join(' ');
  return (
    <>
      <dl className="summary" data-testid="profile-personal">
        <div>
          <dt>{t('profile.name')}</dt>
          <dd data-testid="profile-name">{name || '—'}</dd>
        </div>
        <div>
          <dt>{t('profile.document')}</dt>
          <dd className="mono" data-testid="profile-document">
            {customer.documentType ? `${tOr(`onboarding.documentType.${customer.documentType}`, customer.documentType)} ` : ''}
            {maskDocumentNumber(customer.documentNumber)}
          </dd>
        </div>
        <div>
          <dt>{t('profile.email')}</dt>
          <dd data-testid="profile-email">{customer.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('profile.phone')}</dt>
          <dd className="mono" data-testid="profile-phone">{maskPhone(customer.phone)}</dd>
        </div>
        <div>
          <dt>{t('profile.birthDate')}</dt>
          <dd className="mono" data-testid="profile-birth-date">{maskBirthDate(customer.birthDate)}</dd>
        </div>
        <div>
          <dt>{t('profile.status')}</dt>
          <dd>{tOr(`profile.status.${customer.status}`, customer.status)}</dd>
        </div>
      </dl>
      <p className="hint">{t('profile.maskedNote')}</p>
    </>
  );
}

function LanguageSection({ customer, onSaved }: { customer: CustomerResponse | null; onSaved: (customer: CustomerResponse) => void }) {
  const { t, lang, setLang } = useI18n();
  const customerId = customer?.id;
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const notifying = customer?.language === 'en' || customer?.language === 'es' ? customer.language : null;

  const useForMessages = async () => {
    if (!customerId || customer?.version === undefined) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      onSaved(await updateCustomer(customerId, { version: customer.version, language: lang }));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <div className="field field-inline">
        <label htmlFor="profile-language">{t('profile.language.app')}</label>
        <select id="profile-language" data-testid="profile-language" value={lang} onChange={(event) => { setSaved(false); setLang(event.target.value as Language); }}>
          <option value="es" lang="es">Español</option>
          <option value="en" lang="en">English</option>
        </select>
      </div>
      {notifying ? <p className="muted small">{t('profile.language.current', { language: t(`profile.language.${notifying}` as MessageKey) })}</p> : null}
      {customer && notifying !== lang ? (
        <button type="button" className="button button-secondary" onClick={useForMessages} disabled={saving || customer.version === undefined}
          data-testid="profile-language-save">
          {saving ? t('profile.saving') : t('profile.language.useForMessages')}
        </button>
      ) : null}
      {saved ? <p className="status-success" role="status">{t('profile.language.saved')}</p> : null}
      <ErrorAlert error={error} testId="profile-language-error" />
    </>
  );
}

function PasskeysSection() {
  const { t, formatDateTime } = useI18n();
  const { state } = useSession();
  const subject = state.status === 'authenticated' ? state.session.subject : '';
  const list = useLoaded((signal) => fetchPasskeys(signal), true);
  const removal = useRemoval(list, (passkey) => deletePasskey(passkey.id));

  useEffect(() => {
    if (list.data && subject) rememberPasskeys(subject, list.data.length > 0);
  }, [list.data, subject]);

  const remove = (passkey: PasskeyView) => {
    if (window.confirm(t('passkey.confirmDelete', { label: passkey.label }))) void removal.remove(passkey);
  };

  return (
    <>
      <LoadedList intro={t('passkey.profileIntro')} list={list} removeError={removal.error} empty={t('passkey.none')}
        testIds={{ error: 'passkeys-error', removeError: 'passkey-delete-error', empty: 'passkeys-empty', list: 'passkey-list' }}
        renderItem={(passkey) => (
          <li key={passkey.id} className="row" data-testid="passkey-item" data-passkey-id={passkey.id}>
            <div className="row-main">
              <span className="row-title">{passkey.label}</span>
              <span className="row-meta">
                {t('passkey.created', { date: formatDateTime(passkey.createdAt) })}
                {' · '}
                {passkey.lastUsedAt ? t('passkey.lastUsed', { date: formatDateTime(passkey.lastUsedAt) }) : t('passkey.neverUsed')}
              </span>
            </div>
            <div className="row-side">
              <button type="button" className="button button-secondary button-small" onClick={() => remove(passkey)}
                disabled={removal.removing === passkey.id} aria-label={t('passkey.deleteLabel', { label: passkey.label })} data-testid="passkey-delete">
                {t('passkey.delete')}
              </button>
            </div>
          </li>
        )} />
      <PasskeyEnrol withLabel onEnrolled={(passkey) => list.setData((current) => [...(current ?? []), passkey])} />
    </>
  );
}

function DevicesSection() {
  const { t, tOr, formatDateTime } = useI18n();
  const list = useLoaded((signal) => fetchDevices(signal), true);
  const removal = useRemoval(list, (device: DeviceView) => deleteDevice(device.id));
  return (
    <LoadedList intro={t('devices.intro')} list={list} removeError={removal.error} empty={t('devices.none')}
      testIds={{ error: 'devices-error', removeError: 'device-delete-error', empty: 'devices-empty', list: 'device-list' }}
      renderItem={(device) => {
        const name = device.label || tOr(`devices.platform.${device.platform}`, device.platform);
        return (
          <li key={device.id} className="row" data-testid="device-item">
            <div className="row-main">
              <span className="row-title">{name}</span>
              <span className="row-meta">
                {tOr(`devices.platform.${device.platform}`, device.platform)} · {t('devices.added', { date: formatDateTime(device.createdAt) })}
              </span>
            </div>
            <div className="row-side">
              <button type="button" className="button button-secondary button-small" onClick={() => void removal.remove(device)}
                disabled={removal.removing === device.id} aria-label={t('devices.removeLabel', { name })} data-testid="device-remove">
                {t('devices.remove')}
              </button>
            </div>
          </li>
        );
      }} />
  );
}

function PreferencesSection() {
  const { t, tOr } = useI18n();
  const loaded = useLoaded((signal) => fetchPreferences(signal), true);
  const [choices, setChoices] = useState<Record<string, string[]> | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (loaded.data) setChoices({ ...loaded.data.events });
  }, [loaded.data]);

  const kinds = choices ? [...KINDS, ...Object.keys(choices).filter((kind) => !KINDS.includes(kind))] : [];

  const toggle = (kind: string, channel: string, on: boolean) => {
    setSaved(false);
    setChoices((current) => {
      const list = new Set(current?.[kind] ?? []);
      if (on) list.add(channel);
      else list.delete(channel);
      return { ...current, [kind]: CHANNELS.filter((item) => list.has(item)).concat([...list].filter((item) => !CHANNELS.includes(item))) };
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!choices) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      const events = Object.fromEntries(kinds.map((kind) => [kind, choices[kind] ?? []]));
      const answer = await savePreferences({ events });
      setChoices({ ...answer.events });
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <p className="muted">{t('preferences.intro')}</p>
      {loaded.loading ? <Loading /> : null}
      <ErrorAlert error={loaded.error} onRetry={loaded.retry} testId="preferences-error" />
      {choices ? (
        <div className="table-scroll">
          <table className="preferences" data-testid="profile-preferences">
            <caption className="sr-only">{t('preferences.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('preferences.kind')}</th>
                {CHANNELS.map((channel) => <th key={channel} scope="col">{t(`preferences.channel.${channel}` as MessageKey)}</th>)}
              </tr>
            </thead>
            <tbody>
              {kinds.map((kind) => {
                const kindLabel = tOr(`notification.kind.${kind}`, kind);
                return (
                  <tr key={kind}>
                    <th scope="row">{kindLabel}</th>
                    {CHANNELS.map((channel) => (
                      <td key={channel}>
                        <input
                          type="checkbox"
                          id={`pref-${kind}-${channel}`}
                          data-testid={`pref-${kind}-${channel}`}
                          checked={(choices[kind] ?? []).includes(channel)}
                          onChange={(event) => toggle(kind, channel, event.target.checked)}
                          aria-label={t('preferences.checkbox', { kind: kindLabel, channel: t(`preferences.channel.${channel}` as MessageKey) })}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="hint">{t('preferences.hint')}</p>
      <ErrorAlert error={error} testId="preferences-save-error" />
      {saved ? <p className="status-success" role="status" data-testid="profile-preferences-saved">{t('preferences.saved')}</p> : null}
      <button type="submit" className="button button-primary" disabled={!choices || saving} aria-busy={saving || undefined} data-testid="profile-preferences-save">
        {saving ? t('profile.saving') : t('preferences.save')}
      </button>
    </form>
  );
}

function DocumentsSection({ customerId, documents }: { customerId: string; documents: DocumentSummary[] }) {
  const { t, tOr, formatDateTime } = useI18n();
  if (documents.length === 0) {
    return <p className="muted">{t('documents.none')}</p>;
  }
  return (
    <ul className="list" data-testid="profile-documents">
      {documents.map((document) => (
        <li key={document.id} className="row">
          <div className="row-main">
            <span className="row-title">{tOr(`documents.kind.${document.kind}`, document.fileName)}</span>
            <span className="row-meta">{formatDateTime(document.createdAt)}</span>
          </div>
          <div className="row-side">
            <a className="button button-secondary button-small" href={documentUrl(customerId, document.id)} download={document.fileName}
              data-testid="profile-document-link">
              {t('documents.download')}
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * The customer's own data (masked), passkeys, push devices, notification preferences and language. Calls:
 * GET /api/customers/customers/{id}, /documents; GET/DELETE /api/identity/auth/passkeys (+ enrolment);
 * GET/DELETE /api/notifications/notifications/devices; GET/PUT …/preferences; PATCH /customers/{id} (language).
 */
export function ProfilePage() {
  const { t } = useI18n();
  const { state } = useSession();
  const customerId = state.status === 'authenticated' ? state.session.customerId : null;
  const customer = useLoaded((signal) => fetchCustomer(customerId ?? '', signal), !!customerId);
  const documents = useLoaded((signal) => fetchDocuments(customerId ?? '', signal), !!customerId);

  return (
    <div className="page profile">
      <PageHeading title={t('profile.title')} />
      <Section id="profile-personal-title" title={t('profile.personal')}>
        {customer.loading ? <Loading /> : null}
        <ErrorAlert error={customer.error} onRetry={customer.retry} testId="profile-error" />
        {customer.data ? <PersonalData customer={customer.data} /> : null}
      </Section>
      <Section id="profile-passkeys-title" title={t('passkey.title')} testId="profile-passkeys">
        <PasskeysSection />
      </Section>
      <Section id="profile-preferences-title" title={t('preferences.title')}>
        <PreferencesSection />
      </Section>
      <Section id="profile-devices-title" title={t('devices.title')} testId="profile-devices">
        <DevicesSection />
      </Section>
      <Section id="profile-language-title" title={t('profile.language.title')}>
        <LanguageSection customer={customer.data} onSaved={(updated) => customer.setData(updated)} />
      </Section>
      <Section id="profile-documents-title" title={t('documents.title')}>
        {documents.loading ? <Loading /> : null}
        <ErrorAlert error={documents.error} onRetry={documents.retry} testId="documents-error" />
        {documents.data && customerId ? <DocumentsSection customerId={customerId} documents={documents.data} /> : null}
      </Section>
    </div>
  );
}
