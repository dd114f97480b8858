import { describe, expect, it } from 'vitest';
import { quoteDeadline, secondsLeft } from './fxQuote';

const received = Date.parse('2026-03-01T12:00:00.000Z');

describe('FX quote countdown', () => {
  it('trusts the server when the clocks agree', () => {
    const deadline = quoteDeadline('2026-03-01T12:00:29.500Z', received);
    expect(deadline - received).toBe(28_500);
    expect(secondsLeft(deadline, received)).toBe(29);
    expect(secondsLeft(deadline, received + 28_000)).toBe(1);
    expect(secondsLeft(deadline, received + 28_500)).toBe(0);
    expect(secondsLeft(deadline, received + 60_000)).toBe(0);
  });

  it('falls back to the whole lifetime when the browser clock is off', () => {
    // Browser 2 minutes ahead: the quote would look expired on arrival.
    expect(quoteDeadline('2026-03-01T11:58:30.000Z', received) - received).toBe(29_000);
    // Browser 2 minutes behind: the quote would look like it lasts 2.5 minutes.
    expect(quoteDeadline('2026-03-01T12:02:30.000Z', received) - received).toBe(29_000);
    expect(quoteDeadline('not a date', received) - received).toBe(29_000);
  });
});
