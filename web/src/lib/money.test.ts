import { describe, expect, it } from 'vitest';
import { compareAmounts, formatAmount, negate, toMinorUnits, validateAmountInput } from './money';

describe('formatAmount (string manipulation only)', () => {
  it.each([
    ['1250.00', 'PEN', 'S/ 1,250.00'],
    ['1250.00', 'USD', 'US$ 1,250.00'],
    ['1250.00', 'EUR', '€ 1,250.00'],
    ['0.05', 'PEN', 'S/ 0.05'],
    ['5', 'PEN', 'S/ 5.00'],
    ['5.5', 'USD', 'US$ 5.50'],
    ['999.99', 'PEN', 'S/ 999.99'],
    ['1000', 'PEN', 'S/ 1,000.00'],
    ['1234567.89', 'PEN', 'S/ 1,234,567.89'],
    ['9999999999999.99', 'PEN', 'S/ 9,999,999,999,999.99'],
    ['92233720368547758.07', 'USD', 'US$ 92,233,720,368,547,758.07'],
    ['-1250.00', 'PEN', '-S/ 1,250.00'],
    ['-0.00', 'PEN', 'S/ 0.00'],
    ['0012.30', 'PEN', 'S/ 12.30'],
    ['100.00', 'GBP', 'GBP 100.00'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(formatAmount({ amount, currency })).toBe(expected);
  });

  it('never rounds and shows what it cannot read as it came', () => {
    expect(formatAmount({ amount: '0.105', currency: 'PEN' })).toBe('S/ 0.105');
    expect(formatAmount({ amount: '1e3', currency: 'PEN' })).toBe('1e3 PEN');
    expect(formatAmount(null)).toBe('—');
  });

  it('keeps precision a float would lose', () => {
    // 0.1 + 0.2 and 2^53 + 1 are the classic traps of JavaScript numbers.
    expect(formatAmount({ amount: '9007199254740993.01', currency: 'PEN' })).toBe('S/ 9,007,199,254,740,993.01');
  });

  it('negates as a string', () => {
    expect(negate({ amount: '10.00', currency: 'PEN' })).toEqual({ amount: '-10.00', currency: 'PEN' });
    expect(negate({ amount: '-10.00', currency: 'PEN' })).toEqual({ amount: '10.00', currency: 'PEN' });
  });
});

describe('validateAmountInput', () => {
  it.each([
    ['1250', '1250.00'],
    ['1250.5', '1250.50'],
    ['1250.55', '1250.55'],
    [' 0.01 ', '0.01'],
    ['007.10', '7.10'],
    ['9999999999999.99', '9999999999999.99'],
  ])('accepts %j as %s', (raw, amount) => {
    expect(validateAmountInput(raw)).toEqual({ ok: true, amount });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['1,250.00', 'comma'],
    ['12,5', 'comma'],
    ['1.005', 'too_many_decimals'],
    ['12345678901234', 'too_large'],
    ['12345678901234.00', 'too_large'],
    ['-5', 'format'],
    ['1e3', 'format'],
    ['.5', 'format'],
    ['5.', 'format'],
    ['abc', 'format'],
    ['１２', 'format'],
    ['0', 'zero'],
    ['0.00', 'zero'],
  ])('refuses %j (%s)', (raw, error) => {
    expect(validateAmountInput(raw)).toEqual({ ok: false, error });
  });
});

describe('exact comparisons in minor units', () => {
  it('compares without floats', () => {
    expect(toMinorUnits('1250.00')).toBe(125000n);
    expect(toMinorUnits('-0.5')).toBe(-50n);
    expect(toMinorUnits('1.001')).toBeNull();
    expect(compareAmounts({ amount: '0.30', currency: 'PEN' }, { amount: '0.3', currency: 'PEN' })).toBe(0);
    expect(compareAmounts({ amount: '9007199254740993.00', currency: 'PEN' }, { amount: '9007199254740992.99', currency: 'PEN' })).toBe(1);
    expect(compareAmounts({ amount: '1.00', currency: 'PEN' }, { amount: '1.00', currency: 'USD' })).toBeNull();
  });
});
