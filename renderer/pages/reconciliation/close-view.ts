import {
  CloseBucketView,
  type ChecklistItemView,
  type CloseEntryView,
  type ReconciliationView,
} from '../../../shared/contract/engine-schemas';

/** A bucket of the month-end close. */
export type Bucket = CloseBucketView;
/** One document of the period in its bucket. */
export type Entry = CloseEntryView;
/** One check of "ready to close". */
export type ChecklistItem = ChecklistItemView;
/** The id of a check. */
export type ChecklistId = ChecklistItem['id'];

/** Every bucket in the order the page lists them: matched first (folded), then what is not booked, and so on. */
export const BUCKETS: readonly Bucket[] = CloseBucketView.options;

/** The checks of "ready to close", in the order the page lists them. */
export const CHECKLIST_IDS: readonly ChecklistId[] = [
  'nothingWaiting',
  'nothingUncertain',
  'nothingUnreleased',
  'noUnexplainedDifference',
  'holdingAccountEmpty',
];

/** The buckets that are for information only: nothing in them stands in the way of the close. */
const INFORMATION_BUCKETS: readonly Bucket[] = ['matched', 'ignored'];

/** True when documents in `bucket` need a look before the period is closed. */
export const isProblemBucket = (bucket: Bucket) => !INFORMATION_BUCKETS.includes(bucket);

/** A check as the page shows it: the engine's, or `null` when the engine did not report it (shown as not checked). */
export interface CheckRow {
  id: ChecklistId;
  item: ChecklistItem | null;
}

/** The five checks in page order, each with what the engine reported for it. */
export function checkRows(view: ReconciliationView): CheckRow[] {
  return CHECKLIST_IDS.map((id) => ({ id, item: view.checklist.items.find((i) => i.id === id) ?? null }));
}

/** How many checks are open: failed, or not reported at all. */
export function openChecks(view: ReconciliationView): number {
  return checkRows(view).filter((row) => !row.item?.ok).length;
}

/** Ready to close only when the engine says so and every one of the five checks is reported and holds. */
export function isReady(view: ReconciliationView): boolean {
  return view.checklist.ready && openChecks(view) === 0;
}

/** The entries of one bucket, in the engine's order. */
export function entriesIn(view: ReconciliationView, bucket: Bucket): Entry[] {
  return view.entries.filter((e) => e.bucket === bucket);
}

/** The count on a bucket's tab, as the engine counted it. */
export function bucketCount(view: ReconciliationView, bucket: Bucket): number {
  return view.bucketCounts[bucket];
}

/** The tab the bucket list opens on: the first problem bucket with documents, else matched. */
export function firstBucket(view: ReconciliationView): Bucket {
  return BUCKETS.find((b) => isProblemBucket(b) && bucketCount(view, b) > 0) ?? 'matched';
}

/** The element ids the checklist's links point at. */
export const anchors = {
  buckets: 'recon-buckets',
  gl: 'recon-gl',
  tab: (bucket: Bucket) => `recon-bucket-${bucket}`,
} as const;
