/**
 * The bank's account numbers and the Peruvian interbank code (CCI), checked exactly as
 * platform/core/src/main/java/io/quipu/platform/banking/AccountNumbers.java checks them.
 *
 * Account number = branch (3) + sequence (10) + Luhn check digit (1).
 * CCI = bank (3) + branch (3) + account (12) + 2 check digits (ASBANC): the first over bank + branch, the second over
 * the 12-digit account, each with weights 1, 2, 1, 2, … from the left, the digits of each product summed, and the check
 * digit = (10 − sum mod 10) mod 10.
 */

function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

export function cciCheckDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    const product = digitAt(digits, index) * (index % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return (10 - (sum % 10)) % 10;
}

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  let doubleIt = true;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digitAt(digits, index);
    if (doubleIt) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
    doubleIt = !doubleIt;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidAccountNumber(number: string | null | undefined): boolean {
  return typeof number === 'string' && /^\d{14}$/.test(number)
    && luhnCheckDigit(number.slice(0, 13)) === digitAt(number, 13);
}

export function isValidCci(cci: string | null | undefined): boolean {
  if (typeof cci !== 'string' || !/^\d{20}$/.test(cci)) {
    return false;
  }
  return cciCheckDigit(cci.slice(0, 6)) === digitAt(cci, 18) && cciCheckDigit(cci.slice(6, 18)) === digitAt(cci, 19);
}

/** The CCI of an account number of the bank with this code (as the ledger issues it): used by the tests. */
export function cciOf(bankCode: string, accountNumber: string): string {
  if (!/^\d{3}$/.test(bankCode)) {
    throw new Error('bank code must be 3 digits');
  }
  if (!isValidAccountNumber(accountNumber)) {
    throw new Error(`not a valid account number: ${accountNumber}`);
  }
  const branch = accountNumber.slice(0, 3);
  const account = `0${accountNumber.slice(3)}`;
  return `${bankCode}${branch}${account}${cciCheckDigit(bankCode + branch)}${cciCheckDigit(account)}`;
}

/** Where a number being typed stands, for messages as the customer types. */
export type NumberInputState =
  | 'empty'
  | 'invalid_characters'
  | 'incomplete'
  | 'too_long'
  | 'bad_check_digits'
  | 'valid';

export interface NumberInputCheck {
  /** The digits alone (spaces and hyphens removed): what is sent. */
  digits: string;
  state: NumberInputState;
  /** Digits still missing while incomplete. */
  missing: number;
  /** CCI only: the 3-digit bank code once typed. */
  bankCode?: string;
}

function checkNumberInput(raw: string, length: number, valid: (digits: string) => boolean): NumberInputCheck {
  const compact = raw.replace(/[\s-]/g, '');
  if (compact === '') {
    return { digits: '', state: 'empty', missing: length };
  }
  if (!/^\d+$/.test(compact)) {
    return { digits: compact, state: 'invalid_characters', missing: 0 };
  }
  if (compact.length < length) {
    return { digits: compact, state: 'incomplete', missing: length - compact.length };
  }
  if (compact.length > length) {
    return { digits: compact, state: 'too_long', missing: 0 };
  }
  return { digits: compact, state: valid(compact) ? 'valid' : 'bad_check_digits', missing: 0 };
}

/** A CCI as the customer types it (spaces and hyphens allowed: "002-193-001234567890-14"). */
export function checkCciInput(raw: string): NumberInputCheck {
  const check = checkNumberInput(raw, 20, isValidCci);
  return check.digits.length >= 3 && /^\d{3}/.test(check.digits) ? { ...check, bankCode: check.digits.slice(0, 3) } : check;
}

/** A Quipu account number as the customer types it. */
export function checkAccountNumberInput(raw: string): NumberInputCheck {
  return checkNumberInput(raw, 14, isValidAccountNumber);
}

/** Bank codes of the CCI (the first 3 digits), for showing the bank's name as the customer types. */
export const PERUVIAN_BANKS: Record<string, string> = {
  '002': 'BCP',
  '003': 'Interbank',
  '009': 'Scotiabank Perú',
  '011': 'BBVA Perú',
  '018': 'Banco de la Nación',
  '023': 'Banco de Comercio',
  '035': 'Banco Pichincha',
  '038': 'BanBif',
  '043': 'Banco GNB',
  '049': 'Mibanco',
  '053': 'Banco Falabella',
  '099': 'Quipu',
};

/**
 * A payee with its account part hidden but its last 4 characters, as the payments service masks it for events:
 * "CCI:00219301234567890614" → "CCI:****0614". Already masked values are left alone.
 */
export function maskPayee(payee: string | null | undefined): string {
  if (!payee) {
    return '—';
  }
  if (payee.includes('*')) {
    return payee;
  }
  const colon = payee.indexOf(':');
  const kind = payee.slice(0, colon + 1);
  const value = payee.slice(colon + 1);
  return `${kind}****${value.slice(Math.max(0, value.length - 4))}`;
}

/** "****4321" for showing which of the customer's accounts, without the full number. */
export function lastFour(number: string | null | undefined): string {
  return number ? `****${number.slice(-4)}` : '—';
}
