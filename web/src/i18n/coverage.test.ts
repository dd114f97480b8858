import { describe, expect, it } from 'vitest';
import { checkBirthDate, checkDocument, checkEmail, checkName, checkPhone, checkUsername, passwordRules } from '../lib/onboarding';
import { DICTIONARIES } from './messages';

/** Keys the screens build from values (codes, states, rules): every one must be in both dictionaries. */
const DYNAMIC_KEYS = [
  ...['required', 'not_numeric', 'invalid_length', 'invalid_province', 'invalid_third_digit', 'invalid_check_digit']
    .map((code) => `onboarding.error.documentNumber.${code}`),
  ...['required', 'too_long', 'invalid_characters'].flatMap((code) => [`onboarding.error.givenNames.${code}`, `onboarding.error.surnames.${code}`]),
  ...['required', 'too_long', 'invalid_email'].map((code) => `onboarding.error.email.${code}`),
  ...['required', 'invalid_phone', 'unsupported_country', 'not_mobile'].map((code) => `onboarding.error.phone.${code}`),
  ...['required', 'invalid_date', 'birth_date_in_future', 'birth_date_too_old', 'under_age'].map((code) => `onboarding.error.birthDate.${code}`),
  ...['required', 'invalid_username'].map((code) => `onboarding.error.username.${code}`),
  ...passwordRules('', '').map((rule) => `onboarding.password.rule.${rule.rule}`),
  ...['identity_not_found', 'deceased', 'name_mismatch', 'birth_date_mismatch', 'under_age', 'biometric_mismatch', 'liveness_failed', 'sanctions_hit', 'abandoned', 'other']
    .map((reason) => `onboarding.rejected.${reason}`),
  ...['started', 'selfie_verified', 'credentials_created', 'contract_signed', 'other'].map((state) => `onboarding.wait.${state}`),
  ...['PEN', 'USD'].map((currency) => `onboarding.currency.${currency}`),
  ...['DNI', 'CEDULA_EC'].map((type) => `onboarding.documentType.${type}`),
  ...['cancelled', 'exists', 'security', 'unsupported', 'failed'].map((code) => `passkey.error.${code}`),
  ...['invalid_date', 'date_range', 'invalid_amount', 'amount_range'].map((code) => `movements.filter.error.${code}`),
  ...['web', 'push', 'email', 'sms'].map((channel) => `preferences.channel.${channel}`),
  ...['USD', 'EUR', 'PEN'].map((currency) => `currency.${currency}`),
  ...['internal', 'interbank', 'international'].map((type) => `transfer.type.${type}`),
  ...['es', 'en'].map((lang) => `profile.language.${lang}`),
  ...['open', 'approved', 'rejected', 'all'].map((status) => `fraud.status.${status}`),
  ...['amount_above_usual', 'velocity', 'new_payee_high_amount', 'unusual_hour', 'recent_failed_logins'].map((reason) => `fraud.reason.${reason}`),
  ...['prospect', 'active', 'blocked', 'closed'].map((status) => `profile.status.${status}`),
  ...['QUIPU', 'CCI', 'IBAN'].map((kind) => `stepup.payeeKind.${kind}`),
];

describe('dictionary keys built at run time', () => {
  it.each(['es', 'en'] as const)('are all in %s', (lang) => {
    const dictionary = DICTIONARIES[lang] as Record<string, string>;
    const missing = DYNAMIC_KEYS.filter((key) => !(key in dictionary));
    expect(missing).toEqual([]);
  });

  it('cover every code the onboarding checks return', () => {
    const es = DICTIONARIES.es as Record<string, string>;
    const samples: [string, string | null][] = [
      ['documentNumber', checkDocument('CEDULA_EC', '2510034065')],
      ['givenNames', checkName('R2', 80)],
      ['email', checkEmail('x@y')],
      ['phone', checkPhone('+34612345678')],
      ['birthDate', checkBirthDate('2020-01-01', '2026-01-01')],
      ['username', checkUsername('a b')],
    ];
    for (const [field, code] of samples) {
      expect(code).not.toBeNull();
      expect(`onboarding.error.${field}.${code}` in es).toBe(true);
    }
  });
});
