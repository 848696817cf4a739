/** A reconciliation period: the accountant's `YYYY-MM`, Visma's `YYYYMM` and the dates around it. */
export interface ReconPeriod {
  /** `YYYY-MM`. */
  period: string;
  /** `YYYYMM`, as Visma's `financialPeriod` filter takes it. */
  financialPeriod: string;
  /** First local day of the period, `yyyy-MM-dd`. */
  firstDay: string;
  /** First local day of the next period, `yyyy-MM-dd`. */
  nextFirstDay: string;
}

/** The pattern of a period as the channel and the CLI take it. */
export const PERIOD_PATTERN = /^\d{4}-\d{2}$/;

/** Parses `YYYY-MM`; throws a plain message for anything else (month 01–12). */
export function parsePeriod(period: string): ReconPeriod {
  const month = Number(period.slice(5, 7));
  if (!PERIOD_PATTERN.test(period) || month < 1 || month > 12)
    throw new Error(`"${period}" is not a period: write it as YYYY-MM, for example 2024-03.`);
  const year = Number(period.slice(0, 4));
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return {
    period,
    financialPeriod: `${period.slice(0, 4)}${period.slice(5, 7)}`,
    firstDay: `${period}-01`,
    nextFirstDay: `${next}-01`,
  };
}

/** Adds whole days to a `yyyy-MM-dd` date (calendar arithmetic, no time zone). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
