import { describe, expect, it } from 'vitest';
import { localDateTimeToIso } from './dates';

describe('datetime-local to ISO with an offset', () => {
  it('reads the value as local time and writes UTC (Z)', () => {
    const iso = localDateTimeToIso('2026-03-01T10:30');
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    const local = new Date(iso as string);
    expect([local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes()]).toEqual([2026, 2, 1, 10, 30]);
  });

  it('empty or malformed is no filter', () => {
    expect(localDateTimeToIso('')).toBeNull();
    expect(localDateTimeToIso('2026-03-01')).toBeNull();
    expect(localDateTimeToIso('yesterday')).toBeNull();
  });
});
