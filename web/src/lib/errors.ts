import { ApiError } from '../api/http';
import type { I18n } from '../i18n/I18nContext';

export interface ErrorText {
  message: string;
  /** One line per field problem of a 400 (RFC 9457 "errors"). */
  fields: string[];
}

const WAIT_CODES = new Set(['rate_limited', 'account_locked', 'too_many_pending_logins', 'too_many_sessions', 'otp_delivery_failed']);

function duration(i18n: I18n, seconds: number): string {
  return seconds >= 120
    ? i18n.t('duration.minutes', { count: Math.ceil(seconds / 60) })
    : i18n.t('duration.seconds', { count: seconds });
}

/** A problem detail in the customer's language: known codes from the dictionary, else the server's detail. */
export function describeError(error: unknown, i18n: I18n): ErrorText {
  if (!(error instanceof ApiError)) {
    return { message: i18n.t('error.network_error'), fields: [] };
  }
  const key = `error.${error.code}`;
  let message: string;
  if (i18n.has(key)) {
    message = i18n.tOr(key, '');
  } else if (error.detail) {
    message = error.detail;
  } else {
    message = i18n.t('error.generic', { status: error.status });
  }
  if (error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0 && WAIT_CODES.has(error.code)) {
    message = `${message} ${i18n.t('error.retryAfter', { time: duration(i18n, error.retryAfterSeconds) })}`;
  }
  const fields = error.errors.map((problem) => {
    const field = problem.field ? i18n.tOr(`field.${problem.field}`, problem.field) : '';
    const text = problem.code && i18n.has(`fieldError.${problem.code}`)
      ? i18n.tOr(`fieldError.${problem.code}`, '')
      : (problem.message ?? problem.code ?? '');
    return field ? `${field}: ${text}` : text;
  });
  return { message, fields };
}

/** Why a payment failed (PaymentResponse.failureReason), in the customer's language. */
export function describeFailure(reason: string | null | undefined, i18n: I18n): string | null {
  if (!reason) {
    return null;
  }
  if (reason.startsWith('rejected_')) {
    return i18n.t('failure.rejected', { code: reason.slice('rejected_'.length).toUpperCase() });
  }
  return i18n.tOr(`failure.${reason}`, reason);
}
