import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import type { I18n } from '../i18n/I18nContext';
import { DICTIONARIES, interpolate, type Language } from '../i18n/messages';
import { describeError, describeFailure } from './errors';

function i18n(lang: Language): I18n {
  const dictionary = DICTIONARIES[lang] as Record<string, string>;
  return {
    lang,
    setLang: () => undefined,
    t: (key, params) => interpolate(dictionary[key] ?? key, params),
    tOr: (key, fallback, params) => interpolate(dictionary[key] ?? fallback, params),
    has: (key) => key in dictionary,
    formatDateTime: (iso) => iso ?? '',
    formatTime: (iso) => iso ?? '',
  };
}

describe('problem details in the customer language', () => {
  it('maps known codes and falls back to the detail', () => {
    expect(describeError(new ApiError(401, 'invalid_credentials', 'Wrong username or password.'), i18n('es')).message)
      .toBe('Usuario o contraseña incorrectos.');
    expect(describeError(new ApiError(422, 'brand_new_code', 'Something precise.'), i18n('es')).message).toBe('Something precise.');
    expect(describeError(new ApiError(500, 'http_500'), i18n('en')).message).toBe('Something went wrong (error 500). Please try again.');
    expect(describeError(new TypeError('Failed to fetch'), i18n('en')).message).toContain('could not reach Quipu');
  });

  it('tells how long to wait when the server says so', () => {
    const locked = new ApiError(423, 'account_locked', 'Locked.', [], 900);
    expect(describeError(locked, i18n('es')).message).toBe(
      'Tu acceso está bloqueado temporalmente por varios intentos fallidos. Inténtalo de nuevo en 15 minutos.',
    );
    expect(describeError(new ApiError(429, 'rate_limited', 'Slow down', [], 30), i18n('en')).message).toBe(
      'Too many requests in a row. Please try again in 30 seconds.',
    );
  });

  it('lists field problems with translated field names', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid.', [
      { field: 'amount', code: 'required', message: 'must not be null' },
      { field: 'destinationCci', code: 'invalid_cci_whatever', message: 'check digits do not match' },
    ]);
    expect(describeError(error, i18n('es')).fields).toEqual(['Monto: es obligatorio', 'CCI de destino: check digits do not match']);
  });

  it('explains failed payments', () => {
    expect(describeFailure('insufficient_funds', i18n('es'))).toBe('Saldo insuficiente.');
    expect(describeFailure('rejected_ac01', i18n('en'))).toBe('Refused by the destination bank (code AC01).');
    expect(describeFailure('something_else', i18n('en'))).toBe('something_else');
    expect(describeFailure(null, i18n('en'))).toBeNull();
  });
});

describe('dictionaries', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    const es = DICTIONARIES.es as Record<string, string>;
    const en = DICTIONARIES.en as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(es)) {
      expect(placeholders(en[key]), key).toEqual(placeholders(es[key]));
    }
  });
});
