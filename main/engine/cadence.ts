import type { Ledger } from '../storage/types';
import { POSTED_STATES } from './outbox/states';
import { getCursor, setCursor } from './source-store';

/** How often master-data alignment sweeps both systems in full on its own (on demand: `masterdata sync`). */
export const ALIGNMENT_INTERVAL_MS = 24 * 60 * 60 * 1000;
/**
 * How stale the master-data cache may get while the only documents waiting are blocked ones (a reopened period, a
 * new account must reach them, but not at the price of four Visma reads every run).
 */
export const BLOCKED_REFRESH_MS = 15 * 60 * 1000;

const ALIGNED = 'md:aligned';
const REFRESHED = 'md:incremental';

function olderThan(db: Ledger, profileId: string, cursor: string, now: Date, ms: number): boolean {
  const last = getCursor(db, profileId, cursor);
  const at = last ? Date.parse(last) : NaN;
  return !Number.isFinite(at) || now.getTime() - at >= ms || at > now.getTime();
}

/** True when a full pass should align master data first: never aligned, or the last sweep is a day old. */
export function alignmentDue(db: Ledger, profileId: string, now: Date): boolean {
  return olderThan(db, profileId, ALIGNED, now, ALIGNMENT_INTERVAL_MS);
}

/** Records a completed alignment sweep (the cadence counts from here). */
export function recordAlignment(db: Ledger, profileId: string, at: Date): void {
  setCursor(db, profileId, ALIGNED, at.toISOString());
}

/**
 * True when this run needs a fresh master-data cache: it read new or changed documents, a document waits for a post,
 * a look-up, a release or a retry, or blocked documents wait and the cache is older than `BLOCKED_REFRESH_MS` — or a
 * person asked for the run (`asked`: Sync now, the command line, a replay), since they may just have created the
 * missing account or opened the period in Visma. A run with nothing to do reads no master data; a webhook run
 * (`named`) only when the cache is older than that.
 */
export function masterDataRefreshNeeded(
  db: Ledger,
  profileId: string,
  now: Date,
  intake: { newOrChanged: number; named?: boolean; asked?: boolean },
): boolean {
  if (!getCursor(db, profileId, REFRESHED)) return true;
  // A webhook run posts with a cache read within the last quarter hour: its documents need no fresh copy of it.
  if (intake.named) return olderThan(db, profileId, REFRESHED, now, BLOCKED_REFRESH_MS);
  if (intake.newOrChanged > 0) return true;
  const idle = ['exported', 'ignored', 'nothing_to_post', 'blocked', ...POSTED_STATES];
  const active = db
    .prepare(
      `SELECT 1 FROM outbox WHERE profile_id = ? AND state NOT IN (${idle.map(() => '?').join(', ')}) LIMIT 1`,
    )
    .get(profileId, ...idle);
  if (active) return true;
  const blocked = db
    .prepare(`SELECT 1 FROM outbox WHERE profile_id = ? AND state = 'blocked' LIMIT 1`)
    .get(profileId);
  return (
    blocked !== undefined &&
    (intake.asked === true || olderThan(db, profileId, REFRESHED, now, BLOCKED_REFRESH_MS))
  );
}
