import { describe, expect, it } from 'vitest';
import { maskBirthDate, maskDocumentNumber, maskEmail, maskPhone } from './masking';

describe('masking like the customers service', () => {
  it('documents keep their last 4 (never more than half)', () => {
    expect(maskDocumentNumber('12345678')).toBe('****5678');
    expect(maskDocumentNumber('1710034065')).toBe('******4065');
    expect(maskDocumentNumber('AB1234')).toBe('***234');
    expect(maskDocumentNumber(null)).toBe('—');
  });

  it('phones keep the country and the last 4', () => {
    expect(maskPhone('+51987654321')).toBe('+51*****4321');
    expect(maskPhone('+51 987 654 321')).toBe('+51*****4321');
    expect(maskPhone('+593987654321')).toBe('+593*****4321');
    expect(maskPhone('+4915112345678')).toBe('*********5678'.padStart(14, '*'));
  });

  it('birth dates are hidden entirely, e-mails keep their first letter and domain', () => {
    expect(maskBirthDate('1991-04-12')).toBe('****-**-**');
    expect(maskBirthDate('')).toBe('—');
    expect(maskEmail('ana.quispe@example.com')).toBe('a***@example.com');
    expect(maskEmail('nodomain')).toBe('***');
  });

  it('is idempotent: masked data from the API stays as it is', () => {
    for (const value of ['****5678', '+51*****4321']) {
      expect(value.startsWith('+') ? maskPhone(value) : maskDocumentNumber(value)).toBe(value);
    }
    expect(maskBirthDate('****-**-**')).toBe('****-**-**');
  });
});
