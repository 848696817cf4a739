import { parseRetryAfter } from '../http/retry-after';

/** Longest wait a 429 may ask for before we give up on this run (as `parseRetryAfter` caps it). */
const MAX_WAIT_MS = 300_000;

/** The seconds in the gateway's own 429 wording: "Rate limit is exceeded. Try again in N seconds." */
function secondsInMessage(body: unknown): number | undefined {
  const text = typeof body === 'string' ? body : body == null ? '' : JSON.stringify(body);
  const match = /try again in (\d+(?:\.\d+)?) seconds?/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * How long ServiceTitan asks us to wait after a 429: the `Retry-After` header (seconds or an HTTP date), else the
 * seconds in the gateway's message, else undefined (the caller backs off on its own). Capped at five minutes.
 */
export function rateLimitWaitMs(
  retryAfter: string | undefined,
  body: unknown,
  now = Date.now(),
): number | undefined {
  const fromHeader = parseRetryAfter(retryAfter, now, MAX_WAIT_MS);
  if (fromHeader !== undefined) return fromHeader;
  const seconds = secondsInMessage(body);
  return seconds === undefined ? undefined : Math.min(MAX_WAIT_MS, Math.round(seconds * 1000));
}

/** One header value as a string (axios gives strings, arrays or nothing). */
export function headerValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
}
