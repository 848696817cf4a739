import type { z } from 'zod';
import type {
  ReconFiguresView,
  ReconStDocView,
  ReconVismaDocView,
  ReconciliationView,
} from '../../../shared/contract/engine-schemas';
import type { Amount } from '../../i18n/format';

/** A ServiceTitan document as reconciliation reports it. */
export type StDoc = z.infer<typeof ReconStDocView>;
/** A Visma document as reconciliation reports it. */
export type VismaDoc = z.infer<typeof ReconVismaDocView>;
/** A count with its gross and VAT sums. */
export type Figures = z.infer<typeof ReconFiguresView>;
/** Invoice, credit note or AP bill. */
export type DocType = StDoc['documentType'];

/** A decimal string from the contract as something the formatters take without losing cents. */
export const amount = (value: string) => value as Amount;

/** True for `"0.00"`, `"-0.00"` and friends. */
export const isZero = (value: string) => /^-?0+(\.0+)?$/.test(value);

/** True when the two sides agree on count, amount and VAT. */
export const figuresMatch = (difference: Figures) =>
  difference.count === 0 && isZero(difference.amount) && isZero(difference.vat);

/** True when neither side has a document in the period (neither in the drill-down lists nor in any bucket). */
export function isEmptyPeriod(view: ReconciliationView): boolean {
  return (
    Object.values(view.counts).every((n) => n === 0) &&
    Object.values(view.bucketCounts).every((n) => n === 0) &&
    view.entries.length === 0
  );
}

/** The year and month index of a `YYYY-MM` period, for the month formatter. */
export function monthOf(period: string): { year: number; monthIndex: number } {
  return { year: Number(period.slice(0, 4)), monthIndex: Number(period.slice(5, 7)) - 1 };
}
