/** A Visma-style timestamp: local date-time with milliseconds and no offset (the simulator runs in UTC terms). */
export function timestamp(at: Date = new Date()): string {
  return at.toISOString().slice(0, 23);
}

/** `yyyy-MM-dd` plus `T00:00:00`, the way Visma renders dates. */
export function dateTime(localDate: string): string {
  return `${localDate}T00:00:00`;
}

/** Adds days to a `yyyy-MM-dd` date. */
export function addDays(localDate: string, days: number): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
