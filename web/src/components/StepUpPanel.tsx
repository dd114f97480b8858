import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import { confirmStepUp, requestStepUp } from '../api/identity';
import { authorizePayment, fetchPayment } from '../api/payments';
import type { PaymentResponse, StepUpChallenge, StepUpFactor } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { formatAmount } from '../lib/money';
import { rememberPasskeys } from '../lib/passkeyHints';
import {
  assertionToJson,
  classifyBrowserError,
  passkeysSupported,
  toRequestOptions,
  type CredentialLike,
  type RequestOptionsJson,
} from '../lib/webauthn';
import { useSession } from '../state/SessionContext';
import { ErrorAlert } from './ErrorAlert';

/** The payee as the customer reads it: "QUIPU:…" / "CCI:…" / "IBAN:…" → a label and the number. */
function payeeParts(payee: string): { kind: string; value: string } {
  const colon = payee.indexOf(':');
  return colon < 0 ? { kind: '', value: payee } : { kind: payee.slice(0, colon), value: payee.slice(colon + 1) };
}

/**
 * Strong customer authentication of one payment (PSD2 dynamic linking): identity's step-up bound to this payment's id,
 * amount and payee (POST /auth/step-up), confirmed with the SMS code or a passkey (POST /auth/step-up/{id}/confirm);
 * the authorization it gives is handed to payments (POST /payments/{id}/authorization), which redeems it once.
 * The SMS is asked for as soon as the panel shows.
 */
