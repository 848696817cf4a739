/**
 * Month and weekday names for a calendar, from Intl in the given locale (weekdays Sunday first, as Fluent counts).
 * The month picker shows `shortMonths` and names each button by `months`; a shortened visible name that is not a
 * word of the accessible one ("Jan" / "January") fails WCAG's label-in-name, so the picker shows the full names too.
 */
export function calendarNames(locale: string): {
  months: string[];
  shortMonths: string[];
  days: string[];
  shortDays: string[];
} {
  const month = (style: 'long') => {
    const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2026, i, 1)));
  };
  const weekday = (style: 'long' | 'short') => {
    const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
    // 2026-11-01 is a Sunday.
    return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2026, 10, 1 + i)));
  };
  const months = month('long');
  return { months, shortMonths: months, days: weekday('long'), shortDays: weekday('short') };
}

type Part = 'day' | 'month' | 'year';

/** The order in which the locale writes day, month and year in a numeric date ("dd.mm.yyyy" → day, month, year). */
export function datePartOrder(locale: string): Part[] {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(new Date(2026, 11, 24))
    .map((part) => part.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
}

/** A local calendar date as the locale writes it with digits ("24.12.2026", "24/12/2026", "2026-12-24"). */
export function formatLocalDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

function validDate(year: number, month: number, day: number): Date | null {
  if (year < 1000 || year > 9999) return null;
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/**
 * A typed date read in the locale's order of day, month and year, whatever the separators ("24.12.2026",
 * "24/12/2026", "24 12 2026"); an ISO date (yyyy-mm-dd) is always understood. Null when it is no real date.
 */
export function parseLocalDate(text: string, locale: string): Date | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = trimmed.split(/\D+/).filter(Boolean).map(Number);
  const order = datePartOrder(locale);
  if (numbers.length !== 3 || order.length !== 3) return null;
  const value = (part: Part) => numbers[order.indexOf(part)]!;
  return validDate(value('year'), value('month'), value('day'));
}

/** A local date as `yyyy-MM-dd` (the form filters and the engine use), or '' for none. */
export function toIsoDay(date: Date | null | undefined): string {
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A `yyyy-MM-dd` day as a local date (midnight), or null for '' or a malformed value. */
export function fromIsoDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? validDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
