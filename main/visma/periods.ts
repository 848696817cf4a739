import type { FinancialPeriod } from './schemas';

/**
 * True for a year-end adjustment period: it has no days of its own (start = end, Acumatica's zero-length period) or is
 * number 13. Documents are posted there only when asked for by id, never because of their date.
 */
export function isAdjustmentPeriod(period: FinancialPeriod): boolean {
  return period.period.slice(4) === '13' || (!!period.startDate && period.startDate === period.endDate);
}

/**
 * The regular financial period whose dates hold `date` (`yyyy-MM-dd`, inclusive bounds), or undefined. Use this, not
 * the date's month: for a financial year that does not start in January, period ids `YYYYPP` count from its start month
 * (July 2026 is `202601` in a July–June year named 2026).
 */
export function financialPeriodOf(periods: FinancialPeriod[], date: string): FinancialPeriod | undefined {
  const day = date.slice(0, 10);
  return periods.find(
    (p) => !isAdjustmentPeriod(p) && !!p.startDate && !!p.endDate && p.startDate <= day && day <= p.endDate,
  );
}
