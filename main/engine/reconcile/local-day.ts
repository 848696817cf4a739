/**
 * The local date of an instant for the close, which asks it of every document of the period, several times each
 * (thousands of distinct instants; formatting one in a time zone costs ~15 µs, parsing the text into a date a few).
 * Each instant's text is worked out once. A time zone's offset is worked out once per UTC hour: when it is the same at
 * the hour's first and last second, every instant of the hour is shifted by it; an hour in which the offset changes
 * (or one the formatter cannot place) takes the exact way.
 */
import { localDate, localDateTime } from '../../../shared/dates';

const HOUR_MS = 3_600_000;
/** Per time zone, the offset in force through each UTC hour (by the hour's first instant); null when it changes. */
const offsets = new Map<string, Map<number, number | null>>();
/** Per time zone, the local date of each instant's text. */
const days = new Map<string, Map<string, string>>();
/** Entries kept per time zone and map before the memory starts over. */
const LIMIT = 100_000;

/** Local wall-clock time minus UTC at a whole second, in ms (NaN when the local time cannot be read back). */
function offsetAt(ms: number, timeZone: string): number {
  return Date.parse(`${localDateTime(new Date(ms), timeZone)}Z`) - ms;
}

function hourOffset(start: number, timeZone: string): number | null {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map<number, number | null>()));
  let offset = zone.get(start);
  if (offset === undefined) {
    const first = offsetAt(start, timeZone);
    offset = Number.isFinite(first) && first === offsetAt(start + HOUR_MS - 1000, timeZone) ? first : null;
    if (zone.size >= LIMIT) zone.clear();
    zone.set(start, offset);
  }
  return offset;
}

function workedOut(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return localDate(instant, timeZone);
  const offset = hourOffset(Math.floor(ms / HOUR_MS) * HOUR_MS, timeZone);
  return offset === null ? localDate(instant, timeZone) : new Date(ms + offset).toISOString().slice(0, 10);
}

/** `localDate(instant, timeZone)` (the calendar date, `yyyy-MM-dd`), throwing as it does for what is no timestamp. */
export function localDay(instant: string, timeZone: string): string {
  let zone = days.get(timeZone);
  if (!zone) days.set(timeZone, (zone = new Map<string, string>()));
  const known = zone.get(instant);
  if (known !== undefined) return known;
  const day = workedOut(instant, timeZone);
  if (zone.size >= LIMIT) zone.clear();
  zone.set(instant, day);
  return day;
}
