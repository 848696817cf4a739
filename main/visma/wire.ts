import Decimal from 'decimal.js';
import { VismaError } from './errors';

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

/** Drops keys whose value is undefined, so absent fields are not sent. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The new key from a create's `Location` header: its last path segment, URL-decoded. */
export function keyFromLocation(location: string | undefined, endpoint: string): string {
  const path = (location ?? '').split(/[?#]/)[0] ?? '';
  const last = path.replace(/\/+$/, '').split('/').pop();
  if (!last) {
    throw new VismaError({
      code: 'bad_response',
      endpoint,
      message:
        'Visma created the record but did not say its number (no Location header). Look it up in Visma before sending it again.',
    });
  }
  return decodeURIComponent(last);
}

/** A decimal string from a JSON number in a response (exact for the 2-decimal values Visma sends). */
export function amountString(value: number): string {
  return new Decimal(value).toString();
}
