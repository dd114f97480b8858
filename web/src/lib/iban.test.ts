import { describe, expect, it } from 'vitest';
import { checkIbanInput, formatIban, isValidBic, isValidIban, normaliseBic, normaliseIban } from './iban';

describe('IBAN (ISO 13616 mod 97)', () => {
  it.each([
    'DE89 3704 0044 0532 0130 00',
    'GB82 WEST 1234 5698 7654 32',
    'FR14 2004 1010 0505 0001 3M02 606',
    'ES91 2100 0418 4502 0005 1332',
    'NL91 ABNA 0417 1643 00',
    'BE68 5390 0754 7034',
    'ch93 0076 2011 6238 5295 7',
  ])('accepts %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
    expect(checkIbanInput(iban).state).toBe('valid');
  });

  it('finds a typo (one changed digit, two swapped)', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(checkIbanInput('DE89370400440532013001').state).toBe('bad_check_digits');
    expect(checkIbanInput('DE89370400440523013000').state).toBe('bad_check_digits');
  });

  it('tells how far along the typing is', () => {
    expect(checkIbanInput('')).toEqual({ iban: '', state: 'empty', missing: 0 });
    expect(checkIbanInput('de').state).toBe('incomplete');
    expect(checkIbanInput('DE89 3704')).toMatchObject({ state: 'incomplete', missing: 14, country: 'DE' });
    expect(checkIbanInput('DE89 3704 0044 0532 0130 000').state).toBe('too_long');
    expect(checkIbanInput('DE89-3704').state).toBe('invalid_characters');
    expect(checkIbanInput('D189').state).toBe('invalid_characters');
    expect(checkIbanInput('DEXX').state).toBe('invalid_characters');
    expect(checkIbanInput('ÄE89').state).toBe('invalid_characters');
  });

  it('uses the general rule (14–34) for countries it does not list, like the server', () => {
    // "ZZ" is no country: only the shape and the remainder count, as in Payees.isValidIban.
    expect(checkIbanInput('ZZ12 3456').state).toBe('incomplete');
    expect(checkIbanInput('ZZ12 3456').missing).toBe(0);
    expect(checkIbanInput(`ZZ12${'1'.repeat(31)}`).state).toBe('too_long');
  });

  it('normalises and formats', () => {
    expect(normaliseIban(' gb82 west 1234 5698 7654 32 ')).toBe('GB82WEST12345698765432');
    expect(formatIban('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
  });
});

describe('BIC', () => {
  it.each(['DEUTDEFF', 'deutdeff500', 'BCPLPEPL', 'NWBK GB 2L'])('accepts %s', (bic) => expect(isValidBic(bic)).toBe(true));
  it.each(['', 'DEUTDEF', 'DEUTDEFF50', 'DEU1DEFF', 'DEUTDEFF5000'])('refuses %j', (bic) => expect(isValidBic(bic)).toBe(false));
  it('normalises', () => expect(normaliseBic(' bcpl pepl ')).toBe('BCPLPEPL'));
});
