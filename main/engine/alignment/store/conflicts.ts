import type { Ledger } from '../../../storage/types';
import type { LinkKind } from '../../mapping/rule-store';
import type { PartyField } from '../fields';
import type { FieldConflict } from '../three-way';

/** A field changed on both sides; `resolved` ones carry the chosen value until the next run applies it. */
export interface StoredConflict {
  id: number;
  kind: LinkKind;
  stId: string;
  vismaKey: string;
  field: PartyField;
  base: string | null;
  st: string;
  visma: string;
  status: 'open' | 'resolved' | 'applied';
  resolution: 'st' | 'visma' | 'value' | null;
  chosenValue: string | null;
  createdAt: string;
}

interface Row {
  id: number;
  kind: LinkKind;
  st_id: string;
  visma_key: string;
  field: PartyField;
  base_value: string | null;
  st_value: string | null;
  visma_value: string | null;
  status: StoredConflict['status'];
  resolution: StoredConflict['resolution'];
  chosen_value: string | null;
  created_at: string;
}

const toConflict = (r: Row): StoredConflict => ({
  id: r.id,
  kind: r.kind,
  stId: r.st_id,
  vismaKey: r.visma_key,
  field: r.field,
  base: r.base_value,
  st: r.st_value ?? '',
  visma: r.visma_value ?? '',
  status: r.status,
  resolution: r.resolution,
  chosenValue: r.chosen_value,
  createdAt: r.created_at,
});

/** Records a conflict, or refreshes the values of the one already open for that field. Returns true when new. */
export function recordConflict(
  db: Ledger,
  profileId: string,
  kind: LinkKind,
  stId: string,
  vismaKey: string,
  c: FieldConflict,
  at: string,
): boolean {
  const open = db
    .prepare(
      "SELECT id FROM md_conflicts WHERE profile_id = ? AND kind = ? AND st_id = ? AND field = ? AND status = 'open'",
    )
    .get(profileId, kind, stId, c.field) as { id: number } | undefined;
  if (open) {
    db.prepare('UPDATE md_conflicts SET st_value = ?, visma_value = ? WHERE id = ?').run(
      c.st,
      c.visma,
      open.id,
    );
    return false;
  }
  db.prepare(
    `INSERT INTO md_conflicts (profile_id, kind, st_id, visma_key, field, base_value, st_value, visma_value, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
  ).run(profileId, kind, stId, vismaKey, c.field, c.base, c.st, c.visma, at);
  return true;
}

/** Conflicts not yet applied (open, or resolved and waiting for the next run), optionally of one pair. */
export function pendingConflicts(
  db: Ledger,
  profileId: string,
  pair?: { kind: LinkKind; stId: string },
): StoredConflict[] {
  const rows = pair
    ? db
        .prepare(
          "SELECT * FROM md_conflicts WHERE profile_id = ? AND kind = ? AND st_id = ? AND status <> 'applied' ORDER BY id",
        )
        .all(profileId, pair.kind, pair.stId)
    : db
        .prepare("SELECT * FROM md_conflicts WHERE profile_id = ? AND status <> 'applied' ORDER BY id")
        .all(profileId);
  return (rows as Row[]).map(toConflict);
}

/** One conflict by id. */
export function getConflict(db: Ledger, profileId: string, id: number): StoredConflict | undefined {
  const row = db.prepare('SELECT * FROM md_conflicts WHERE profile_id = ? AND id = ?').get(profileId, id) as
    Row | undefined;
  return row && toConflict(row);
}

/** Stores the accountant's choice; the next alignment run writes it to both sides. */
export function resolveConflict(
  db: Ledger,
  id: number,
  resolution: 'st' | 'visma' | 'value',
  chosenValue: string,
  at: string,
): void {
  db.prepare(
    "UPDATE md_conflicts SET status = 'resolved', resolution = ?, chosen_value = ?, resolved_at = ? WHERE id = ?",
  ).run(resolution, chosenValue, at, id);
}

/** Marks a resolved conflict as written to both sides. */
export function markConflictApplied(db: Ledger, id: number): void {
  db.prepare("UPDATE md_conflicts SET status = 'applied' WHERE id = ?").run(id);
}
