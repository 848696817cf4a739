import type { Ledger } from '../../../storage/types';
import type { LinkKind } from '../../mapping/rule-store';
import { fieldsFromJson } from '../fields';
import type { PairSnapshot } from '../three-way';

/** A stored snapshot with the modified times each side had when it was taken. */
export interface StoredSnapshot extends PairSnapshot {
  vismaKey: string;
  stModifiedOn: string | null;
  vismaModifiedOn: string | null;
}

/** The snapshot of a linked pair, or null before its first sync. */
export function loadSnapshot(
  db: Ledger,
  profileId: string,
  kind: LinkKind,
  stId: string,
): StoredSnapshot | null {
  const row = db
    .prepare(
      'SELECT visma_key, st_json, visma_json, st_modified_on, visma_modified_on FROM md_snapshots WHERE profile_id = ? AND kind = ? AND st_id = ?',
    )
    .get(profileId, kind, stId) as
    | {
        visma_key: string;
        st_json: string;
        visma_json: string;
        st_modified_on: string | null;
        visma_modified_on: string | null;
      }
    | undefined;
  if (!row) return null;
  return {
    vismaKey: row.visma_key,
    st: fieldsFromJson(row.st_json),
    visma: fieldsFromJson(row.visma_json),
    stModifiedOn: row.st_modified_on,
    vismaModifiedOn: row.visma_modified_on,
  };
}

/** Stores the snapshot of a pair after a sync. */
export function saveSnapshot(
  db: Ledger,
  profileId: string,
  kind: LinkKind,
  stId: string,
  snapshot: StoredSnapshot,
  at: string,
): void {
  db.prepare(
    `INSERT INTO md_snapshots (profile_id, kind, st_id, visma_key, st_json, visma_json, st_modified_on, visma_modified_on, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, kind, st_id) DO UPDATE SET visma_key = excluded.visma_key, st_json = excluded.st_json,
       visma_json = excluded.visma_json, st_modified_on = excluded.st_modified_on, visma_modified_on = excluded.visma_modified_on,
       synced_at = excluded.synced_at`,
  ).run(
    profileId,
    kind,
    stId,
    snapshot.vismaKey,
    JSON.stringify(snapshot.st),
    JSON.stringify(snapshot.visma),
    snapshot.stModifiedOn,
    snapshot.vismaModifiedOn,
    at,
  );
}
