import { describe, expect, it } from 'vitest';
import { dismissBanner, hasEnrolledPasskey, rememberPasskeys, shouldOfferPasskey, type StorageLike } from './passkeyHints';

function memory(): StorageLike {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

describe('passkey hints', () => {
  it('offers a passkey until one is enrolled or the offer is dismissed, per user', () => {
    const store = memory();
    expect(shouldOfferPasskey('ana', true, store)).toBe(true);
    expect(shouldOfferPasskey('ana', false, store)).toBe(false);
    rememberPasskeys('ana', true, store);
    expect(hasEnrolledPasskey('ana', store)).toBe(true);
    expect(shouldOfferPasskey('ana', true, store)).toBe(false);
    expect(shouldOfferPasskey('luis', true, store)).toBe(true);
    dismissBanner('luis', store);
    expect(shouldOfferPasskey('luis', true, store)).toBe(false);
    rememberPasskeys('ana', false, store);
    expect(shouldOfferPasskey('ana', true, store)).toBe(true);
  });

  it('survives a storage that throws', () => {
    const broken: StorageLike = {
      getItem: () => { throw new Error('blocked'); },
      setItem: () => { throw new Error('blocked'); },
      removeItem: () => { throw new Error('blocked'); },
    };
    expect(() => rememberPasskeys('ana', true, broken)).not.toThrow();
    expect(hasEnrolledPasskey('ana', broken)).toBe(false);
  });
});
