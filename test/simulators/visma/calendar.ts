import type { CompanyState, FiscalCalendar, SimPeriod } from './model';
import { addDays } from './clock';

/** A calendar-year company with twelve periods: Visma's default. */
export const DEFAULT_CALENDAR: FiscalCalendar = {
  startMonth: 1,
  adjustmentPeriod: false,
  belongsToNextYear: false,
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar year in which the financial year holding `date` (`yyyy-MM-dd`) starts. */
function startYearOf(calendar: FiscalCalendar, date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= calendar.startMonth ? year : year - 1;
}

/**
 * The periods of the financial year that starts in `startYear`, laid out as Acumatica (and so Visma.net) does:
 * twelve monthly periods numbered 01–12 from the start month, ids `YYYYPP` with YYYY the financial year's name (the
 * calendar year it starts in, or the one it ends in with `belongsToNextYear`), and — with `adjustmentPeriod` — a 13th
 * period without days of its own, dated on the boundary to the next year (start = end = the next year's first day).
 */
export function financialYear(calendar: FiscalCalendar, startYear: number): SimPeriod[] {
  const name = startYear + (calendar.belongsToNextYear ? 1 : 0);
  const periods: SimPeriod[] = [];
  for (let p = 1; p <= 12; p++) {
    const index = calendar.startMonth - 1 + p - 1;
    const year = startYear + Math.floor(index / 12);
    const month = (index % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    periods.push({
      period: `${name}${pad(p)}`,
      year: name,
      startDate: `${year}-${pad(month)}-01`,
      endDate: `${year}-${pad(month)}-${pad(last)}`,
      description: `${MONTHS[month - 1]} ${year}`,
      adjustment: false,
      closedInCustomerLedger: false,
      closedInSupplierLedger: false,
      closedInGeneralLedger: false,
    });
  }
  if (calendar.adjustmentPeriod) {
    const boundary = addDays(periods[11]!.endDate, 1);
    periods.push({
      period: `${name}13`,
      year: name,
      startDate: boundary,
      endDate: boundary,
      description: `Adjustment period ${name}`,
      adjustment: true,
      closedInCustomerLedger: false,
      closedInSupplierLedger: false,
      closedInGeneralLedger: false,
    });
  }
  return periods;
}

/** Every financial year that overlaps `from`..`to` (`yyyy-MM-dd`), in order. */
export function periodsCovering(calendar: FiscalCalendar, from: string, to: string): SimPeriod[] {
  const out: SimPeriod[] = [];
  for (let y = startYearOf(calendar, from); y <= startYearOf(calendar, to); y++)
    out.push(...financialYear(calendar, y));
  return out;
}

/** The regular (non-adjustment) period whose dates hold `date`, or undefined when none is defined. */
export function periodForDate(company: CompanyState, date: string): SimPeriod | undefined {
  for (const p of company.periods.values())
    if (!p.adjustment && p.startDate <= date && date <= p.endDate) return p;
  return undefined;
}

/** Checks calendar options and fills the defaults. */
export function calendarFrom(options: Partial<FiscalCalendar> = {}): FiscalCalendar {
  const calendar = { ...DEFAULT_CALENDAR, ...options };
  if (!Number.isInteger(calendar.startMonth) || calendar.startMonth < 1 || calendar.startMonth > 12)
    throw new Error(`The financial year must start in a month 1–12, not ${calendar.startMonth}.`);
  return calendar;
}
