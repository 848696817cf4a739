import type { Ledger } from '../../../storage/types';

/** What a drift item is about. */
export type DriftSubject = 'tax-zone' | 'business-unit' | 'customer-type';

/** An open or cleared drift item. */
export interface DriftItem {
  id: number;
  subject: DriftSubject;
  subjectKey: string;
  code: string;
  text: string;
  details: Record<string, unknown> | null;
  status: 'open' | 'cleared';
  firstSeenAt: string;
  lastSeenAt: string;
}

interface Row {
  id: number;
  subject: DriftSubject;
  subject_key: string;
  code: string;
  text: string;
  details_json: string | null;
  status: DriftItem['status'];
  first_seen_at: string;
  last_seen_at: string;
}

const toItem = (r: Row): DriftItem => ({
  id: r.id,
  subject: r.subject,
  subjectKey: r.subject_key,
  code: r.code,
  text: r.text,
  details: r.details_json ? (JSON.parse(r.details_json) as Record<string, unknown>) : null,
  status: r.status,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
});

/** A drift finding of the current run. */
export interface DriftFinding {
  subjectKey: string;
  code: string;
  text: string;
  details: Record<string, unknown>;
}

/**
 * Replaces the open drift of one subject with this run's findings: new findings open items, repeated ones are
 * refreshed, findings that disappeared are cleared (kept for the record). Returns the opened and cleared items.
 */
export function reconcileDrift(
  db: Ledger,
  profileId: string,
  subject: DriftSubject,
  findings: readonly DriftFinding[],
  at: string,
): { opened: DriftFinding[]; cleared: DriftItem[] } {
  const open = listDrift(db, profileId, subject);
  const key = (k: string, c: string) => `${k}\u0000${c}`;
  const current = new Map(findings.map((f) => [key(f.subjectKey, f.code), f]));
  const opened: DriftFinding[] = [];
  const cleared: DriftItem[] = [];
  for (const item of open) {
    const f = current.get(key(item.subjectKey, item.code));
    if (f) {
      db.prepare('UPDATE md_drift SET text = ?, details_json = ?, last_seen_at = ? WHERE id = ?').run(
        f.text,
        JSON.stringify(f.details),
        at,
        item.id,
      );
      current.delete(key(item.subjectKey, item.code));
    } else {
      db.prepare("UPDATE md_drift SET status = 'cleared', cleared_at = ? WHERE id = ?").run(at, item.id);
      cleared.push(item);
    }
  }
  for (const f of current.values()) {
    db.prepare(
      "INSERT INTO md_drift (profile_id, subject, subject_key, code, text, details_json, status, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)",
    ).run(profileId, subject, f.subjectKey, f.code, f.text, JSON.stringify(f.details), at, at);
    opened.push(f);
  }
  return { opened, cleared };
}

/** Open drift items, optionally of one subject. */
export function listDrift(db: Ledger, profileId: string, subject?: DriftSubject): DriftItem[] {
  const rows = subject
    ? db
        .prepare(
          "SELECT * FROM md_drift WHERE profile_id = ? AND subject = ? AND status = 'open' ORDER BY id",
        )
        .all(profileId, subject)
    : db
        .prepare("SELECT * FROM md_drift WHERE profile_id = ? AND status = 'open' ORDER BY id")
        .all(profileId);
  return (rows as Row[]).map(toItem);
}

/**
 * ServiceTitan tax zones with open drift → the plain reason documents in that zone wait. The engine's resolver
 * consults this so that no document posts with a VAT mapping known to be wrong.
 */
export function flaggedTaxZones(db: Ledger, profileId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of listDrift(db, profileId, 'tax-zone'))
    if (!out.has(item.subjectKey)) out.set(item.subjectKey, item.text);
  return out;
}
