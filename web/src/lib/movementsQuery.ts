/**
 * The movements page's filters, checked and turned into the customers service's query string:
 * GET /customers/{customerId}/accounts/{accountId}/movements?limit=&before=&from=&to=&direction=&minAmount=&maxAmount=
 * and the statement's (?format=csv|pdf&from=&to=). Amounts stay strings; ranges are compared in BigInt minor units.
 */
import { toMinorUnits } from './money';

export type Direction = '' | 'credit' | 'debit';

/** As typed in the form. */
export interface MovementFilters {
  from: string;
  to: string;
  direction: Direction;
  minAmount: string;
  maxAmount: string;
}

/** Checked: empty strings are "no filter", amounts in canonical form ("10" → "10.00"). */
export interface MovementQuery {
  from?: string;
  to?: string;
  direction?: 'credit' | 'debit';
  minAmount?: string;
  maxAmount?: string;
}

export type FilterField = keyof MovementFilters;
export type FilterError = 'invalid_date' | 'date_range' | 'invalid_amount' | 'amount_range';

export const EMPTY_FILTERS: MovementFilters = { from: '', to: '', direction: '', minAmount: '', maxAmount: '' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

/** A real calendar day in YYYY-MM-DD (what <input type="date"> gives). */
export function isIsoDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function canonicalAmount(text: string): string | null {
  if (!AMOUNT.test(text)) {
    return null;
  }
  const [integer, fraction = ''] = text.split('.');
  return `${integer.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

export type FilterCheck =
  | { ok: true; query: MovementQuery }
  | { ok: false; errors: Partial<Record<FilterField, FilterError>> };

export function checkFilters(filters: MovementFilters): FilterCheck {
  const errors: Partial<Record<FilterField, FilterError>> = {};
  const query: MovementQuery = {};
  const from = filters.from.trim();
  const to = filters.to.trim();
  if (from) {
    if (isIsoDate(from)) query.from = from;
    else errors.from = 'invalid_date';
  }
  if (to) {
    if (isIsoDate(to)) query.to = to;
    else errors.to = 'invalid_date';
  }
  if (query.from && query.to && query.from > query.to) {
    errors.to = 'date_range';
  }
  if (filters.direction === 'credit' || filters.direction === 'debit') {
    query.direction = filters.direction;
  }
  const min = filters.minAmount.trim();
  const max = filters.maxAmount.trim();
  if (min) {
    const amount = canonicalAmount(min);
    if (amount) query.minAmount = amount;
    else errors.minAmount = 'invalid_amount';
  }
  if (max) {
    const amount = canonicalAmount(max);
    if (amount) query.maxAmount = amount;
    else errors.maxAmount = 'invalid_amount';
  }
  if (query.minAmount && query.maxAmount && (toMinorUnits(query.minAmount) ?? 0n) > (toMinorUnits(query.maxAmount) ?? 0n)) {
    errors.maxAmount = 'amount_range';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query };
}

/** limit, before, from, to, direction, minAmount, maxAmount — in that order, only those given. */
export function movementsQueryString(query: MovementQuery, page: { limit: number; before?: number | null }): string {
  const params = new URLSearchParams({ limit: String(page.limit) });
  if (page.before !== undefined && page.before !== null) {
    params.set('before', String(page.before));
  }
  for (const key of ['from', 'to', 'direction', 'minAmount', 'maxAmount'] as const) {
    const value = query[key];
    if (value) {
      params.set(key, value);
    }
  }
  return params.toString();
}

export function statementQueryString(format: 'csv' | 'pdf', query: MovementQuery): string {
  const params = new URLSearchParams({ format });
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  return params.toString();
}

/** The filters as the page's URL keeps them (so a reload or a shared link shows the same list). */
export function filtersFromParams(params: URLSearchParams): MovementFilters {
  const direction = params.get('direction');
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    direction: direction === 'credit' || direction === 'debit' ? direction : '',
    minAmount: params.get('minAmount') ?? '',
    maxAmount: params.get('maxAmount') ?? '',
  };
}
