import { describe, expect, it } from 'vitest';
import {
  cedulaCheckDigit,
  checkBirthDate,
  checkDocument,
  checkEmail,
  checkName,
  checkPhone,
  checkUsername,
  limaToday,
  normalisePhone,
  passwordAcceptable,
  passwordRules,
  rejectionReasonOf,
  wizardStep,
} from './onboarding';

describe('documents', () => {
  it('DNI: 8 digits', () => {
    expect(checkDocument('DNI', '47813526')).toBeNull();
    expect(checkDocument('DNI', ' 47813526 ')).toBeNull();
    expect(checkDocument('DNI', '4781352')).toBe('invalid_length');
    expect(checkDocument('DNI', '4781352a')).toBe('not_numeric');
    expect(checkDocument('DNI', '')).toBe('required');
  });

  it('Ecuadorian cédula: province, third digit, modulo 10', () => {
    expect(cedulaCheckDigit('171003406')).toBe(5);
    expect(checkDocument('CEDULA_EC', '1710034065')).toBeNull();
    expect(checkDocument('CEDULA_EC', '1710034064')).toBe('invalid_check_digit');
    expect(checkDocument('CEDULA_EC', '2510034065')).toBe('invalid_province');
    expect(checkDocument('CEDULA_EC', '1760034065')).toBe('invalid_third_digit');
    expect(checkDocument('CEDULA_EC', '171003406')).toBe('invalid_length');
  });
});

describe('names and contacts', () => {
  it('names: letters, accents, spaces, apostrophes, hyphens', () => {
    expect(checkName('María José', 80)).toBeNull();
    expect(checkName("D'Angelo Pérez-Ñahui", 160)).toBeNull();
    expect(checkName('R2D2', 80)).toBe('invalid_characters');
    expect(checkName(' - ', 80)).toBe('invalid_characters');
    expect(checkName('   ', 80)).toBe('required');
    expect(checkName('a'.repeat(81), 80)).toBe('too_long');
  });

  it('e-mail like the service (lower-cased first)', () => {
    expect(checkEmail('Valeria@Example.com')).toBeNull();
    expect(checkEmail('valeria@example')).toBe('invalid_email');
    expect(checkEmail('')).toBe('required');
  });

  it('mobile phones of Peru and Ecuador', () => {
    expect(normalisePhone('987 654 321')).toBe('+51987654321');
    expect(checkPhone('+51 987-123-456')).toBeNull();
    expect(checkPhone('+593 987 123 456')).toBeNull();
    expect(checkPhone('987123456')).toBeNull();
    expect(checkPhone('+51 1 4123456')).toBe('not_mobile');
    expect(checkPhone('+34 612 345 678')).toBe('unsupported_country');
    expect(checkPhone('12345')).toBe('invalid_phone');
  });
});

describe('birth date: adults only', () => {
  const today = '2026-03-15';
  it.each([
    ['2008-03-15', null],
    ['2008-03-16', 'under_age'],
    ['1991-04-12', null],
    ['2027-01-01', 'birth_date_in_future'],
    ['1899-12-31', 'birth_date_too_old'],
    ['2001-02-29', 'invalid_date'],
    ['15/03/1990', 'invalid_date'],
    ['', 'required'],
  ])('%s → %s', (date, expected) => {
    expect(checkBirthDate(date, today)).toBe(expected);
  });

  it('today is Lima’s date', () => {
    // 03:00 UTC on 1 March is still 28 February in Lima (UTC−5).
    expect(limaToday(new Date('2026-03-01T03:00:00Z'))).toBe('2026-02-28');
  });
});

describe('credentials', () => {
  it('usernames', () => {
    expect(checkUsername('valeria.salazar')).toBeNull();
    expect(checkUsername('va')).toBe('invalid_username');
    expect(checkUsername('valeria salazar')).toBe('invalid_username');
  });

  it('password rules as a checklist', () => {
    expect(passwordRules('short', 'ana')).toEqual([
      { rule: 'min_length', ok: false },
      { rule: 'max_length', ok: true },
      { rule: 'not_username', ok: true },
      { rule: 'not_common', ok: null },
    ]);
    expect(passwordAcceptable('Quipu-Demo-2026', 'ana')).toBe(true);
    expect(passwordAcceptable('valeria.salazar', 'Valeria.Salazar')).toBe(false);
    expect(passwordAcceptable('a'.repeat(65), 'ana')).toBe(false);
    // 64 characters but 128 bytes: bcrypt would ignore the rest.
    expect(passwordAcceptable('ñ'.repeat(40), 'ana')).toBe(false);
  });
});

describe('where a case stands', () => {
  it.each([
    [{ state: 'identity_verified', nextStep: 'selfie' }, 'selfie'],
    [{ state: 'screened', nextStep: 'credentials' }, 'credentials'],
    [{ state: 'account_opened', nextStep: 'sign_contract' }, 'sign_contract'],
    [{ state: 'selfie_verified', nextStep: 'wait' }, 'wait'],
    [{ state: 'contract_signed', nextStep: 'wait' }, 'wait'],
    [{ state: 'completed', nextStep: 'none' }, 'done'],
    [{ state: 'rejected', nextStep: 'none' }, 'rejected'],
  ])('%j → %s', (onboarding, step) => {
    expect(wizardStep(onboarding)).toBe(step);
  });

  it('reads the rejection reason from the problem detail', () => {
    expect(rejectionReasonOf('The onboarding cannot go on: name_mismatch.')).toBe('name_mismatch');
    expect(rejectionReasonOf('Something else')).toBeNull();
    expect(rejectionReasonOf(undefined)).toBeNull();
  });
});
