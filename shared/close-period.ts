import { localDate } from './dates';

/** How many business days of a month the books of the month before stay open for closing. */
export const CLOSE_BUSINESS_DAYS = 5;

/** True for Monday to Friday of a calendar date (public holidays are not known here and count as business days). */
function isBusinessDay(year: number, monthIndex: number, day: number): boolean {
  const weekday = new Date(Date.UTC(year, monthIndex, day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day of the month on which its `count`th business day falls. */
function nthBusinessDay(year: number, monthIndex: number, count: number): number {
  let seen = 0;
  for (let day = 1; ; day++) {
    if (isBusinessDay(year, monthIndex, day)) seen++;
    if (seen === count) return day;
  }
}

const asPeriod = (year: number, monthIndex: number) =>
  `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}`;

/**
 * The month being closed at `now` (`YYYY-MM`): the previous month until the first five business days (Mon–Fri) of
 * the current month are over in `timeZone`, the current month after that.
 */
export function defaultClosePeriod(now: Date, timeZone: string): string {
  const today = localDate(now, timeZone);
  const year = Number(today.slice(0, 4));
  const monthIndex = Number(today.slice(5, 7)) - 1;
  const day = Number(today.slice(8, 10));
  if (day > nthBusinessDay(year, monthIndex, CLOSE_BUSINESS_DAYS)) return asPeriod(year, monthIndex);
  return monthIndex === 0 ? asPeriod(year - 1, 11) : asPeriod(year, monthIndex - 1);
}
