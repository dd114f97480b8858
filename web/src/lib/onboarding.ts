/**
 * Onboarding in the browser: the checks the customers and identity services make (so the applicant hears of a typo
 * before a round trip), the password rules shown as a checklist, and where a case stands from its state.
 * The server stays the judge; these only mirror its rules (DocumentNumbers, PersonNames, ContactRules, Adulthood,
 * identity's PasswordPolicy).
 */

export type OnboardingDocumentType = 'DNI' | 'CEDULA_EC';

export type DocumentError = 'required' | 'not_numeric' | 'invalid_length' | 'invalid_province' | 'invalid_third_digit' | 'invalid_check_digit';

export function cedulaCheckDigit(first9: string): number {
  let sum = 0;
  for (let index = 0; index < 9; index++) {
    let value = (first9.charCodeAt(index) - 48) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) {
      value -= 9;
    }
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkDocument(type: OnboardingDocumentType, raw: string): DocumentError | null {
  const number = raw.trim();
  if (number === '') {
    return 'required';
  }
  if (!/^[0-9]+$/.test(number)) {
    return 'not_numeric';
  }
  if (type === 'DNI') {
    return number.length === 8 ? null : 'invalid_length';
  }
  if (number.length !== 10) {
    return 'invalid_length';
  }
  const province = Number(number.slice(0, 2));
  if ((province < 1 || province > 24) && province !== 30) {
    return 'invalid_province';
  }
  if (number.charCodeAt(2) - 48 > 5) {
    return 'invalid_third_digit';
  }
  return cedulaCheckDigit(number.slice(0, 9)) === number.charCodeAt(9) - 48 ? null : 'invalid_check_digit';
}

export type NameError = 'required' | 'too_long' | 'invalid_characters';
const NAME = /^(?=.*\p{L})[\p{L}\p{M} '’-]+$/u;

export function checkName(raw: string, maxLength: number): NameError | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') {
    return 'required';
  }
  if (name.length > maxLength) {
    return 'too_long';
  }
  return NAME.test(name) ? null : 'invalid_characters';
}

const EMAIL = /^(?=[^@]{1,64}@)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function checkEmail(raw: string): 'required' | 'too_long' | 'invalid_email' | null {
  const email = normaliseEmail(raw);
  if (email === '') return 'required';
  if (email.length > 254) return 'too_long';
  return EMAIL.test(email) ? null : 'invalid_email';
}

/** Spaces and hyphens out; a Peruvian mobile typed without its country code ("987 654 321") gets +51. */
export function normalisePhone(raw: string): string {
  const compact = raw.replace(/[\s\u00a0-]/g, '');
  return /^9\d{8}$/.test(compact) ? `+51${compact}` : compact;
}

export function checkPhone(raw: string): 'required' | 'invalid_phone' | 'unsupported_country' | 'not_mobile' | null {
  const phone = normalisePhone(raw);
  if (phone === '') return 'required';
  if (!/^\+[1-9]\d{6,14}$/.test(phone)) return 'invalid_phone';
  const code = ['51', '593'].find((candidate) => phone.startsWith(`+${candidate}`));
  if (!code) return 'unsupported_country';
  return /^9\d{8}$/.test(phone.slice(1 + code.length)) ? null : 'not_mobile';
}

export type BirthDateError = 'required' | 'invalid_date' | 'birth_date_in_future' | 'birth_date_too_old' | 'under_age';

/** today: YYYY-MM-DD (Lima's date in the app). Adults only: 18 years on the birthday itself. */
export function checkBirthDate(raw: string, today: string): BirthDateError | null {
  const text = raw.trim();
  if (text === '') return 'required';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return 'invalid_date';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'invalid_date';
  if (text > today) return 'birth_date_in_future';
  if (year < 1900) return 'birth_date_too_old';
  const [todayYear, todayMonth, todayDay] = today.split('-').map(Number);
  let age = todayYear - year;
  if (todayMonth < month || (todayMonth === month && todayDay < day)) {
    age -= 1;
  }
  return age >= 18 ? null : 'under_age';
}

/** Today in Lima as YYYY-MM-DD. */
export function limaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function checkUsername(raw: string): 'required' | 'invalid_username' | null {
  const username = raw.trim();
  if (username === '') return 'required';
  return /^[A-Za-z0-9._-]{3,64}$/.test(username) ? null : 'invalid_username';
}

export type PasswordRule = 'min_length' | 'max_length' | 'not_username' | 'not_common';

export interface PasswordRuleState {
  rule: PasswordRule;
  /** null: only the server can tell (the list of common passwords is not in the app). */
  ok: boolean | null;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Identity's PasswordPolicy: 10–64 characters and at most 72 UTF-8 bytes, not the username, not a common password. */
export function passwordRules(password: string, username: string): PasswordRuleState[] {
  const characters = Array.from(password).length;
  return [
    { rule: 'min_length', ok: characters >= 10 },
    { rule: 'max_length', ok: characters <= 64 && utf8Length(password) <= 72 },
    { rule: 'not_username', ok: password === '' ? false : password.toLowerCase() !== username.trim().toLowerCase() },
    { rule: 'not_common', ok: null },
  ];
}

export function passwordAcceptable(password: string, username: string): boolean {
  return passwordRules(password, username).every((rule) => rule.ok !== false);
}

/** What an onboarding case (OnboardingResponse) needs now, for the wizard. */
export type WizardStep = 'selfie' | 'credentials' | 'sign_contract' | 'wait' | 'done' | 'rejected';

export function wizardStep(onboarding: { state: string; nextStep: string | null }): WizardStep {
  if (onboarding.state === 'completed') return 'done';
  if (onboarding.state === 'rejected') return 'rejected';
  switch (onboarding.nextStep) {
    case 'selfie':
    case 'credentials':
    case 'sign_contract':
      return onboarding.nextStep;
    default:
      return 'wait';
  }
}

/**
 * The reason of a 422 onboarding_rejected, read from its detail ("The onboarding cannot go on: name_mismatch."), so it
 * can be told in the applicant's language.
 */
export function rejectionReasonOf(detail: string | undefined | null): string | null {
  if (!detail) return null;
  const match = /:\s*([a-z_]+)\.?\s*$/.exec(detail);
  return match ? match[1] : null;
}
