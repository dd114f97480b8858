import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nContext';
import { describeError } from '../lib/errors';

interface Props {
  error: unknown;
  testId?: string;
  onRetry?: () => void;
  retryLabel?: string;
}

/** A problem detail shown in the customer's language (role="alert", read out when it appears). */
export function ErrorAlert({ error, testId = 'error-alert', onRetry, retryLabel }: Props) {
  const i18n = useI18n();
  if (!error) {
    return null;
  }
  const { message, fields } = describeError(error, i18n);
  const code = error instanceof ApiError ? error.code : 'network_error';
  return (
    <div className="alert alert-error" role="alert" data-testid={testId} data-code={code}>
      <p>{message}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map((field, index) => (
            <li key={index}>{field}</li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {retryLabel ?? i18n.t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}
