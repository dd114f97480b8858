import { apiRequest, get, pageQuery } from './http';
import type { FraudCase, FraudCasePage } from './types';

/** The review queue (analysts, admins), oldest first; status open | approved | rejected, or every case. */
export function fetchFraudCases(status: string, cursor?: string | null, limit = 20, signal?: AbortSignal): Promise<FraudCasePage> {
  return get<FraudCasePage>(`/api/fraud/fraud/cases?${pageQuery({ status }, cursor, limit)}`, signal);
}

/** Approves or rejects an open case, with an optional note (≤ 500 characters); 409 case_already_resolved. */
export function resolveFraudCase(id: string, decision: 'approve' | 'reject', note: string): Promise<FraudCase> {
  const text = note.trim();
  return apiRequest<FraudCase>('POST', `/api/fraud/fraud/cases/${encodeURIComponent(id)}/${decision}`, {
    body: text ? { note: text } : {},
  });
}
