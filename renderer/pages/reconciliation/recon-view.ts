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

/** The drill-down lists, in the order the page offers them: what needs a look first, matched last. */
export const LIST_KEYS = [
  'different',
  'missing',
  'duplicated',
  'unknownInVisma',
  'outsidePeriod',
  'postedByHand',
  'ignored',
  'matched',
] as const;
/** One drill-down list. */
export type ListKey = (typeof LIST_KEYS)[number];

/** The lists that need the accountant before the period is closed; the others are for information. */
export const PROBLEM_LISTS: readonly ListKey[] = [
  'different',
  'missing',
  'duplicated',
  'unknownInVisma',
  'outsidePeriod',
];

/** A decimal string from the contract as something the formatters take without losing cents. */
export const amount = (value: string) => value as Amount;

/** True for `"0.00"`, `"-0.00"` and friends. */
export const isZero = (value: string) => /^-?0+(\.0+)?$/.test(value);

/** True when the two sides agree on count, amount and VAT. */
export const figuresMatch = (difference: Figures) =>
  difference.count === 0 && isZero(difference.amount) && isZero(difference.vat);

/** How many documents need a look before the period can be closed. */
export function attentionCount(view: ReconciliationView): number {
  return PROBLEM_LISTS.reduce((sum, key) => sum + view.counts[key], 0);
}

/** True when neither side has a document in the period. */
export function isEmptyPeriod(view: ReconciliationView): boolean {
  return LIST_KEYS.every((key) => view.counts[key] === 0);
}

/** The list the drill-down opens on: the first that has entries, problems first (matched when all else is empty). */
export function firstList(view: ReconciliationView): ListKey {
  return LIST_KEYS.find((key) => view.counts[key] > 0) ?? 'matched';
}

/** The year and month index of a `YYYY-MM` period, for the month formatter. */
export function monthOf(period: string): { year: number; monthIndex: number } {
  return { year: Number(period.slice(0, 4)), monthIndex: Number(period.slice(5, 7)) - 1 };
}
