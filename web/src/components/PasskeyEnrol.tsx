import { useId, useState } from 'react';
import { passkeyRegistrationOptions, registerPasskey } from '../api/identity';
import type { PasskeyView } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { rememberPasskeys } from '../lib/passkeyHints';
import {
  classifyBrowserError,
  defaultPasskeyLabel,
  passkeysSupported,
  registrationToJson,
  toCreationOptions,
  type CredentialLike,
} from '../lib/webauthn';
import { useSession } from '../state/SessionContext';
import { ErrorAlert } from './ErrorAlert';

type Outcome = { kind: 'idle' } | { kind: 'done'; passkey: PasskeyView } | { kind: 'browser'; key: MessageKey } | { kind: 'api'; error: unknown };

/**
 * Enrols a passkey for the logged-in user: identity's registration options (POST /auth/passkeys/registration/options),
 * navigator.credentials.create, then the credential back (POST /auth/passkeys/registration).
 */
export function PasskeyEnrol({ onEnrolled, withLabel = false }: { onEnrolled?: (passkey: PasskeyView) => void; withLabel?: boolean }) {
  const { t } = useI18n();
  const { state } = useSession();
  const labelId = useId();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const subject = state.status === 'authenticated' ? state.session.subject : '';

  if (!passkeysSupported()) {
    return (
      <p className="muted small" data-testid="passkey-unsupported">
        {t('passkey.unsupported')}
      </p>
    );
  }

  const enrol = async () => {
    setBusy(true);
    setOutcome({ kind: 'idle' });
    let options;
    try {
      options = await passkeyRegistrationOptions();
    } catch (error) {
      setOutcome({ kind: 'api', error });
      setBusy(false);
      return;
    }
    let credential: CredentialLike;
    try {
      const created = await navigator.credentials.create({ publicKey: toCreationOptions(options.publicKey) });
      if (!created) {
        throw new DOMException('no credential', 'NotAllowedError');
      }
      credential = created as unknown as CredentialLike;
    } catch (error) {
      setOutcome({ kind: 'browser', key: `passkey.error.${classifyBrowserError(error)}` as MessageKey });
      setBusy(false);
      return;
    }
    try {
      const name = label.trim() || defaultPasskeyLabel(navigator.userAgent, t('passkey.defaultLabel'));
      const passkey = await registerPasskey(options.challengeId, name.slice(0, 64), registrationToJson(credential));
      if (subject) {
        rememberPasskeys(subject, true);
      }
      setOutcome({ kind: 'done', passkey });
      setLabel('');
      onEnrolled?.(passkey);
    } catch (error) {
      setOutcome({ kind: 'api', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="passkey-enrol">
      {withLabel ? (
        <div className="field">
          <label htmlFor={labelId}>{t('passkey.label')}</label>
          <input
            id={labelId}
            data-testid="passkey-label"
            maxLength={64}
            autoComplete="off"
            placeholder={defaultPasskeyLabel(navigator.userAgent, t('passkey.defaultLabel'))}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>
      ) : null}
      <button type="button" className="button button-primary" onClick={enrol} disabled={busy} aria-busy={busy || undefined} data-testid="passkey-enrol">
        {busy ? t('passkey.enrolling') : t('passkey.enrol')}
      </button>
      {outcome.kind === 'done' ? (
        <p className="alert alert-info passkey-result" role="status" data-testid="passkey-enrolled">
          {t('passkey.enrolled', { label: outcome.passkey.label })}
        </p>
      ) : null}
      {outcome.kind === 'browser' ? (
        <p className="alert alert-error passkey-result" role="alert" data-testid="passkey-error">
          {t(outcome.key)}
        </p>
      ) : null}
      {outcome.kind === 'api' ? <ErrorAlert error={outcome.error} testId="passkey-error" /> : null}
    </div>
  );
}
