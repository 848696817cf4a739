/** A Visma financial period, `YYYYMM`. */
export type FinancialPeriod = `${number}`;

/** One choice in the period picker. */
export interface PeriodOption {
  value: FinancialPeriod;
  year: number;
  monthIndex: number;
}

/** The `count` most recent periods, newest first, ending with the month of `today`. */
export function recentPeriods(today: Date, count = 13): PeriodOption[] {
  return Array.from({ length: count }, (_, back) => {
    const date = new Date(today.getFullYear(), today.getMonth() - back, 1);
    const year = date.getFullYear();
    const monthIndex = date.getMonth();
    const value = `${year}${String(monthIndex + 1).padStart(2, '0')}` as FinancialPeriod;
    return { value, year, monthIndex };
  });
}
