/** Time as a Visma company sees it: local date-times in the company's time zone, without offset. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws when `timeZone` is not an IANA time zone the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatter(timeZone);
  } catch {
    throw new Error(`'${timeZone}' is not a known time zone (use an IANA name such as Europe/Oslo).`);
  }
}

/**
 * A Visma timestamp: the company-local date-time with milliseconds and no offset (`2026-06-20T14:03:07.123`), which
 * is how `lastModifiedDateTime`/`createdDateTime` are sent and how their filters are read.
 */
export function localTimestamp(timeZone: string, at: Date = new Date()): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const ms = String(at.getUTCMilliseconds()).padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}`;
}

/** The company-local calendar date (`yyyy-MM-dd`) of an instant. */
export function localDateOf(timeZone: string, at: Date = new Date()): string {
  return localTimestamp(timeZone, at).slice(0, 10);
}

/** A UTC timestamp without offset, for the background API's `…Utc` fields. */
export function utcTimestamp(at: Date = new Date()): string {
  return at.toISOString().slice(0, 23);
}

/** `yyyy-MM-dd` plus `T00:00:00`, the way Visma renders dates. */
export function dateTime(localDate: string): string {
  return `${localDate}T00:00:00`;
}

/** Adds days to a `yyyy-MM-dd` date. */
export function addDays(localDate: string, days: number): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A timestamp in the default company time zone (Europe/Oslo); use `nowIn(company)` where the company is at hand. */
export function timestamp(at: Date = new Date(), timeZone = 'Europe/Oslo'): string {
  return localTimestamp(timeZone, at);
}
