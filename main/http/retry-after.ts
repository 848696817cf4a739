/**
 * Parses a `Retry-After` header (delta seconds or an HTTP date) into milliseconds to wait.
 * Returns undefined when absent or unreadable; never negative; capped at `capMs` (5 minutes by default).
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
  capMs = 300_000,
): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(capMs, Math.round(Number(trimmed) * 1000));
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(capMs, Math.max(0, at - now));
}
