/** Formatters by time zone (building one is far slower than using it). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Local dates already worked out, per time zone, by epoch ms: formatting costs ~15 µs, and documents share instants. */
const knownDates = new Map<string, Map<number, string>>();
/** Entries kept per time zone before the memory of worked-out dates starts over. */
const KNOWN_DATES_LIMIT = 100_000;

function formatDate(date: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(date)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** The calendar date (yyyy-MM-dd) of an instant in an IANA time zone. */
export function localDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error(`Not a timestamp: ${String(instant)}`);
  let known = knownDates.get(timeZone);
  if (!known) knownDates.set(timeZone, (known = new Map<number, string>()));
  const found = known.get(ms);
  if (found !== undefined) return found;
  const local = formatDate(date, timeZone);
  if (known.size >= KNOWN_DATES_LIMIT) known.clear();
  known.set(ms, local);
  return local;
}

/** A local date as Visma wants it: `yyyy-MM-ddT00:00:00`, no offset. */
export function vismaDate(instant: string | Date, timeZone: string): string {
  return `${localDate(instant, timeZone)}T00:00:00`;
}

/** The Visma financial period (`YYYYMM`) of a local date `yyyy-MM-dd`. */
export function financialPeriod(localIsoDate: string): string {
  return localIsoDate.slice(0, 4) + localIsoDate.slice(5, 7);
}

/** True when `timeZone` is a zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date-time (`yyyy-MM-ddTHH:mm:ss`) of an instant in an IANA time zone. */
export function localDateTime(instant: Date, timeZone: string): string {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dateTimeFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
