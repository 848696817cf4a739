/** Visma's financial periods as the engine uses them: which period a date falls in, and which open period is next. */
import { financialPeriod } from '../../../shared/dates';
import type { VPeriod } from './types';

/**
 * The regular period whose days hold a local date (`yyyy-MM-dd`): Visma's own calendar, so a financial year starting
 * in July or a year with a 13th adjustment period is right. Null when Visma has no such period. Periods without dates
 * (a cache written by an older version) fall back to the calendar month.
 */
export function periodOfDate(date: string, periods: ReadonlyMap<string, VPeriod>): string | null {
  const dated = [...periods.values()].filter((p) => p.startDate && p.endDate);
  if (dated.length === 0) return financialPeriod(date);
  const day = date.slice(0, 10);
  return dated.find((p) => !p.adjustment && p.startDate! <= day && day <= p.endDate!)?.period ?? null;
}

/** Regular periods after `period`, in Visma's order (by first day; by id when there are no dates). */
export function periodsAfter(period: string, periods: ReadonlyMap<string, VPeriod>): VPeriod[] {
  const from = periods.get(period);
  const key = (p: VPeriod) => `${p.startDate ?? ''}|${p.period}`;
  return [...periods.values()]
    .filter((p) => !p.adjustment && p.period !== period && (from ? key(p) > key(from) : p.period > period))
    .sort((a, b) => key(a).localeCompare(key(b)));
}
