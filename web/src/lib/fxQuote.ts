/**
 * The FX quote's countdown. The payments service says when a quote ends (expiresAt, 30 s after it was made) by its
 * own clock; the browser's clock may be off by more than that. So the deadline is counted on the browser's clock from
 * when the answer arrived: the server's remaining time if it is believable (0 < remaining ≤ lifetime), else the whole
 * lifetime. A small margin keeps the customer from confirming in the last instant.
 */

export const QUOTE_LIFETIME_MS = 30_000;
export const QUOTE_SAFETY_MARGIN_MS = 1_000;

export function quoteDeadline(expiresAt: string, receivedAtMs: number, lifetimeMs = QUOTE_LIFETIME_MS): number {
  const serverEnd = Date.parse(expiresAt);
  const remaining = Number.isNaN(serverEnd) ? lifetimeMs : serverEnd - receivedAtMs;
  const believable = remaining > 0 && remaining <= lifetimeMs ? remaining : lifetimeMs;
  return receivedAtMs + believable - QUOTE_SAFETY_MARGIN_MS;
}

/** Whole seconds left (rounded up), never below 0. */
export function secondsLeft(deadlineMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
}
