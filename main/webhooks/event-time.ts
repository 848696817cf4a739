/** How far ahead of this computer's clock an event's time may be (clock skew between ServiceTitan and the PC). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Default staleness window: 30 days. ServiceTitan retries a failed delivery only for minutes (10, 30, 60 and 300 s)
 * and then leaves the event for a manual replay from the developer portal, which has no documented age limit; an
 * accountant back from a holiday should still be able to replay. The window is not what stops an event acting twice —
 * the event id is recorded for good and a repeat is only acknowledged — it only bounds how old a captured body may
 * be when it is sent again to a ledger that no longer knows its id (e.g. one restored from a backup).
 */
export const DEFAULT_MAX_EVENT_AGE_HOURS = 24 * 30;

/** What the receiver concluded from an event's `time`. */
export type EventTimeCheck =
  { verdict: 'fresh' } | { verdict: 'refused'; reason: string } | { verdict: 'stale'; reason: string };

// RFC 3339 date-time, as the CloudEvents spec and ServiceTitan's schema ("format": "date-time") require. Date.parse
// alone would also take "1", "May 5" or a bare date.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Judges a signed event's `time` against `now`: missing, unparseable or further ahead than the clock-skew allowance
 * is refused; older than `maxAgeMs` is stale; anything else is fresh.
 */
export function checkEventTime(time: unknown, now: Date, maxAgeMs: number): EventTimeCheck {
  if (time === undefined || time === null || time === '')
    return { verdict: 'refused', reason: 'The event has no time.' };
  const at = typeof time === 'string' && RFC3339.test(time) ? Date.parse(time) : NaN;
  if (Number.isNaN(at)) {
    return {
      verdict: 'refused',
      reason: 'The event time is not a date and time (RFC 3339, e.g. 2026-05-04T10:00:00Z).',
    };
  }
  const ageMs = now.getTime() - at;
  if (ageMs < -CLOCK_SKEW_MS) {
    return {
      verdict: 'refused',
      reason: "The event time lies in the future (more than 5 minutes ahead of this computer's clock).",
    };
  }
  if (ageMs > maxAgeMs) {
    const hours = Math.round(maxAgeMs / 3_600_000);
    return { verdict: 'stale', reason: `The event is older than ${hours} hours; it was not acted on.` };
  }
  return { verdict: 'fresh' };
}

/** The staleness window in milliseconds for a profile's `webhook.maxEventAgeHours` (unset: the default). */
export function maxEventAgeMs(hours: number | undefined): number {
  return (hours ?? DEFAULT_MAX_EVENT_AGE_HOURS) * 3_600_000;
}
