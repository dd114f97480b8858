import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/http';
import {
  fetchContract,
  fetchOnboarding,
  sendCredentials,
  sendSelfie,
  signContract,
  startOnboarding,
} from '../api/onboarding';
import { fetchTemplate, lookUpPerson, registerPerson } from '../api/sandbox';
import type { OnboardingResponse } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { isDemo } from '../lib/demo';
import { noisyFeatures, syntheticPhotoReference, VECTOR_SIZE, type FaceFeatures } from '../lib/faceFeatures';
import {
  checkBirthDate,
  checkDocument,
  checkEmail,
  checkName,
  checkPhone,
  checkUsername,
  limaToday,
  normaliseEmail,
  normalisePhone,
  passwordAcceptable,
  passwordRules,
  rejectionReasonOf,
  wizardStep,
  type OnboardingDocumentType,
  type WizardStep,
} from '../lib/onboarding';

/**
 * Opening an account from the browser: who you are (checked with the identity registry), a selfie (matched with the
 * registry's photo), your login and account currency, the contract (read, then signed with a fresh selfie), done.
 * The case id and its resume token live in sessionStorage, so a reload or a closed tab picks up where it stood
 * (GET /onboarding/{id}).
 */

const STORAGE_KEY = 'quipu.onboarding';
const POLL_MS = 2500;

interface StoredCase {
  id: string;
  token: string;
  email?: string;
  /** Demo only: the demo selfie asks the sandbox for this person's photo. */
  documentType?: string;
  documentNumber?: string;
}

function readStored(): StoredCase | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredCase>;
    return typeof value.id === 'string' && typeof value.token === 'string' ? (value as StoredCase) : null;
  } catch {
    return null;
  }
}

function writeStored(value: StoredCase | null): void {
  try {
    if (value) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not resumable after a reload; the wizard still works in this page.
  }
}

type Phase = 'start' | 'resuming' | WizardStep;

const PROGRESS: { key: MessageKey; phases: Phase[] }[] = [
  { key: 'onboarding.progress.data', phases: ['start', 'resuming'] },
  { key: 'onboarding.progress.selfie', phases: ['selfie'] },
  { key: 'onboarding.progress.credentials', phases: ['credentials'] },
  { key: 'onboarding.progress.contract', phases: ['sign_contract'] },
  { key: 'onboarding.progress.done', phases: ['done'] },
];

function Progress({ phase, waitingFor }: { phase: Phase; waitingFor: Phase }) {
  const { t } = useI18n();
  const shown = phase === 'wait' ? waitingFor : phase;
  const current = PROGRESS.findIndex((item) => item.phases.includes(shown));
  return (
    <ol className="wizard-progress" aria-label={t('onboarding.progress.label')}>
      {PROGRESS.map((item, index) => (
        <li
          key={item.key}
          className={index < current ? 'done' : index === current ? 'current' : undefined}
          aria-current={index === current ? 'step' : undefined}
        >
          <span className="wizard-progress-number" aria-hidden="true">{index + 1}</span>
          <span>{t(item.key)}</span>
        </li>
      ))}
    </ol>
  );
}

/** The demo selfie: the sandbox's template of this person's registry photo plus a little noise (as e2e's Onboarding.java). */
async function demoFeatures(stored: StoredCase): Promise<FaceFeatures> {
  if (!stored.documentType || !stored.documentNumber) {
    throw new Error('document unknown');
  }
  let photoReference: string | null = null;
  try {
    photoReference = (await lookUpPerson(stored.documentType, stored.documentNumber))?.photoReference ?? null;
  } catch (error) {
    // The registry refused the demo's key: the synthetic reference is the usual one.
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) {
      throw error;
    }
  }
  const reference = photoReference ?? (await syntheticPhotoReference(stored.documentType, stored.documentNumber));
  const template = await fetchTemplate(reference);
  return noisyFeatures(template.vector);
}

/** Face features pasted as JSON ({"vector": [128 numbers], "livenessScore": 0.9}), for a device that extracted them. */
function parseFeatures(text: string): FaceFeatures | null {
  try {
    const value = JSON.parse(text) as { features?: unknown } & Partial<FaceFeatures>;
    const features = (value.features ?? value) as Partial<FaceFeatures>;
    if (!Array.isArray(features.vector) || features.vector.length !== VECTOR_SIZE
      || !features.vector.every((item) => typeof item === 'number' && Number.isFinite(item))
      || typeof features.livenessScore !== 'number' || features.livenessScore < 0 || features.livenessScore > 1) {
      return null;
    }
    return { vector: features.vector, livenessScore: features.livenessScore };
  } catch {
    return null;
  }
}

