import { describe, expect, it } from 'vitest';
import {
  cciCheckDigit,
  cciOf,
  checkAccountNumberInput,
  checkCciInput,
  isValidAccountNumber,
  isValidCci,
  luhnCheckDigit,
  maskPayee,
} from './accountNumbers';

/**
 * Vectors produced by the Java implementation (io.quipu.platform.banking.AccountNumbers, compiled on its own and run
 * with accountNumber(branch, sequence) and cci(bank, number)), plus the hand-worked digits of AccountNumbersTest.
 */
const FROM_JAVA = [
  { bank: '099', accountNumber: '00100000000016', cci: '09900100000000001606' },
  { bank: '099', accountNumber: '00100012345672', cci: '09900100001234567205' },
  { bank: '002', accountNumber: '19312345678906', cci: '00219301234567890614' },
  { bank: '011', accountNumber: '25099999999991', cci: '01125009999999999188' },
  { bank: '003', accountNumber: '01000000000421', cci: '00301000000000042168' },
  { bank: '099', accountNumber: '12300055500011', cci: '09912300005550001126' },
];

describe('CCI check digits (ASBANC rule, as AccountNumbers.java)', () => {
  it.each([
    ['002000', 8],
    ['123456', 6],
    ['000000000000', 0],
    ['000001234567', 4],
    ['099001', 0],
    ['999999', 6],
    ['987654321098', 7],
  ])('cciCheckDigit(%s) = %i', (digits, expected) => {
    expect(cciCheckDigit(digits)).toBe(expected);
  });

  it.each(FROM_JAVA)('the CCI of $accountNumber at bank $bank is $cci, as Java computes it', ({ bank, accountNumber, cci }) => {
    expect(isValidAccountNumber(accountNumber)).toBe(true);
    expect(cciOf(bank, accountNumber)).toBe(cci);
    expect(isValidCci(cci)).toBe(true);
  });

  it('refuses a typo in any of the 20 positions', () => {
    const cci = cciOf('099', '00100012345672');
    for (let position = 0; position < 20; position++) {
      const changed = String((Number(cci[position]) + 3) % 10);
      const typo = cci.slice(0, position) + changed + cci.slice(position + 1);
      expect(isValidCci(typo), `typo at ${position}`).toBe(false);
    }
  });

  it('refuses wrong lengths and non-digits', () => {
    expect(isValidCci('1234')).toBe(false);
    expect(isValidCci('0021930123456789061')).toBe(false);
    expect(isValidCci('002193012345678906145')).toBe(false);
    expect(isValidCci('00219301234567890a14')).toBe(false);
    expect(isValidCci(null)).toBe(false);
    // The example in docs/payments.md is not a valid CCI under the rule.
    expect(isValidCci('00200100012345600123')).toBe(false);
  });
});

describe('account numbers (Luhn, as AccountNumbers.java)', () => {
  it('accepts the numbers the ledger issues and refuses a changed check digit', () => {
    expect(luhnCheckDigit('0010000000001')).toBe(6);
    for (const { accountNumber } of FROM_JAVA) {
      expect(isValidAccountNumber(accountNumber)).toBe(true);
      const wrong = accountNumber.slice(0, 13) + String((Number(accountNumber[13]) + 1) % 10);
      expect(isValidAccountNumber(wrong)).toBe(false);
    }
    expect(isValidAccountNumber('1234')).toBe(false);
  });
});

describe('checking as the customer types', () => {
  it('says how many digits are missing, then whether the check digits match', () => {
    expect(checkCciInput('')).toMatchObject({ state: 'empty' });
    expect(checkCciInput('002')).toMatchObject({ state: 'incomplete', missing: 17, bankCode: '002' });
    expect(checkCciInput('002-193-012345678906-14')).toMatchObject({ state: 'valid', digits: '00219301234567890614' });
    expect(checkCciInput('002 193 012345678906 15')).toMatchObject({ state: 'bad_check_digits' });
    expect(checkCciInput('002193012345678906145')).toMatchObject({ state: 'too_long' });
    expect(checkCciInput('00219x')).toMatchObject({ state: 'invalid_characters' });
  });

  it('checks Quipu account numbers the same way', () => {
    expect(checkAccountNumberInput('0010001234567')).toMatchObject({ state: 'incomplete', missing: 1 });
    expect(checkAccountNumberInput('00100012345672')).toMatchObject({ state: 'valid' });
    expect(checkAccountNumberInput('00100012345673')).toMatchObject({ state: 'bad_check_digits' });
  });
});

describe('payee masking (as Payees.masked in payments)', () => {
  it('keeps the kind and the last four characters', () => {
    expect(maskPayee('CCI:00219301234567890614')).toBe('CCI:****0614');
    expect(maskPayee('QUIPU:00100012345672')).toBe('QUIPU:****5672');
    expect(maskPayee('CCI:****0614')).toBe('CCI:****0614');
    expect(maskPayee(null)).toBe('—');
  });
});
