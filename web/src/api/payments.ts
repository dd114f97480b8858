import { apiRequest, get, pageQuery } from './http';
import type { FxQuote, FxQuoteRequest, PaymentPage, PaymentResponse } from './types';

/**
 * Orders a payment. The body is sent exactly as given with its Idempotency-Key: retrying the same confirmation with
 * the same key and bytes answers the first result, so a retried order never pays twice.
 */
export function createPayment(body: string, idempotencyKey: string): Promise<PaymentResponse> {
  return apiRequest<PaymentResponse>('POST', '/api/payments/payments', {
    rawBody: body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function fetchPayment(id: string, signal?: AbortSignal): Promise<PaymentResponse> {
  return get<PaymentResponse>(`/api/payments/payments/${encodeURIComponent(id)}`, signal);
}

export function fetchPayments(accountId: string, cursor?: string | null, limit = 20, signal?: AbortSignal): Promise<PaymentPage> {
  return get<PaymentPage>(`/api/payments/payments?${pageQuery({ accountId }, cursor, limit)}`, signal);
}

/** Confirms a payment that waits in awaiting_authorization with identity's step-up authorization for it. */
export function authorizePayment(id: string, stepUpAuthorization: string): Promise<PaymentResponse> {
  return apiRequest<PaymentResponse>('POST', `/api/payments/payments/${encodeURIComponent(id)}/authorization`, {
    body: { stepUpAuthorization },
  });
}

/** A quote for an international payment: what targetAmount costs in sourceCurrency, valid 30 s, for one payment. */
export function createFxQuote(request: FxQuoteRequest): Promise<FxQuote> {
  return apiRequest<FxQuote>('POST', '/api/payments/fx/quotes', { body: request });
}

/** A fresh Idempotency-Key (crypto.randomUUID where the page is a secure context, else random bytes). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
