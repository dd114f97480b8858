import { get } from './http';
import type { AuditEventPage, VerificationReport } from './types';

export interface AuditSearch {
  aggregateId?: string;
  type?: string;
  /** ISO-8601 with an offset; inclusive. */
  from?: string;
  /** ISO-8601 with an offset; exclusive. */
  to?: string;
}

/** Recorded events, newest first (auditors, admins). */
export function searchAuditEvents(search: AuditSearch, cursor?: string | null, limit = 20, signal?: AbortSignal): Promise<AuditEventPage> {
  const params = new URLSearchParams();
  for (const key of ['aggregateId', 'type', 'from', 'to'] as const) {
    const value = search[key]?.trim();
    if (value) {
      params.set(key, value);
    }
  }
  if (cursor) {
    params.set('cursor', cursor);
  }
  params.set('limit', String(limit));
  return get<AuditEventPage>(`/api/audit/audit/events?${params.toString()}`, signal);
}

/** Walks the whole hash chain and the anchors. */
export function verifyAuditChain(signal?: AbortSignal): Promise<VerificationReport> {
  return get<VerificationReport>('/api/audit/audit/verify', signal);
}
