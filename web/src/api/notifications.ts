import { apiRequest, get, pageQuery } from './http';
import type { DeviceView, NotificationPage, PreferencesView } from './types';

export const NOTIFICATION_STREAM_URL = '/api/notifications/notifications/stream';

export function fetchInbox(cursor?: string | null, limit = 20, signal?: AbortSignal): Promise<NotificationPage> {
  return get<NotificationPage>(`/api/notifications/notifications?${pageQuery({}, cursor, limit)}`, signal);
}

/** The channels per kind, chosen or default. */
export function fetchPreferences(signal?: AbortSignal): Promise<PreferencesView> {
  return get<PreferencesView>('/api/notifications/notifications/preferences', signal);
}

/** Replaces the kinds given ([] silences a kind; the inbox still has it); answers the whole set. */
export function savePreferences(preferences: PreferencesView): Promise<PreferencesView> {
  return apiRequest<PreferencesView>('PUT', '/api/notifications/notifications/preferences', { body: preferences });
}

export function fetchDevices(signal?: AbortSignal): Promise<DeviceView[]> {
  return get<DeviceView[]>('/api/notifications/notifications/devices', signal);
}

export function deleteDevice(id: string): Promise<void> {
  return apiRequest<void>('DELETE', `/api/notifications/notifications/devices/${encodeURIComponent(id)}`);
}
