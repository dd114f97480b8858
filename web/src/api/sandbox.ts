import { ApiError, apiRequest, get } from './http';

/**
 * The sandbox (the local run's simulators, routed by the gateway at /api/sandbox/** only in the local profile): the
 * demo plays the applicant's face the way e2e's Onboarding.java does. Never used outside the demo.
 */
const SANDBOX = '/api/sandbox';
/** The sandbox registry's well-known local key (quipu.sandbox.registry-api-key); a build may set another. */
const REGISTRY_KEY = (import.meta.env.VITE_QUIPU_SANDBOX_REGISTRY_KEY as string | undefined) ?? 'sandbox-registry-key';

/** The sandbox registry's person (sandbox IdentityRegistryController.PersonView). */
export interface RegistryPerson {
  documentType: string;
  documentNumber: string;
  givenNames: string;
  paternalSurname: string;
  maternalSurname: string;
  birthDate: string;
  gender: string;
  address: string;
  photoReference: string;
  deceased: boolean;
}

const personPath = (type: string, number: string) => `${encodeURIComponent(type)}/${encodeURIComponent(number)}`;

/** Who the simulated registry holds for a document (null: nobody, 404). */
export async function lookUpPerson(type: string, number: string): Promise<RegistryPerson | null> {
  try {
    return await apiRequest<RegistryPerson>('GET', `${SANDBOX}/registry/v1/persons/${personPath(type, number)}`, {
      headers: { 'X-Api-Key': REGISTRY_KEY },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === 'person_not_found') {
      return null;
    }
    throw error;
  }
}

/** Sets exactly this person in the simulated registry (its control panel), as Onboarding.java registers its applicant. */
export function registerPerson(type: string, number: string, person: Omit<RegistryPerson, 'documentType' | 'documentNumber' | 'deceased'>): Promise<RegistryPerson> {
  return apiRequest<RegistryPerson>('PUT', `${SANDBOX}/sandbox/registry/persons/${personPath(type, number)}`, { body: person });
}

/** The biometric provider's template of a registry photo: 128 numbers. */
export function fetchTemplate(photoReference: string): Promise<{ photoReference: string; vector: number[] }> {
  return get(`${SANDBOX}/sandbox/biometrics/templates/${encodeURIComponent(photoReference)}`);
}
