import { ApiError, apiRequest, get } from './http';
import type { AssertionJson, RequestOptionsJson } from '../lib/webauthn';
import type { LoginStarted, PasskeyOptions, SessionView } from './types';

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

/** The second factor by passkey instead of the SMS code: WebAuthn request options for the session's pending login. */
export function passkeyLoginOptions(): Promise<PasskeyOptions<RequestOptionsJson>> {
  return apiRequest<PasskeyOptions<RequestOptionsJson>>('POST', '/bff/passkey/options');
}

/** Completes the pending login with what navigator.credentials.get returned (as JSON). */
export function passkeyLogin(credential: AssertionJson): Promise<SessionView> {
  return apiRequest<SessionView>('POST', '/bff/passkey', { body: { credential } });
}
