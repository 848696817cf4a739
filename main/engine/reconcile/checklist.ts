/** "Ready to close": the checks a period must pass, counted from the close's entries and its GL level. */
import { money } from '../../../shared/money';
import type { Checklist, ChecklistItem, CloseBucket, CloseEntry, GlLevel } from './types';

/** Buckets that are differences the accountant must explain or fix before closing. */
const DIFFERENCE_BUCKETS: readonly CloseBucket[] = [
  'neverSynced',
  'changedInServiceTitan',
  'different',
  'duplicated',
  'deletedInVisma',
  'outsidePeriod',
];

/** Whether an entry is an open difference (a Visma document of another period's source is explained, not open). */
function isDifference(e: CloseEntry): boolean {
  if (e.bucket === 'outsidePeriod') return e.reason.code === 'unknownSource';
  return DIFFERENCE_BUCKETS.includes(e.bucket);
}

function item(
  id: ChecklistItem['id'],
  count: number,
  buckets: CloseBucket[],
  accounts?: string[],
): ChecklistItem {
  return { id, ok: count === 0, count, buckets, ...(accounts && { accounts }) };
}

/** The per-period checklist; `gl` null (Visma's balances unreadable) leaves the GL part of the checks unproven. */
export function closeChecklist(entries: readonly CloseEntry[], gl: GlLevel | null): Checklist {
  const count = (pred: (e: CloseEntry) => boolean) => entries.filter(pred).length;
  const heldAccounts = (gl?.accounts ?? [])
    .filter((a) => a.roles.includes('holding') && !money(a.net).isZero())
    .map((a) => a.account);
  const unexplained = gl?.unexplainedAccounts ?? [];
  const items = [
    item(
      'nothingWaiting',
      count((e) => e.bucket === 'waiting' && e.reason.code !== 'uncertain'),
      ['waiting'],
    ),
    item(
      'nothingUncertain',
      count((e) => e.reason.code === 'uncertain'),
      ['waiting'],
    ),
    item(
      'nothingUnreleased',
      count((e) => e.bucket === 'notBooked'),
      ['notBooked'],
    ),
    item(
      'noUnexplainedDifference',
      count(isDifference) + unexplained.length + (gl ? 0 : 1),
      [...DIFFERENCE_BUCKETS],
      [...unexplained],
    ),
    item(
      'holdingAccountEmpty',
      count((e) => e.reason.code === 'holdingAccount') + heldAccounts.length,
      ['notBooked'],
      heldAccounts,
    ),
  ];
  return { ready: items.every((i) => i.ok), items };
}
