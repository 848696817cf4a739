/** A reconciliation period as the contract takes it, `YYYY-MM`. */
export type ReconPeriod = `${number}-${number}`;

/** One choice in the period picker. */
export interface PeriodOption {
  value: ReconPeriod;
  year: number;
  monthIndex: number;
}

/** The `count` most recent periods, newest first, ending with the month of `today`. */
export function recentPeriods(today: Date, count = 13): PeriodOption[] {
  return Array.from({ length: count }, (_, back) => {
    const date = new Date(today.getFullYear(), today.getMonth() - back, 1);
    const year = date.getFullYear();
    const monthIndex = date.getMonth();
    const value = `${year}-${String(monthIndex + 1).padStart(2, '0')}` as ReconPeriod;
    return { value, year, monthIndex };
  });
}

/** `text` as a period when it is one of the picker's months (a bookmarked or linked `?period=`), else null. */
export function pickablePeriod(text: string | null, today: Date): ReconPeriod | null {
  return recentPeriods(today).find((p) => p.value === text)?.value ?? null;
}
