import type { Locale } from '../../shared/contract/schemas';

/** The Intl locale each UI language formats with: British English conventions, the Nordic languages in their country. */
export const intlLocale: Record<Locale, string> = {
  en: 'en-GB',
  nb: 'nb-NO',
  sv: 'sv-SE',
  da: 'da-DK',
  fi: 'fi-FI',
};

/** A decimal amount as text (`"1234.50"`, never a float that lost cents) or a number. */
export type Amount = number | `${number}`;

/** Formatters bound to one UI language. */
export interface Formatters {
  number(value: Amount, fractionDigits?: number): string;
  money(value: Amount, currency?: string): string;
  date(value: Date | string): string;
  /** Date and time to the minute, in the machine's time zone. */
  dateTime(value: Date | string): string;
  /** A short day label for charts, e.g. "31 Jan" / "31. jan.". */
  day(value: string): string;
  month(year: number, monthIndex: number): string;
  /** A run's length: "12 sec" under a minute, otherwise "3 min 5 sec". */
  duration(ms: number): string;
}

function toDate(value: Date | string): Date {
  // A bare yyyy-MM-dd is a calendar date: read it as local midnight, not UTC, so it never shifts a day.
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00`)
    : new Date(value);
}

/** A value built on first use and kept. */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/**
 * Builds number, currency (NOK unless told otherwise), date and month formatters for `locale`. Each Intl formatter
 * is built on first use and kept: building one is slow, and most screens need only a few.
 */
export function createFormatters(locale: Locale): Formatters {
  const tag = intlLocale[locale];
  const dateFormat = lazy(
    () => new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric' }),
  );
  const monthFormat = lazy(() => new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric' }));
  const dateTimeFormat = lazy(() => new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short' }));
  const dayFormat = lazy(() => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short' }));
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, options: Intl.NumberFormatOptions) => {
    let made = numberFormats.get(key);
    if (!made) {
      made = new Intl.NumberFormat(tag, options);
      numberFormats.set(key, made);
    }
    return made;
  };
  const unit = (name: 'minute' | 'second', fractionDigits = 0) =>
    numberFormat(`${name}:${fractionDigits}`, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: fractionDigits,
    });
  return {
    number: (value, fractionDigits) =>
      numberFormat(`number:${fractionDigits ?? ''}`, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(value),
    money: (value, currency = 'NOK') =>
      numberFormat(`currency:${currency}`, { style: 'currency', currency }).format(value),
    date: (value) => dateFormat().format(toDate(value)),
    dateTime: (value) => dateTimeFormat().format(toDate(value)),
    day: (value) => dayFormat().format(toDate(value)),
    month: (year, monthIndex) => monthFormat().format(new Date(year, monthIndex, 1)),
    duration: (ms) => {
      const seconds = Math.max(0, ms) / 1000;
      if (seconds < 60) return unit('second', seconds < 10 ? 1 : 0).format(seconds);
      const minutes = Math.floor(seconds / 60);
      return `${unit('minute').format(minutes)} ${unit('second').format(Math.round(seconds % 60))}`;
    },
  };
}
