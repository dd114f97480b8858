/**
 * Personal data shown the way the customers service masks it for staff (domain/Masking.java): enough for the customer
 * to recognise their own data, too little for someone looking over their shoulder. The API answers a customer their own
 * data in clear; the profile page masks it anyway. Every function is idempotent (masking a masked value changes nothing).
 */

export const MASKED_BIRTH_DATE = '****-**-**';
const VISIBLE_TRAILING_CHARACTERS = 4;
const CALLING_CODES = ['593', '51'];

function maskAllButEnd(value: string): string {
  const visible = Math.min(VISIBLE_TRAILING_CHARACTERS, Math.floor(value.length / 2));
  return '*'.repeat(value.length - visible) + value.slice(value.length - visible);
}

/** "12345678" → "****5678". */
export function maskDocumentNumber(number: string | null | undefined): string {
  return number ? maskAllButEnd(number) : '—';
}

/** "+51987654321" → "+51*****4321": the country stays visible. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) {
    return '—';
  }
  const normalised = phone.replace(/[\s\u00a0-]/g, '');
  const code = CALLING_CODES.find((candidate) => normalised.startsWith(`+${candidate}`));
  const prefix = code ? `+${code}` : '';
  return prefix + maskAllButEnd(normalised.slice(prefix.length));
}

/** Nothing of a birth date is shown. */
export function maskBirthDate(birthDate: string | null | undefined): string {
  return birthDate ? MASKED_BIRTH_DATE : '—';
}

/** "ana.quispe@example.com" → "a***@example.com". */
export function maskEmail(email: string | null | undefined): string {
  if (!email) {
    return '—';
  }
  const at = email.lastIndexOf('@');
  if (at <= 0) {
    return '***';
  }
  return `${Array.from(email)[0]}***${email.slice(at)}`;
}
