/**
 * Money as the API carries it: {"amount": "1250.00", "currency": "PEN"}, the amount a decimal STRING.
 * Nothing here turns an amount into a JavaScript number: formatting and validation are string manipulation, and
 * comparisons use integer minor units (BigInt).
 */
export interface Money {
  amount: string;
  currency: string;
}

const SYMBOLS: Record<string, string> = { PEN: 'S/', USD: 'US$', EUR: '€' };

/** Minor-unit digits of the currencies the bank handles; every one of them has 2. */
const FRACTION_DIGITS: Record<string, number> = { PEN: 2, USD: 2, EUR: 2 };

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** What an amount typed by the customer may look like: up to 13 integer digits and up to 2 decimals. */
export const AMOUNT_INPUT = /^\d{1,13}(\.\d{1,2})?$/;

export function currencySymbol(currency: string): string {
  return SYMBOLS[currency] ?? currency;
}

export function fractionDigits(currency: string): number {
  return FRACTION_DIGITS[currency] ?? 2;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * "1250.00" PEN → "S/ 1,250.00"; "-5.5" USD → "-US$ 5.50"; EUR → "€ …" (as the bank's notifications write them).
 * A value that is not a plain decimal is shown as it came, with its currency code.
 */
export function formatAmount(money: Money | null | undefined): string {
  if (!money || typeof money.amount !== 'string') {
    return '—';
  }
  const match = DECIMAL.exec(money.amount.trim());
  const symbol = currencySymbol(money.currency);
  if (!match) {
    return `${money.amount} ${money.currency}`.trim();
  }
  const [, sign, integerRaw, fractionRaw = ''] = match;
  const digits = fractionDigits(money.currency);
  const integer = integerRaw.replace(/^0+(?=\d)/, '');
  // Never rounds: more decimals than the currency has are shown as they are.
  const fraction = fractionRaw.length >= digits ? fractionRaw : fractionRaw.padEnd(digits, '0');
  const isZero = /^0*$/.test(integer + fraction);
  const negative = sign === '-' && !isZero;
  return `${negative ? '-' : ''}${symbol} ${groupThousands(integer)}${fraction.length > 0 ? `.${fraction}` : ''}`;
}

/** The same amount with a minus sign (for debits), still a string. */
export function negate(money: Money): Money {
  const amount = money.amount.trim();
  return { ...money, amount: amount.startsWith('-') ? amount.slice(1) : `-${amount}` };
}

export type AmountInputError = 'required' | 'comma' | 'too_many_decimals' | 'too_large' | 'format' | 'zero';

export type AmountCheck = { ok: true; amount: string } | { ok: false; error: AmountInputError };

/**
 * Checks an amount the customer typed and gives it back in canonical form ("0012.5" → "12.50"), ready to send
 * as the string it is. Commas are refused rather than guessed (a thousands separator or a decimal comma?).
 */
export function validateAmountInput(raw: string, currency = 'PEN'): AmountCheck {
  const text = raw.trim();
  if (text === '') {
    return { ok: false, error: 'required' };
  }
  if (text.includes(',')) {
    return { ok: false, error: 'comma' };
  }
  if (/^\d+\.\d{3,}$/.test(text)) {
    return { ok: false, error: 'too_many_decimals' };
  }
  if (/^\d{14,}(\.\d*)?$/.test(text)) {
    return { ok: false, error: 'too_large' };
  }
  if (!AMOUNT_INPUT.test(text)) {
    return { ok: false, error: 'format' };
  }
  const [integerRaw, fractionRaw = ''] = text.split('.');
  const integer = integerRaw.replace(/^0+(?=\d)/, '');
  const digits = fractionDigits(currency);
  const fraction = fractionRaw.padEnd(digits, '0');
  if (/^0*$/.test(integer + fraction)) {
    return { ok: false, error: 'zero' };
  }
  return { ok: true, amount: digits > 0 ? `${integer}.${fraction}` : integer };
}

/** Integer minor units of a decimal string (exact, BigInt); null when it is not a plain decimal. */
export function toMinorUnits(amount: string, currency = 'PEN'): bigint | null {
  const match = DECIMAL.exec(amount.trim());
  if (!match) {
    return null;
  }
  const [, sign, integer, fractionRaw = ''] = match;
  const digits = fractionDigits(currency);
  if (fractionRaw.length > digits && !/^0*$/.test(fractionRaw.slice(digits))) {
    return null;
  }
  const minor = BigInt(integer + fractionRaw.slice(0, digits).padEnd(digits, '0'));
  return sign === '-' ? -minor : minor;
}

/** -1, 0 or 1 like a comparator; null when either amount is not a plain decimal or the currencies differ. */
export function compareAmounts(a: Money, b: Money): number | null {
  if (a.currency !== b.currency) {
    return null;
  }
  const left = toMinorUnits(a.amount, a.currency);
  const right = toMinorUnits(b.amount, b.currency);
  if (left === null || right === null) {
    return null;
  }
  return left === right ? 0 : left < right ? -1 : 1;
}
