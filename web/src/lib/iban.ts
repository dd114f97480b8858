/**
 * International beneficiaries, checked as the payments service checks them (Payees.isValidIban / isValidBic): an IBAN
 * is two letters, two check digits and 10–30 letters or digits whose ISO 13616 mod-97 remainder is 1; a BIC is 8 or 11
 * characters. As the customer types, countries whose IBAN length is known also say how many characters are missing.
 */

/** IBAN lengths of the SWIFT IBAN registry (the countries customers send to most; others get the general rule). */
export const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27,
  GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21,
  LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28,
  PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23,
  TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

const MIN_LENGTH = 14;
const MAX_LENGTH = 34;

/** Spaces removed, upper case: what is sent and what the payee becomes ("IBAN:DE89…"). */
export function normaliseIban(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The ISO 13616 remainder of the rearranged IBAN, digit by digit (no big numbers). */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character.charCodeAt(0);
    const value = code >= 48 && code <= 57 ? code - 48 : code - 55;
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder;
}

export function isValidIban(raw: string): boolean {
  const iban = normaliseIban(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) {
    return false;
  }
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) {
    return false;
  }
  return ibanRemainder(iban) === 1;
}

export type IbanInputState = 'empty' | 'invalid_characters' | 'incomplete' | 'too_long' | 'bad_check_digits' | 'valid';

export interface IbanInputCheck {
  iban: string;
  state: IbanInputState;
  /** Characters still missing while incomplete (for a country whose length is known), else 0. */
  missing: number;
  country?: string;
}

export function checkIbanInput(raw: string): IbanInputCheck {
  const iban = normaliseIban(raw);
  if (iban === '') {
    return { iban, state: 'empty', missing: 0 };
  }
  const shape = /^[A-Z]{0,2}$|^[A-Z]{2}\d{1,2}$|^[A-Z]{2}\d{2}[A-Z0-9]+$/;
  if (!shape.test(iban)) {
    return { iban, state: 'invalid_characters', missing: 0 };
  }
  const country = iban.length >= 2 ? iban.slice(0, 2) : undefined;
  const expected = country ? IBAN_LENGTHS[country] : undefined;
  const length = expected ?? MIN_LENGTH;
  if (iban.length < length) {
    return { iban, state: 'incomplete', missing: expected ? expected - iban.length : 0, country };
  }
  if (iban.length > (expected ?? MAX_LENGTH)) {
    return { iban, state: 'too_long', missing: 0, country };
  }
  return { iban, state: ibanRemainder(iban) === 1 ? 'valid' : 'bad_check_digits', missing: 0, country };
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00" (how IBANs are printed). */
export function formatIban(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

export function normaliseBic(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function isValidBic(raw: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(normaliseBic(raw));
}