export function StepUpPanel({ payment, onUpdated }: { payment: PaymentResponse; onUpdated: (payment: PaymentResponse) => void }) {
  const i18n = useI18n();
  const { t, formatTime } = i18n;
  const { state } = useSession();
  const subject = state.status === 'authenticated' ? state.session.subject : '';
  const [challenge, setChallenge] = useState<StepUpChallenge | null>(null);
  const [starting, setStarting] = useState(false);
  const [code, setCode] = useState('');
  const [codeInvalid, setCodeInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [passkeyProblem, setPasskeyProblem] = useState<MessageKey | null>(null);
  /** A confirmed authorization whose delivery to payments failed in transit: sent again, never asked again. */
  const [pending, setPending] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const asked = useRef<string | null>(null);

  const binding = { paymentId: payment.id, amount: payment.amount, payee: payment.payee ?? '' };

  const start = useCallback(async (factor: StepUpFactor) => {
    setError(null);
    setPasskeyProblem(null);
    setStarting(true);
    try {
      const started = await requestStepUp({ paymentId: payment.id, amount: payment.amount, payee: payment.payee ?? '', factor });
      if (factor === 'otp') {
        setChallenge(started);
        setCode('');
        window.setTimeout(() => codeRef.current?.focus(), 0);
      }
      return started;
    } catch (failure) {
      setError(failure);
      return null;
    } finally {
      setStarting(false);
    }
  }, [payment.id, payment.amount, payment.payee]);

  // The SMS goes out once per payment shown (not again on a re-render or React's development double effects).
  useEffect(() => {
    if (asked.current === payment.id) {
      return;
    }
    asked.current = payment.id;
    void start('otp');
  }, [payment.id, start]);

  const deliver = async (authorization: string) => {
    setPending(authorization);
    try {
      const updated = await authorizePayment(payment.id, authorization);
      setPending(null);
      onUpdated(updated);
    } catch (failure) {
      if (failure instanceof ApiError && (failure.code === 'not_awaiting_authorization' || failure.code === 'step_up_refused')) {
        // Already authorized by this very authorization (an answer lost on the way), or no longer waiting: read it.
        setPending(null);
        try {
          const latest = await fetchPayment(payment.id);
          if (latest.state !== 'awaiting_authorization') {
            onUpdated(latest);
            return;
          }
        } catch {
          // Fall through to the refusal.
        }
        setError(failure);
        return;
      }
      if (!(failure instanceof ApiError) || !failure.retryable) {
        setPending(null);
      }
      setError(failure);
    }
  };

  const confirmCode = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setPasskeyProblem(null);
    if (!/^\d{6}$/.test(code)) {
      setCodeInvalid(true);
      codeRef.current?.focus();
      return;
    }
    setCodeInvalid(false);
    if (!challenge) {
      await start('otp');
      return;
    }
    setBusy(true);
    try {
      const { authorization } = await confirmStepUp(challenge.stepUpId, { otp: code });
      await deliver(authorization);
    } catch (failure) {
      setError(failure);
      setCode('');
      if (failure instanceof ApiError && (failure.code === 'step_up_challenge_expired' || failure.code === 'step_up_not_found')) {
        setChallenge(null);
      }
      codeRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const confirmPasskey = async () => {
    setError(null);
    setPasskeyProblem(null);
    setBusy(true);
    try {
      const started = await start('passkey');
      if (!started?.publicKey) {
        return;
      }
      let credential: CredentialLike;
      try {
        const answer = await navigator.credentials.get({ publicKey: toRequestOptions(started.publicKey as RequestOptionsJson) });
        if (!answer) throw new DOMException('no credential', 'NotAllowedError');
        credential = answer as unknown as CredentialLike;
      } catch (failure) {
        setPasskeyProblem(`passkey.error.${classifyBrowserError(failure)}` as MessageKey);
        return;
      }
      const { authorization } = await confirmStepUp(started.stepUpId, { credential: assertionToJson(credential) });
      if (subject) rememberPasskeys(subject, true);
      await deliver(authorization);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const { kind, value } = payeeParts(binding.payee);

  return (
    <section className="stepup card" aria-labelledby="stepup-title" data-testid="stepup">
      <h2 id="stepup-title">{t('stepup.title')}</h2>
      <p>{t('stepup.intro')}</p>
      <dl className="summary summary-compact" data-testid="stepup-binding">
        <div>
          <dt>{t('transfer.summary.amount')}</dt>
          <dd className="summary-amount" data-amount={binding.amount.amount}>{formatAmount(binding.amount)}</dd>
        </div>
        <div>
          <dt>{t('receipt.payee')}</dt>
          <dd className="mono">{kind ? `${i18n.tOr(`stepup.payeeKind.${kind}`, kind)} ` : ''}{value}</dd>
        </div>
        <div>
          <dt>{t('receipt.id')}</dt>
          <dd className="mono">{binding.paymentId}</dd>
        </div>
      </dl>

      <ErrorAlert error={error} testId="stepup-error" />
      {passkeyProblem ? (
        <p className="alert alert-error" role="alert" data-testid="stepup-passkey-error">{t(passkeyProblem)}</p>
      ) : null}

      {pending ? (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => { setError(null); void deliver(pending); }} data-testid="stepup-retry">
            {t('stepup.sendAgain')}
          </button>
        </div>
      ) : (
        <>
          <form onSubmit={confirmCode} noValidate>
            <p className="muted" role="status">
              {starting && !challenge ? t('stepup.sending')
                : challenge ? t('stepup.sent', { time: formatTime(challenge.expiresAt) }) : ''}
            </p>
            <div className="field">
              <label htmlFor="stepup-code">{t('stepup.codeLabel')}</label>
              <input
                ref={codeRef}
                id="stepup-code"
                className="otp-input"
                data-testid="stepup-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
                aria-invalid={codeInvalid || undefined}
                aria-describedby={codeInvalid ? 'stepup-code-error' : undefined}
              />
              {codeInvalid ? <p className="field-error" id="stepup-code-error">{t('login.otpInvalid')}</p> : null}
            </div>
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={busy || starting} aria-busy={busy || undefined} data-testid="stepup-confirm">
                {busy ? t('stepup.confirming') : t('stepup.confirm')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => void start('otp')} disabled={busy || starting} data-testid="stepup-resend">
                {t('stepup.resend')}
              </button>
            </div>
          </form>
          {passkeysSupported() ? (
            <div className="stepup-passkey">
              <p className="or-divider" aria-hidden="true"><span>{t('login.or')}</span></p>
              <button type="button" className="button button-secondary button-block" onClick={confirmPasskey} disabled={busy || starting}
                data-testid="stepup-passkey">
                {t('stepup.passkey')}
              </button>
              <p className="hint">{t('stepup.passkeyHint')}</p>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
