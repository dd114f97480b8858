import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { login, passkeyLogin, passkeyLoginOptions, verifyOtp } from '../api/bff';
import { ApiError } from '../api/http';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { isDemo } from '../lib/demo';
import { rememberPasskeys } from '../lib/passkeyHints';
import { assertionToJson, classifyBrowserError, passkeysSupported, toRequestOptions, type CredentialLike } from '../lib/webauthn';
import { useSession } from '../state/SessionContext';

/** Codes after which the code step cannot go on: back to username and password. */
const RESTART_CODES = new Set(['login_expired', 'no_pending_login', 'account_locked']);

export function LoginPage() {
  const { t } = useI18n();
  const { state, loggedIn, reload } = useSession();
  const [step, setStep] = useState<'credentials' | 'otp'>('credentials');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<{ field: 'username' | 'password' | 'otp'; message: string } | null>(null);
  const [passkeyProblem, setPasskeyProblem] = useState<MessageKey | null>(null);
  const otpRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const notice = state.status === 'anonymous' && state.reason
    ? t(state.reason === 'expired' ? 'login.sessionExpired' : 'login.loggedOut')
    : null;

  useEffect(() => {
    if (step === 'otp') {
      otpRef.current?.focus();
    }
  }, [step]);

  const submitCredentials = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (username.trim() === '') {
      setFieldError({ field: 'username', message: t('login.usernameRequired') });
      usernameRef.current?.focus();
      return;
    }
    if (password === '') {
      setFieldError({ field: 'password', message: t('login.passwordRequired') });
      passwordRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const started = await login(username.trim(), password);
      setPassword('');
      setOtp('');
      if (started.requireMfa === false) {
        // Not how the gateway answers today (a second factor is always asked); let the session say where we are.
        reload();
        return;
      }
      setStep('otp');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const submitOtp = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!/^\d{6}$/.test(otp)) {
      setFieldError({ field: 'otp', message: t('login.otpInvalid') });
      otpRef.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const session = await verifyOtp(otp);
      loggedIn(session);
    } catch (failure) {
      setError(failure);
      setOtp('');
      if (failure instanceof ApiError && RESTART_CODES.has(failure.code)) {
        setStep('credentials');
      } else {
        otpRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  /** The second factor by passkey: the BFF's options for the pending login, the device signs, the BFF completes the login. */
  const usePasskey = async () => {
    setError(null);
    setFieldError(null);
    setPasskeyProblem(null);
    setBusy(true);
    try {
      const options = await passkeyLoginOptions();
      let credential: CredentialLike;
      try {
        const answer = await navigator.credentials.get({ publicKey: toRequestOptions(options.publicKey) });
        if (!answer) {
          throw new DOMException('no credential', 'NotAllowedError');
        }
        credential = answer as unknown as CredentialLike;
      } catch (failure) {
        setPasskeyProblem(`passkey.error.${classifyBrowserError(failure)}` as MessageKey);
        return;
      }
      const session = await passkeyLogin(assertionToJson(credential));
      rememberPasskeys(session.subject, true);
      loggedIn(session);
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && RESTART_CODES.has(failure.code)) {
        setStep('credentials');
      }
    } finally {
      setBusy(false);
    }
  };

  const backToCredentials = () => {
    setPasskeyProblem(null);
    setStep('credentials');
    setOtp('');
    setError(null);
    setFieldError(null);
  };

  const fieldProps = (field: 'username' | 'password' | 'otp') => {
    const invalid = fieldError?.field === field;
    return {
      'aria-invalid': invalid || undefined,
      'aria-describedby': invalid ? `${field}-error` : undefined,
    };
  };

  const fieldMessage = (field: 'username' | 'password' | 'otp') =>
    fieldError?.field === field ? (
      <p className="field-error" id={`${field}-error`}>
        {fieldError.message}
      </p>
    ) : null;

  return (
    <div className="login">
      <section className="card login-card" aria-labelledby="login-title">
        {step === 'credentials' ? (
          <>
            <PageHeading key="credentials" title={t('login.title')} id="login-title" />
            <p className="muted">{t('login.intro')}</p>
            {notice ? (
              <p className="alert alert-info" role="status" data-testid="login-notice">
                {notice}
              </p>
            ) : null}
            <ErrorAlert error={error} testId="login-error" />
            <form onSubmit={submitCredentials} noValidate>
              <div className="field">
                <label htmlFor="login-username">{t('login.username')}</label>
                <input
                  ref={usernameRef}
                  id="login-username"
                  name="username"
                  data-testid="login-username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  maxLength={64}
                  value={username}
                  onChange={(event) => setUsername(event.target.value)}
                  required
                  {...fieldProps('username')}
                />
                {fieldMessage('username')}
              </div>
              <div className="field">
                <label htmlFor="login-password">{t('login.password')}</label>
                <input
                  ref={passwordRef}
                  id="login-password"
                  name="password"
                  type="password"
                  data-testid="login-password"
                  autoComplete="current-password"
                  maxLength={128}
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  required
                  {...fieldProps('password')}
                />
                {fieldMessage('password')}
              </div>
              <button type="submit" className="button button-primary button-block" disabled={busy} data-testid="login-submit">
                {busy ? t('login.submitting') : t('login.submit')}
              </button>
            </form>
            <div className="login-alt">
              <p className="muted">{t('login.noAccount')}</p>
              <Link className="button button-secondary button-block" to="/onboarding" data-testid="onboarding-start">
                {t('login.openAccount')}
              </Link>
            </div>
          </>
        ) : (
          <>
            <PageHeading key="otp" title={t('login.otpTitle')} id="login-title" />
            <p className="muted">{t('login.otpIntro')}</p>
            {isDemo() ? (
              <p className="alert alert-info" data-testid="otp-demo-hint">
                {t('login.otpDemoHint')}
              </p>
            ) : null}
            <ErrorAlert error={error} testId="login-error" />
            <form onSubmit={submitOtp} noValidate>
              <div className="field">
                <label htmlFor="otp-code">{t('login.otpLabel')}</label>
                <input
                  ref={otpRef}
                  id="otp-code"
                  name="otp"
                  className="otp-input"
                  data-testid="otp-code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="\d{6}"
                  maxLength={6}
                  value={otp}
                  onChange={(event) => setOtp(event.target.value.replace(/\D/g, '').slice(0, 6))}
                  required
                  {...fieldProps('otp')}
                />
                {fieldMessage('otp')}
              </div>
              <button type="submit" className="button button-primary button-block" disabled={busy} data-testid="otp-submit">
                {busy ? t('login.otpSubmitting') : t('login.otpSubmit')}
              </button>
              {passkeysSupported() ? (
                <>
                  <p className="or-divider" aria-hidden="true">
                    <span>{t('login.or')}</span>
                  </p>
                  <button
                    type="button"
                    className="button button-secondary button-block"
                    onClick={usePasskey}
                    disabled={busy}
                    data-testid="passkey-login"
                  >
                    {t('login.usePasskey')}
                  </button>
                  <p className="hint">{t('login.usePasskeyHint')}</p>
                  {passkeyProblem ? (
                    <p className="alert alert-error" role="alert" data-testid="passkey-login-error">
                      {t(passkeyProblem)}
                    </p>
                  ) : null}
                </>
              ) : null}
              <button type="button" className="button button-link" onClick={backToCredentials} disabled={busy} data-testid="otp-back">
                {t('login.otpBack')}
              </button>
            </form>
          </>
        )}
      </section>
    </div>
  );
}
