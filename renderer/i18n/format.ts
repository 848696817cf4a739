import type { Locale } from '../../shared/contract/schemas';

/** The Intl locale each UI language formats with: British English conventions, Norwegian bokmål in Norway. */
export const intlLocale: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO' };

/** A decimal amount as text (`"1234.50"`, never a float that lost cents) or a number. */
export type Amount = number | `${number}`;

/** Formatters bound to one UI language. */
export interface Formatters {
  number(value: Amount, fractionDigits?: number): string;
  money(value: Amount, currency?: string): string;
  date(value: Date | string): string;
  month(year: number, monthIndex: number): string;
}

function toDate(value: Date | string): Date {
  // A bare yyyy-MM-dd is a calendar date: read it as local midnight, not UTC, so it never shifts a day.
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00`)
    : new Date(value);
}

/** Builds number, currency (NOK unless told otherwise), date and month formatters for `locale`. */
export function createFormatters(locale: Locale): Formatters {
  const tag = intlLocale[locale];
  const dateFormat = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const monthFormat = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric' });
  return {
    number: (value, fractionDigits) =>
      new Intl.NumberFormat(tag, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(value),
    money: (value, currency = 'NOK') =>
      new Intl.NumberFormat(tag, { style: 'currency', currency }).format(value),
    date: (value) => dateFormat.format(toDate(value)),
    month: (year, monthIndex) => monthFormat.format(new Date(year, monthIndex, 1)),
  };
}
