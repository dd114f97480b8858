import { apiRequest, get } from './http';
import type { CreationOptionsJson, RegistrationJson, AssertionJson, RequestOptionsJson } from '../lib/webauthn';
import type { PasskeyOptions, PasskeyView, StepUpAuthorization, StepUpChallenge, StepUpRequest } from './types';

/**
 * Identity's endpoints that need the user's token: through the gateway at /api/identity/auth/**, where the session's
 * access token is relayed like on every /api/** call (the gateway's login rate limit counts these calls too).
 */
const AUTH = '/api/identity/auth';

export function passkeyRegistrationOptions(): Promise<PasskeyOptions<CreationOptionsJson>> {
  return apiRequest('POST', `${AUTH}/passkeys/registration/options`);
}

export function registerPasskey(challengeId: string, label: string, credential: RegistrationJson): Promise<PasskeyView> {
  return apiRequest('POST', `${AUTH}/passkeys/registration`, { body: { challengeId, label, credential } });
}

export function fetchPasskeys(signal?: AbortSignal): Promise<PasskeyView[]> {
  return get(`${AUTH}/passkeys`, signal);
}

export function deletePasskey(id: string): Promise<void> {
  return apiRequest('DELETE', `${AUTH}/passkeys/${encodeURIComponent(id)}`);
}

/** Asks to confirm exactly this payment (id, amount, payee as the payments service wrote them). */
export function requestStepUp(request: StepUpRequest): Promise<StepUpChallenge<RequestOptionsJson>> {
  return apiRequest('POST', `${AUTH}/step-up`, { body: request });
}

export function confirmStepUp(stepUpId: string, answer: { otp: string } | { credential: AssertionJson }): Promise<StepUpAuthorization> {
  return apiRequest('POST', `${AUTH}/step-up/${encodeURIComponent(stepUpId)}/confirm`, { body: answer });
}
