import { get } from './http';
import type { NotificationPage } from './types';

export const NOTIFICATION_STREAM_URL = '/api/notifications/notifications/stream';

export function fetchInbox(cursor?: string | null, limit = 20, signal?: AbortSignal): Promise<NotificationPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) {
    query.set('cursor', cursor);
  }
  return get<NotificationPage>(`/api/notifications/notifications?${query.toString()}`, signal);
}