/** The selfie picker: the device camera on phones; the picture stays in the browser (preview only). */
function SelfiePicker() {
  const { t } = useI18n();
  const id = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) {
      setPreview(null);
      return;
    }
    // A data: URL (the page's Content-Security-Policy allows img-src 'self' data:, not blob:).
    const reader = new FileReader();
    reader.onload = () => setPreview(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(file);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('onboarding.selfie.photo')}</label>
      <input id={id} type="file" accept="image/*" capture="user" onChange={onChange} data-testid="onboarding-selfie-file" aria-describedby={`${id}-hint`} />
      <p className="hint" id={`${id}-hint`}>{t('onboarding.selfie.photoHint')}</p>
      {preview ? <img className="selfie-preview" src={preview} alt={t('onboarding.selfie.previewAlt')} /> : null}
    </div>
  );
}

/** Where face features come from: the demo's sandbox, or JSON from a device. */
function FeaturesSource({ busy, onFeatures, demoLabel, demoTestId, submitLabel }: {
  busy: boolean;
  onFeatures: (source: 'demo' | FaceFeatures) => void;
  demoLabel: string;
  demoTestId: string;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [json, setJson] = useState('');
  const [invalid, setInvalid] = useState(false);
  const demo = isDemo();
  const submitJson = () => {
    const features = parseFeatures(json);
    setInvalid(!features);
    if (features) onFeatures(features);
  };
  return (
    <>
      {demo ? (
        <>
          <p className="alert alert-info">{t('onboarding.selfie.demoHint')}</p>
          <button type="button" className="button button-primary button-block" onClick={() => onFeatures('demo')} disabled={busy}
            aria-busy={busy || undefined} data-testid={demoTestId}>
            {busy ? t('onboarding.selfie.checking') : demoLabel}
          </button>
        </>
      ) : (
        <p className="alert alert-warning">{t('onboarding.selfie.noExtractor')}</p>
      )}
      <details className="details" open={!demo}>
        <summary>{t('onboarding.selfie.advanced')}</summary>
        <div className="field">
          <label htmlFor={id}>{t('onboarding.selfie.json')}</label>
          <textarea id={id} className="mono" rows={4} value={json} onChange={(event) => setJson(event.target.value)}
            aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : undefined} data-testid="onboarding-features-json" />
          {invalid ? <p className="field-error" id={`${id}-error`}>{t('onboarding.selfie.jsonInvalid')}</p> : null}
        </div>
        <button type="button" className="button button-secondary" onClick={submitJson} disabled={busy || json.trim() === ''}>
          {submitLabel}
        </button>
      </details>
    </>
  );
}

interface StartValues {
  documentType: OnboardingDocumentType;
  documentNumber: string;
  givenNames: string;
  surnames: string;
  email: string;
  phone: string;
  birthDate: string;
}

type StartField = Exclude<keyof StartValues, 'documentType'>;

const EMPTY_START: StartValues = { documentType: 'DNI', documentNumber: '', givenNames: '', surnames: '', email: '', phone: '', birthDate: '' };

function startErrors(values: StartValues, today: string): Partial<Record<StartField, string>> {
  const errors: Partial<Record<StartField, string | null>> = {
    documentNumber: checkDocument(values.documentType, values.documentNumber),
    givenNames: checkName(values.givenNames, 80),
    surnames: checkName(values.surnames, 160),
    email: checkEmail(values.email),
    phone: checkPhone(values.phone),
    birthDate: checkBirthDate(values.birthDate, today),
  };
  return Object.fromEntries(Object.entries(errors).filter(([, code]) => code)) as Partial<Record<StartField, string>>;
}

