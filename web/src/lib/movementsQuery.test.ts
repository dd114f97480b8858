import { describe, expect, it } from 'vitest';
import {
  checkFilters,
  EMPTY_FILTERS,
  filtersFromParams,
  isIsoDate,
  movementsQueryString,
  statementQueryString,
} from './movementsQuery';

describe('movement filters', () => {
  it('no filter is an empty query', () => {
    expect(checkFilters(EMPTY_FILTERS)).toEqual({ ok: true, query: {} });
    expect(movementsQueryString({}, { limit: 20 })).toBe('limit=20');
  });

  it('builds the query string in the documented order, amounts canonical', () => {
    const check = checkFilters({ from: '2026-01-01', to: '2026-01-31', direction: 'debit', minAmount: '10', maxAmount: '500.5' });
    expect(check).toEqual({
      ok: true,
      query: { from: '2026-01-01', to: '2026-01-31', direction: 'debit', minAmount: '10.00', maxAmount: '500.50' },
    });
    if (!check.ok) return;
    expect(movementsQueryString(check.query, { limit: 20, before: 1234567890123 })).toBe(
      'limit=20&before=1234567890123&from=2026-01-01&to=2026-01-31&direction=debit&minAmount=10.00&maxAmount=500.50',
    );
    expect(statementQueryString('csv', check.query)).toBe('format=csv&from=2026-01-01&to=2026-01-31');
    expect(statementQueryString('pdf', {})).toBe('format=pdf');
  });

  it('one day is a valid range; a reversed range is not', () => {
    expect(checkFilters({ ...EMPTY_FILTERS, from: '2026-02-03', to: '2026-02-03' }).ok).toBe(true);
    expect(checkFilters({ ...EMPTY_FILTERS, from: '2026-02-04', to: '2026-02-03' })).toEqual({ ok: false, errors: { to: 'date_range' } });
  });

  it('refuses impossible dates and malformed amounts, and compares amounts exactly', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('01/02/2026')).toBe(false);
    expect(checkFilters({ ...EMPTY_FILTERS, from: '2026-02-30', minAmount: '1,000', maxAmount: '1.005' })).toEqual({
      ok: false,
      errors: { from: 'invalid_date', minAmount: 'invalid_amount', maxAmount: 'invalid_amount' },
    });
    expect(checkFilters({ ...EMPTY_FILTERS, minAmount: '0.30', maxAmount: '0.3' }).ok).toBe(true);
    expect(checkFilters({ ...EMPTY_FILTERS, minAmount: '9007199254740993.01', maxAmount: '9007199254740993.00' }).ok).toBe(false);
    expect(checkFilters({ ...EMPTY_FILTERS, minAmount: '0' })).toEqual({ ok: true, query: { minAmount: '0.00' } });
  });

  it('ignores an unknown direction and reads filters back from the URL', () => {
    expect(checkFilters({ ...EMPTY_FILTERS, direction: 'sideways' as never })).toEqual({ ok: true, query: {} });
    expect(filtersFromParams(new URLSearchParams('accountId=x&from=2026-01-01&direction=credit&maxAmount=5'))).toEqual({
      from: '2026-01-01', to: '', direction: 'credit', minAmount: '', maxAmount: '5',
    });
    expect(filtersFromParams(new URLSearchParams('direction=up')).direction).toBe('');
  });
});
