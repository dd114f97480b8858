/**
 * What this browser remembers about a user's passkeys, so the dashboard banner and the step-up screen need no call to
 * identity (whose paths count toward the gateway's strict login rate limit): whether the user enrolled one (set after
 * an enrolment, or when the profile lists some) and whether they dismissed the banner. Per subject, in localStorage.
 */

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const ENROLLED = 'quipu.passkey.enrolled.';
const DISMISSED = 'quipu.passkey.bannerDismissed.';

function storage(given?: StorageLike): StorageLike | null {
  if (given) {
    return given;
  }
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

function read(key: string, given?: StorageLike): boolean {
  try {
    return storage(given)?.getItem(key) === 'true';
  } catch {
    return false;
  }
}

function write(key: string, value: boolean, given?: StorageLike): void {
  try {
    const store = storage(given);
    if (value) {
      store?.setItem(key, 'true');
    } else {
      store?.removeItem(key);
    }
  } catch {
    // Not remembered: the banner may show again.
  }
}

export const hasEnrolledPasskey = (subject: string, store?: StorageLike) => read(ENROLLED + subject, store);
export const rememberPasskeys = (subject: string, enrolled: boolean, store?: StorageLike) => write(ENROLLED + subject, enrolled, store);
export const bannerDismissed = (subject: string, store?: StorageLike) => read(DISMISSED + subject, store);
export const dismissBanner = (subject: string, store?: StorageLike) => write(DISMISSED + subject, true, store);

/** The dashboard offers a passkey once per user: until they enrol one or dismiss the offer. */
export function shouldOfferPasskey(subject: string, supported: boolean, store?: StorageLike): boolean {
  return supported && !hasEnrolledPasskey(subject, store) && !bannerDismissed(subject, store);
}