/** Demo: the sandbox registry holds exactly what the applicant typed (keeping its photo, gender and address). */
async function registerInSandbox(values: StartValues): Promise<void> {
  const number = values.documentNumber.trim();
  let current;
  try {
    current = await lookUpPerson(values.documentType, number);
  } catch (error) {
    // The sandbox cannot be read from here (another API key, not routed): the start goes on with the registry as it is.
    if (error instanceof ApiError) {
      return;
    }
    throw error;
  }
  // Nobody (a DNI ending in 000) or a deceased person: left as they are, so those answers can still be shown.
  if (!current || current.deceased) {
    return;
  }
  const words = values.surnames.trim().split(/\s+/);
  await registerPerson(values.documentType, number, {
    givenNames: values.givenNames.trim().replace(/\s+/g, ' '),
    paternalSurname: words[0],
    maternalSurname: words.length > 1 ? words.slice(1).join(' ') : current.maternalSurname,
    birthDate: values.birthDate,
    gender: current.gender,
    address: current.address,
    photoReference: current.photoReference,
  });
}

function StartForm({ onStarted, onRejected }: { onStarted: (onboarding: OnboardingResponse, stored: StoredCase) => void; onRejected: (reason: string | null) => void }) {
  const { t, lang } = useI18n();
  const demo = isDemo();
  const [values, setValues] = useState<StartValues>(EMPTY_START);
  const [submitted, setSubmitted] = useState(false);
  const [registerDemo, setRegisterDemo] = useState(true);
  const [busy, setBusy] = useState(false);
  const [lookingUp, setLookingUp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [lookupNote, setLookupNote] = useState<MessageKey | null>(null);
  const refs = useRef<Partial<Record<StartField, HTMLInputElement | null>>>({});
  const today = limaToday();
  const errors = submitted ? startErrors(values, today) : {};

  const set = (field: keyof StartValues) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const fillFromRegistry = async () => {
    setLookupNote(null);
    setError(null);
    if (checkDocument(values.documentType, values.documentNumber)) {
      setSubmitted(true);
      refs.current.documentNumber?.focus();
      return;
    }
    setLookingUp(true);
    try {
      const person = await lookUpPerson(values.documentType, values.documentNumber.trim());
      if (!person) {
        setLookupNote('onboarding.demo.notFound');
        return;
      }
      setValues((current) => ({
        ...current,
        givenNames: person.givenNames,
        surnames: `${person.paternalSurname} ${person.maternalSurname}`.trim(),
        birthDate: person.birthDate,
      }));
      setLookupNote('onboarding.demo.filled');
    } catch (failure) {
      setError(failure);
    } finally {
      setLookingUp(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    const found = startErrors(values, today);
    const first = (['documentNumber', 'givenNames', 'surnames', 'email', 'phone', 'birthDate'] as StartField[]).find((field) => found[field]);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    setBusy(true);
    try {
      if (demo && registerDemo) {
        await registerInSandbox(values);
      }
      const email = normaliseEmail(values.email);
      const onboarding = await startOnboarding({
        documentType: values.documentType,
        documentNumber: values.documentNumber.trim(),
        givenNames: values.givenNames.trim().replace(/\s+/g, ' '),
        surnames: values.surnames.trim().replace(/\s+/g, ' '),
        email,
        phone: normalisePhone(values.phone),
        language: lang,
        birthDate: values.birthDate,
      });
      if (!onboarding.resumeToken) {
        throw new ApiError(500, 'invalid_response');
      }
      onStarted(onboarding, {
        id: onboarding.id,
        token: onboarding.resumeToken,
        email,
        ...(demo ? { documentType: values.documentType, documentNumber: values.documentNumber.trim() } : {}),
      });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'onboarding_rejected') {
        onRejected(rejectionReasonOf(failure.detail));
        return;
      }
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: StartField, label: MessageKey, input: InputHTMLAttributes<HTMLInputElement> & { 'data-testid': string }, hint?: MessageKey) => {
    const code = errors[name];
    return (
      <Field
        ref={(element) => { refs.current[name] = element; }}
        id={`onboarding-${name}`}
        label={t(label)}
        hint={hint ? t(hint) : null}
        error={code ? t(`onboarding.error.${name}.${code}` as MessageKey) : null}
        value={values[name]}
        onChange={set(name)}
        required
        {...input}
      />
    );
  };

  const invalid = Object.keys(errors).length > 0;

  return (
    <form className="card form-card" onSubmit={submit} noValidate data-testid="onboarding-start-form">
      <p className="muted">{t('onboarding.start.intro')}</p>
      {invalid ? (
        <div className="alert alert-error" role="alert"><p>{t('onboarding.fixErrors')}</p></div>
      ) : null}
      <ErrorAlert error={error} testId="onboarding-error" />
      <div className="field">
        <label htmlFor="onboarding-document-type">{t('onboarding.documentType')}</label>
        <select id="onboarding-document-type" data-testid="onboarding-document-type" value={values.documentType} onChange={set('documentType')}>
          <option value="DNI">{t('onboarding.documentType.DNI')}</option>
          <option value="CEDULA_EC">{t('onboarding.documentType.CEDULA_EC')}</option>
        </select>
      </div>
      {field('documentNumber', 'onboarding.documentNumber', {
        'data-testid': 'onboarding-document', inputMode: 'numeric', autoComplete: 'off', maxLength: 20, className: 'mono',
      }, values.documentType === 'DNI' ? 'onboarding.documentHint.DNI' : 'onboarding.documentHint.CEDULA_EC')}
      {demo ? (
        <div className="demo-box">
          <p className="small">{t('onboarding.demo.intro')}</p>
          <button type="button" className="button button-secondary button-small" onClick={fillFromRegistry} disabled={lookingUp || busy}
            data-testid="onboarding-demo-lookup">
            {lookingUp ? t('onboarding.demo.lookingUp') : t('onboarding.demo.lookup')}
          </button>
          {lookupNote ? <p className="small" role="status">{t(lookupNote)}</p> : null}
          <label className="checkbox">
            <input type="checkbox" checked={registerDemo} onChange={(event) => setRegisterDemo(event.target.checked)} data-testid="onboarding-demo-register" />
            <span>{t('onboarding.demo.register')}</span>
          </label>
        </div>
      ) : null}
      {field('givenNames', 'onboarding.givenNames', { 'data-testid': 'onboarding-given-names', autoComplete: 'given-name', maxLength: 80 })}
      {field('surnames', 'onboarding.surnames', { 'data-testid': 'onboarding-surnames', autoComplete: 'family-name', maxLength: 160 }, 'onboarding.surnamesHint')}
      {field('email', 'onboarding.email', { 'data-testid': 'onboarding-email', type: 'email', autoComplete: 'email', inputMode: 'email', maxLength: 254, spellCheck: false })}
      {field('phone', 'onboarding.phone', { 'data-testid': 'onboarding-phone', type: 'tel', autoComplete: 'tel', inputMode: 'tel', maxLength: 20 }, 'onboarding.phoneHint')}
      {field('birthDate', 'onboarding.birthDate', { 'data-testid': 'onboarding-birth-date', type: 'date', autoComplete: 'bday', max: today, min: '1900-01-01' }, 'onboarding.birthDateHint')}
      <p className="hint">{t('onboarding.start.privacy')}</p>
      <button type="submit" className="button button-primary button-block" disabled={busy} aria-busy={busy || undefined} data-testid="onboarding-next">
        {busy ? t('onboarding.start.checking') : t('onboarding.start.submit')}
      </button>
    </form>
  );
}

function Verified({ onboarding }: { onboarding: OnboardingResponse }) {
  const { t } = useI18n();
  const name = [onboarding.givenNames, onboarding.surnames].filter(Boolean).join(' ');
  return (
    <p className="alert alert-info" role="status" data-testid="onboarding-identity-result">
      {name ? t('onboarding.identity.verifiedAs', { name }) : t('onboarding.identity.verified')}
    </p>
  );
}

function SelfieStep({ stored, onboarding, onDone, onRejected }: {
  stored: StoredCase;
  onboarding: OnboardingResponse;
  onDone: (next: OnboardingResponse) => void;
  onRejected: (reason: string | null) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notMatched, setNotMatched] = useState<number | null | undefined>(undefined);

  const send = async (source: 'demo' | FaceFeatures) => {
    setBusy(true);
    setError(null);
    setNotMatched(undefined);
    try {
      const features = source === 'demo' ? await demoFeatures(stored) : source;
      onDone(await sendSelfie(stored.id, stored.token, features));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'onboarding_rejected') {
        onRejected(rejectionReasonOf(failure.detail));
      } else if (failure instanceof ApiError && failure.code === 'selfie_not_matched') {
        const left = /(\d+) tries left/.exec(failure.detail ?? '');
        setNotMatched(left ? Number(left[1]) : null);
      } else if (failure instanceof Error && failure.message === 'document unknown') {
        setError(new ApiError(0, 'onboarding_demo_document_unknown'));
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card form-card" aria-labelledby="onboarding-title">
      {onboarding.state === 'identity_verified' ? <Verified onboarding={onboarding} /> : null}
      <p>{t('onboarding.selfie.intro')}</p>
      <SelfiePicker />
      {notMatched !== undefined ? (
        <div className="alert alert-error" role="alert" data-testid="onboarding-selfie-result" data-result="not_matched">
          <p>{notMatched === null ? t('onboarding.selfie.notMatched') : t('onboarding.selfie.notMatchedTries', { count: notMatched })}</p>
        </div>
      ) : null}
      <ErrorAlert error={error} testId="onboarding-error" />
      <FeaturesSource busy={busy} onFeatures={send} demoLabel={t('onboarding.selfie.demo')} demoTestId="onboarding-selfie-demo"
        submitLabel={t('onboarding.selfie.sendJson')} />
    </section>
  );
}

function CredentialsStep({ stored, selfieMatched, onDone }: { stored: StoredCase; selfieMatched: boolean; onDone: (next: OnboardingResponse) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [currency, setCurrency] = useState<'PEN' | 'USD'>('PEN');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameError = submitted ? checkUsername(username) : null;
  const passwordError = submitted && !passwordAcceptable(password, username);
  const rules = passwordRules(password, username);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (checkUsername(username)) {
      usernameRef.current?.focus();
      return;
    }
    if (!passwordAcceptable(password, username)) {
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await sendCredentials(stored.id, stored.token, { username: username.trim(), password, accountCurrency: currency }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-labelledby="onboarding-title">
      {selfieMatched ? (
        <p className="alert alert-info" role="status" data-testid="onboarding-selfie-result" data-result="matched">
          {t('onboarding.selfie.matched')}
        </p>
      ) : null}
      <p>{t('onboarding.credentials.intro')}</p>
      <ErrorAlert error={error} testId="onboarding-error" />
      <Field ref={usernameRef} id="onboarding-username" label={t('onboarding.username')} hint={t('onboarding.usernameHint')}
        error={usernameError ? t(`onboarding.error.username.${usernameError}` as MessageKey) : null}
        data-testid="onboarding-username" autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={64} value={username}
        onChange={(event) => setUsername(event.target.value)} required />
      <div className="field">
        <label htmlFor="onboarding-password">{t('onboarding.password')}</label>
        <div className="input-with-button">
          <input ref={passwordRef} id="onboarding-password" data-testid="onboarding-password" type={showPassword ? 'text' : 'password'}
            autoComplete="new-password" maxLength={128} value={password} onChange={(event) => setPassword(event.target.value)}
            aria-invalid={passwordError || undefined} aria-describedby="onboarding-password-rules" required />
          <button type="button" className="button button-secondary button-small" onClick={() => setShowPassword((value) => !value)}
            aria-pressed={showPassword} aria-controls="onboarding-password">
            {showPassword ? t('onboarding.password.hide') : t('onboarding.password.show')}
          </button>
        </div>
        <ul className="rules" id="onboarding-password-rules" data-testid="onboarding-password-rules" aria-live="polite">
          {rules.map((rule) => (
            <li key={rule.rule} data-rule={rule.rule} data-ok={rule.ok === null ? 'unknown' : String(rule.ok)}
              className={rule.ok === true ? 'rule-ok' : rule.ok === false && (submitted || password !== '') ? 'rule-bad' : 'rule-pending'}>
              <span aria-hidden="true">{rule.ok === true ? '✓' : rule.ok === false ? '•' : '…'}</span>{' '}
              {t(`onboarding.password.rule.${rule.rule}` as MessageKey)}
              <span className="sr-only">
                {rule.ok === true ? ` (${t('onboarding.password.met')})` : rule.ok === false ? ` (${t('onboarding.password.notMet')})` : ''}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div className="field">
        <label htmlFor="onboarding-currency">{t('onboarding.currency')}</label>
        <select id="onboarding-currency" data-testid="onboarding-currency" value={currency} onChange={(event) => setCurrency(event.target.value as 'PEN' | 'USD')}>
          <option value="PEN">{t('onboarding.currency.PEN')}</option>
          <option value="USD">{t('onboarding.currency.USD')}</option>
        </select>
      </div>
      <button type="submit" className="button button-primary button-block" disabled={busy} aria-busy={busy || undefined} data-testid="onboarding-next">
        {busy ? t('onboarding.credentials.creating') : t('onboarding.credentials.submit')}
      </button>
    </form>
  );
}

function ContractStep({ stored, onboarding, onDone, onRejected }: {
  stored: StoredCase;
  onboarding: OnboardingResponse;
  onDone: (next: OnboardingResponse) => void;
  onRejected: (reason: string | null) => void;
}) {
  const { t } = useI18n();
  const [pdf, setPdf] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notMatched, setNotMatched] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    setLoadError(null);
    fetchContract(stored.id, stored.token, controller.signal)
      .then((blob) => {
        url = URL.createObjectURL(blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' }));
        setPdf(url);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setLoadError(failure);
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [stored.id, stored.token, attempt]);

  const sign = async (source: 'demo' | FaceFeatures) => {
    setBusy(true);
    setError(null);
    setNotMatched(false);
    try {
      const features = source === 'demo' ? await demoFeatures(stored) : source;
      onDone(await signContract(stored.id, stored.token, features));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'onboarding_rejected') {
        onRejected(rejectionReasonOf(failure.detail));
      } else if (failure instanceof ApiError && failure.code === 'selfie_not_matched') {
        setNotMatched(true);
      } else if (failure instanceof Error && failure.message === 'document unknown') {
        setError(new ApiError(0, 'onboarding_demo_document_unknown'));
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const fileName = `contrato-quipu${onboarding.accountNumber ? `-${onboarding.accountNumber}` : ''}.pdf`;

  return (
    <section className="card form-card" aria-labelledby="onboarding-title">
      <p className="alert alert-info" role="status">{t('onboarding.contract.accountOpened')}</p>
      <dl className="summary">
        <div>
          <dt>{t('account.number')}</dt>
          <dd className="mono" data-testid="onboarding-account-number">{onboarding.accountNumber ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('account.cci')}</dt>
          <dd className="mono">{onboarding.cci ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('onboarding.currency')}</dt>
          <dd>{onboarding.accountCurrency ? t(`onboarding.currency.${onboarding.accountCurrency}` as MessageKey) : '—'}</dd>
        </div>
        <div>
          <dt>{t('onboarding.username')}</dt>
          <dd className="mono">{onboarding.username ?? '—'}</dd>
        </div>
      </dl>
      <h2 className="section-title">{t('onboarding.contract.read')}</h2>
      <p>{t('onboarding.contract.intro')}</p>
      {loadError ? <ErrorAlert error={loadError} onRetry={() => setAttempt((value) => value + 1)} testId="onboarding-contract-error" /> : null}
      {pdf ? (
        <div className="contract-links">
          <a className="button button-secondary" href={pdf} download={fileName} data-testid="onboarding-contract">
            {t('onboarding.contract.download')}
          </a>
          <a className="button button-link" href={pdf} target="_blank" rel="noopener" data-testid="onboarding-contract-open">
            {t('onboarding.contract.open')}
          </a>
        </div>
      ) : !loadError ? <Loading label={t('onboarding.contract.loading')} /> : null}
      <p className="hint">{t('onboarding.contract.noPreview')}</p>
      <h2 className="section-title">{t('onboarding.contract.signTitle')}</h2>
      <p>{t('onboarding.contract.signIntro')}</p>
      {notMatched ? (
        <p className="alert alert-error" role="alert" data-testid="onboarding-sign-result" data-result="not_matched">{t('onboarding.contract.notMatched')}</p>
      ) : null}
      <ErrorAlert error={error} testId="onboarding-error" />
      <FeaturesSource busy={busy} onFeatures={sign} demoLabel={t('onboarding.contract.sign')} demoTestId="onboarding-sign"
        submitLabel={t('onboarding.contract.signJson')} />
    </section>
  );
}

function WaitStep({ onboarding, error }: { onboarding: OnboardingResponse; error: unknown }) {
  const { t, tOr } = useI18n();
  return (
    <section className="card form-card" aria-labelledby="onboarding-title" data-testid="onboarding-wait">
      <Loading label={tOr(`onboarding.wait.${onboarding.state}`, t('onboarding.wait.other'))} testId="onboarding-waiting" />
      {onboarding.retrying ? <p className="alert alert-warning" role="status">{t('onboarding.wait.retrying')}</p> : null}
      <ErrorAlert error={error} testId="onboarding-error" />
    </section>
  );
}

function DoneStep({ onboarding, email }: { onboarding: OnboardingResponse | null; email?: string }) {
  const { t } = useI18n();
  return (
    <section className="card form-card" aria-labelledby="onboarding-title" data-testid="onboarding-done">
      <p className="alert alert-info" role="status">
        {email ? t('onboarding.done.emailTo', { email }) : t('onboarding.done.email')}
      </p>
      {onboarding?.accountNumber ? (
        <dl className="summary">
          <div>
            <dt>{t('account.number')}</dt>
            <dd className="mono">{onboarding.accountNumber}</dd>
          </div>
          {onboarding.cci ? (
            <div>
              <dt>{t('account.cci')}</dt>
              <dd className="mono">{onboarding.cci}</dd>
            </div>
          ) : null}
          {onboarding.username ? (
            <div>
              <dt>{t('onboarding.username')}</dt>
              <dd className="mono">{onboarding.username}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <p>{t('onboarding.done.next')}</p>
      <Link className="button button-primary button-block" to="/login" data-testid="onboarding-login">
        {t('onboarding.done.login')}
      </Link>
    </section>
  );
}

function RejectedStep({ reason, onRestart }: { reason: string | null; onRestart: () => void }) {
  const { t, tOr } = useI18n();
  return (
    <section className="card form-card" aria-labelledby="onboarding-title" data-testid="onboarding-rejected" data-reason={reason ?? ''}>
      <div className="alert alert-error" role="alert">
        <p>{reason ? tOr(`onboarding.rejected.${reason}`, t('onboarding.rejected.other')) : t('onboarding.rejected.other')}</p>
      </div>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onRestart} data-testid="onboarding-restart">
          {t('onboarding.restart')}
        </button>
        <Link className="button button-secondary" to="/login">{t('onboarding.toLogin')}</Link>
      </div>
    </section>
  );
}

const TITLES: Record<Phase, MessageKey> = {
  start: 'onboarding.title.start',
  resuming: 'onboarding.title.start',
  selfie: 'onboarding.title.selfie',
  credentials: 'onboarding.title.credentials',
  sign_contract: 'onboarding.title.contract',
  wait: 'onboarding.title.wait',
  done: 'onboarding.title.done',
  rejected: 'onboarding.title.rejected',
};

export function OnboardingPage() {
  const { t } = useI18n();
  const [stored, setStored] = useState<StoredCase | null>(() => readStored());
  const [onboarding, setOnboarding] = useState<OnboardingResponse | null>(null);
  const [phase, setPhase] = useState<Phase>(() => (readStored() ? 'resuming' : 'start'));
  const [resumeError, setResumeError] = useState<unknown>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const [rejection, setRejection] = useState<string | null>(null);
  const [selfieMatched, setSelfieMatched] = useState(false);
  const [resumed, setResumed] = useState(false);
  const [lastActive, setLastActive] = useState<Phase>('start');
  const [doneEmail, setDoneEmail] = useState<string | undefined>(undefined);
  const [resumeAttempt, setResumeAttempt] = useState(0);

  const show = useCallback((next: OnboardingResponse, current: StoredCase | null) => {
    setOnboarding(next);
    const step = wizardStep(next);
    setPhase(step);
    if (step !== 'wait') setLastActive(step);
    if (step === 'done') {
      setDoneEmail(current?.email);
      writeStored(null);
    }
    if (step === 'rejected') {
      setRejection(next.rejectionReason);
      writeStored(null);
    }
  }, []);

  // Resume: where does the stored case stand?
  useEffect(() => {
    if (phase !== 'resuming' || !stored) return undefined;
    const controller = new AbortController();
    setResumeError(null);
    fetchOnboarding(stored.id, stored.token, controller.signal)
      .then((found) => {
        setResumed(true);
        show(found, stored);
      })
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return;
        if (failure instanceof ApiError && failure.status === 404) {
          writeStored(null);
          setStored(null);
          setPhase('start');
          setResumeError(failure);
          return;
        }
        setResumeError(failure);
      });
    return () => controller.abort();
  }, [phase, stored, show, resumeAttempt]);

  // Steps the bank finishes by itself (screening, opening the account, e-mailing the contract): follow the case.
  useEffect(() => {
    if (phase !== 'wait' || !stored) return undefined;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchOnboarding(stored.id, stored.token, controller.signal)
        .then((found) => {
          setPollError(null);
          if (wizardStep(found) === 'wait') setOnboarding(found);
          else show(found, stored);
        })
        .catch((failure: unknown) => {
          if (!controller.signal.aborted) {
            setPollError(failure);
            setOnboarding((current) => (current ? { ...current } : current));
          }
        });
    }, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [phase, stored, onboarding, show]);

  const started = (next: OnboardingResponse, value: StoredCase) => {
    writeStored(value);
    setStored(value);
    setSelfieMatched(false);
    show(next, value);
  };

  const rejected = (reason: string | null) => {
    writeStored(null);
    setRejection(reason);
    setPhase('rejected');
  };

  const restart = () => {
    writeStored(null);
    setStored(null);
    setOnboarding(null);
    setRejection(null);
    setResumed(false);
    setResumeError(null);
    setSelfieMatched(false);
    setPhase('start');
  };

  let body: ReactNode = null;
  switch (phase) {
    case 'start':
      body = <StartForm onStarted={started} onRejected={rejected} />;
      break;
    case 'resuming':
      body = resumeError ? (
        <div className="card form-card">
          <ErrorAlert error={resumeError} onRetry={() => { setResumeError(null); setResumeAttempt((value) => value + 1); }} testId="onboarding-error" />
          <button type="button" className="button button-secondary" onClick={restart} data-testid="onboarding-restart">{t('onboarding.restart')}</button>
        </div>
      ) : <Loading label={t('onboarding.resuming')} />;
      break;
    case 'selfie':
      body = stored && onboarding ? (
        <SelfieStep stored={stored} onboarding={onboarding} onRejected={rejected}
          onDone={(next) => { setSelfieMatched(true); show(next, stored); }} />
      ) : null;
      break;
    case 'credentials':
      body = stored ? <CredentialsStep stored={stored} selfieMatched={selfieMatched} onDone={(next) => show(next, stored)} /> : null;
      break;
    case 'sign_contract':
      body = stored && onboarding ? <ContractStep stored={stored} onboarding={onboarding} onRejected={rejected} onDone={(next) => show(next, stored)} /> : null;
      break;
    case 'wait':
      body = onboarding ? <WaitStep onboarding={onboarding} error={pollError} /> : null;
      break;
    case 'done':
      body = <DoneStep onboarding={onboarding} email={doneEmail} />;
      break;
    case 'rejected':
      body = <RejectedStep reason={rejection} onRestart={restart} />;
      break;
  }

  // While the bank works on its own, the step being finished stays the current one.
  const waitingFor: Phase = onboarding?.state === 'contract_signed' ? 'sign_contract'
    : onboarding?.state === 'credentials_created' ? 'credentials'
      : onboarding?.state === 'selfie_verified' ? 'selfie'
        : lastActive;

  return (
    <div className="page onboarding" data-testid="onboarding" data-step={phase}>
      <PageHeading key={phase} title={t(TITLES[phase])} id="onboarding-title" />
      {phase !== 'rejected' ? <Progress phase={phase} waitingFor={waitingFor} /> : null}
      {phase === 'start' && resumeError instanceof ApiError && resumeError.status === 404 ? (
        <p className="alert alert-warning" role="status">{t('onboarding.resumeLost')}</p>
      ) : null}
      {resumed && stored && phase !== 'done' && phase !== 'rejected' ? (
        <p className="alert alert-info resume-note" role="status" data-testid="onboarding-resumed">
          {t('onboarding.resumed')}{' '}
          <button type="button" className="button button-link" onClick={restart} data-testid="onboarding-restart">{t('onboarding.restartShort')}</button>
        </p>
      ) : null}
      {body}
      {phase === 'start' ? (
        <p className="muted onboarding-login-link">
          {t('onboarding.haveAccount')} <Link to="/login">{t('onboarding.toLogin')}</Link>
        </p>
      ) : null}
    </div>
  );
}
