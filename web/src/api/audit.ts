import { get, pageQuery } from './http';
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
  const query = pageQuery({ aggregateId: search.aggregateId, type: search.type, from: search.from, to: search.to }, cursor, limit);
  return get<AuditEventPage>(`/api/audit/audit/events?${query}`, signal);
}

/** Walks the whole hash chain and the anchors. */
export function verifyAuditChain(signal?: AbortSignal): Promise<VerificationReport> {
  return get<VerificationReport>('/api/audit/audit/verify', signal);
}
