import { ApiError, apiRequest, get } from './http';
import type { LoginStarted, SessionView } from './types';

/** Who is logged in (null when nobody); also hands out the XSRF-TOKEN cookie, so it is called first. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionView | null> {
  try {
    return await get<SessionView>('/bff/session', signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }
    throw error;
  }
}

export function login(username: string, password: string): Promise<LoginStarted> {
  return apiRequest<LoginStarted>('POST', '/bff/login', { body: { username, password } });
}

export function verifyOtp(otp: string): Promise<SessionView> {
  return apiRequest<SessionView>('POST', '/bff/verify-otp', { body: { otp } });
}

export function logout(): Promise<void> {
  return apiRequest<void>('POST', '/bff/logout');
}
