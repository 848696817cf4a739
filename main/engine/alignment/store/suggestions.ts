import type { Ledger } from '../../../storage/types';

/** What a suggestion proposes. */
export type SuggestionKind =
  'customer' | 'supplier' | 'create-vendor' | 'business-unit' | 'customer-type' | 'customer-tag';

/** A suggestion waiting for (or given) a decision. */
export interface Suggestion {
  id: number;
  kind: SuggestionKind;
  stId: string | null;
  vismaKey: string | null;
  confidence: number;
  reasons: string[];
  status: 'open' | 'accepted' | 'rejected' | 'obsolete';
  createdAt: string;
}

interface Row {
  id: number;
  kind: SuggestionKind;
  st_id: string | null;
  visma_key: string | null;
  confidence: number;
  reasons_json: string;
  status: Suggestion['status'];
  created_at: string;
}

const toSuggestion = (r: Row): Suggestion => ({
  id: r.id,
  kind: r.kind,
  stId: r.st_id,
  vismaKey: r.visma_key,
  confidence: r.confidence,
  reasons: JSON.parse(r.reasons_json) as string[],
  status: r.status,
  createdAt: r.created_at,
});

/** Records a suggestion unless the same one exists (a rejected one is never proposed again). Returns true when new. */
export function offerSuggestion(
  db: Ledger,
  profileId: string,
  s: {
    kind: SuggestionKind;
    stId: string | null;
    vismaKey: string | null;
    confidence: number;
    reasons: string[];
  },
  at: string,
): boolean {
  const existing = db
    .prepare(
      'SELECT id, status FROM md_suggestions WHERE profile_id = ? AND kind = ? AND st_id IS ? AND visma_key IS ?',
    )
    .get(profileId, s.kind, s.stId, s.vismaKey) as { id: number; status: string } | undefined;
  if (existing) {
    if (existing.status === 'open' || existing.status === 'obsolete') {
      db.prepare(
        "UPDATE md_suggestions SET confidence = ?, reasons_json = ?, status = 'open' WHERE id = ?",
      ).run(s.confidence, JSON.stringify(s.reasons), existing.id);
    }
    return existing.status === 'obsolete';
  }
  db.prepare(
    "INSERT INTO md_suggestions (profile_id, kind, st_id, visma_key, confidence, reasons_json, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
  ).run(profileId, s.kind, s.stId, s.vismaKey, s.confidence, JSON.stringify(s.reasons), at);
  return true;
}

/** Open suggestions of a profile (optionally of one kind), best first. */
export function listSuggestions(db: Ledger, profileId: string, kind?: SuggestionKind): Suggestion[] {
  const rows = db
    .prepare(
      `SELECT * FROM md_suggestions WHERE profile_id = ? AND status = 'open' ${kind ? 'AND kind = ?' : ''} ORDER BY kind, confidence DESC, id`,
    )
    .all(...(kind ? [profileId, kind] : [profileId])) as Row[];
  return rows.map(toSuggestion);
}

/** One suggestion by id. */
export function getSuggestion(db: Ledger, profileId: string, id: number): Suggestion | undefined {
  const row = db
    .prepare('SELECT * FROM md_suggestions WHERE profile_id = ? AND id = ?')
    .get(profileId, id) as Row | undefined;
  return row && toSuggestion(row);
}

/** Records a decision (or marks a suggestion obsolete once either party is linked otherwise). */
export function decideSuggestion(
  db: Ledger,
  id: number,
  status: 'accepted' | 'rejected' | 'obsolete',
  at: string,
): void {
  db.prepare('UPDATE md_suggestions SET status = ?, decided_at = ? WHERE id = ?').run(status, at, id);
}

/** Marks open party suggestions obsolete when their ServiceTitan or Visma party is now linked. */
export function retireLinkedSuggestions(
  db: Ledger,
  profileId: string,
  kind: 'customer' | 'supplier',
  at: string,
): void {
  db.prepare(
    `UPDATE md_suggestions SET status = 'obsolete', decided_at = ? WHERE profile_id = ? AND status = 'open' AND kind IN (?, ?) AND (
       st_id IN (SELECT st_id FROM links WHERE profile_id = ? AND kind = ?) OR
       visma_key IN (SELECT visma_key FROM links WHERE profile_id = ? AND kind = ?))`,
  ).run(at, profileId, kind, kind === 'supplier' ? 'create-vendor' : kind, profileId, kind, profileId, kind);
}
