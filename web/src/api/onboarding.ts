import { apiRequest, getBlob } from './http';
import type { FaceFeatures } from '../lib/faceFeatures';
import type { CredentialsRequest, OnboardingResponse, StartOnboardingRequest } from './types';

/**
 * Onboarding (customers service, open at the edge: the applicant has no login yet). The start answers a resume token
 * once; every later call carries it in X-Onboarding-Token (without it a case is 404 onboarding_not_found).
 */
const BASE = '/api/customers/onboarding';
export const ONBOARDING_TOKEN_HEADER = 'X-Onboarding-Token';

const caseUrl = (id: string, path = '') => `${BASE}/${encodeURIComponent(id)}${path}`;
const tokenHeader = (token: string) => ({ [ONBOARDING_TOKEN_HEADER]: token });

export function startOnboarding(request: StartOnboardingRequest): Promise<OnboardingResponse> {
  return apiRequest<OnboardingResponse>('POST', BASE, { body: request });
}

export function fetchOnboarding(id: string, token: string, signal?: AbortSignal): Promise<OnboardingResponse> {
  return apiRequest<OnboardingResponse>('GET', caseUrl(id), { headers: tokenHeader(token), signal });
}

export function sendSelfie(id: string, token: string, features: FaceFeatures): Promise<OnboardingResponse> {
  return apiRequest<OnboardingResponse>('POST', caseUrl(id, '/selfie'), { headers: tokenHeader(token), body: { features } });
}

export function sendCredentials(id: string, token: string, request: CredentialsRequest): Promise<OnboardingResponse> {
  return apiRequest<OnboardingResponse>('POST', caseUrl(id, '/credentials'), { headers: tokenHeader(token), body: request });
}

/** The contract PDF to read before signing (inline, contrato.pdf). */
export function fetchContract(id: string, token: string, signal?: AbortSignal): Promise<Blob> {
  return getBlob(caseUrl(id, '/contract'), { headers: tokenHeader(token), signal });
}

/** Signing is a biometric confirmation: a fresh selfie's features, which the e-signature provider relies on. */
export function signContract(id: string, token: string, features: FaceFeatures): Promise<OnboardingResponse> {
  return apiRequest<OnboardingResponse>('POST', caseUrl(id, '/contract/signature'), { headers: tokenHeader(token), body: { features } });
}
