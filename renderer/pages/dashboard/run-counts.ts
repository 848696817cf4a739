import type { SyncSummaryView } from '../../../shared/contract/engine-schemas';

/** The per-type counts the dashboard shows, in the order an accountant reads a run. */
export const COUNT_ROWS = ['posted', 'released', 'exported', 'held', 'blocked', 'failed'] as const;

/** One shown count. */
export type CountRow = (typeof COUNT_ROWS)[number];

/** Documents posted by a run, both types together. */
export function postedTotal(summary: SyncSummaryView): number {
  return summary.documents.invoices.posted + summary.documents.bills.posted;
}
