import Decimal from 'decimal.js';
import { localDateTime as wallClock } from '../../shared/dates';
import { UncertainWriteError, VismaError } from './errors';

/** Visma's value wrapper for a scalar on an update DTO. */
export interface Wrapped<T> {
  value: T;
}

/** Wraps a scalar as `{ value }`; undefined stays undefined so the field is left out. */
export function wrap<T>(value: T | undefined): Wrapped<T> | undefined {
  return value === undefined ? undefined : { value };
}

/** Wraps a decimal amount; the JSON number is produced here, at the wire, and nowhere else. */
export function wrapAmount(value: string | Decimal | undefined): Wrapped<number> | undefined {
  if (value === undefined) return undefined;
  const d = new Decimal(value);
  if (!d.isFinite())
    throw new VismaError({ code: 'invalid_input', message: `Not an amount: ${String(value)}` });
  return { value: d.toNumber() };
}

/** Wraps a local date as `yyyy-MM-ddTHH:mm:ss` without offset. */
export function wrapDate(value: string | undefined): Wrapped<string> | undefined {
  return value === undefined ? undefined : { value: localDateTime(value) };
}

/**
 * Normalises a local date (`yyyy-MM-dd` or `yyyy-MM-ddTHH:mm:ss`) to `yyyy-MM-ddTHH:mm:ss`. Timestamps with an
 * offset or `Z` are refused: Visma would shift them, so the caller must convert to the profile's local date first.
 */
export function localDateTime(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) return value;
  throw new VismaError({
    code: 'invalid_input',
    message: `The date "${value}" cannot be sent to Visma: use a local date (yyyy-MM-dd) in the profile's time zone, without a time zone offset.`,
  });
}

/**
 * An instant as the company-local timestamp Visma's `lastModifiedDateTime`/`createdDateTime` use and their filters
 * expect (`yyyy-MM-ddTHH:mm:ss.fff`, no offset), in the company's IANA time zone.
 */
export function toVismaLocalTime(at: Date | string, timeZone: string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime()))
    throw new VismaError({ code: 'invalid_input', message: `Not a point in time: ${String(at)}` });
  const ms = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${wallClock(instant, timeZone)}.${ms}`;
}

/** Drops keys whose value is undefined, so absent fields are not sent. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The new key from a create's `Location` header: its last path segment, URL-decoded. A create answered without one
 * was stored (Visma answers 201 only after saving) but its number is unknown: that is an uncertain write, to be settled
 * by looking the document up — never a refusal.
 */
export function keyFromLocation(location: string | undefined, endpoint: string): string {
  const path = (location ?? '').split(/[?#]/)[0] ?? '';
  const last = path.replace(/\/+$/, '').split('/').pop();
  if (!last)
    throw new UncertainWriteError(
      endpoint,
      'Visma answered 201 Created without a Location header, so the new number is unknown',
      201,
    );
  return decodeURIComponent(last);
}

/** A decimal string from a JSON number in a response (exact for the 2-decimal values Visma sends). */
export function amountString(value: number): string {
  return new Decimal(value).toString();
}
