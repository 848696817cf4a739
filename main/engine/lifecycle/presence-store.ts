/** SQL of `visma_presence`: what Visma holds under our markers, as last listed, plus each kind's list watermark. */
import type { Ledger } from '../../storage/types';
import type { VismaDocKind } from '../domain';
import type { FoundDocument } from '../ports';
import { getCursor, setCursor } from '../source-store';

/** A Visma document carrying one of our markers. */
export interface PresentDocument extends FoundDocument {
  marker: string;
}

/** The stored presence of one marker. */
export interface PresenceRow {
  doc: PresentDocument;
  seenAt: string;
}

const cursorName = (kind: VismaDocKind) => `visma-presence:${kind}`;

/** The Visma timestamp from which `kind` is listed next, or undefined when it was never listed (rebuild). */
export function presenceWatermark(db: Ledger, profileId: string, kind: VismaDocKind): string | undefined {
  return getCursor(db, profileId, cursorName(kind));
}

/** Look-ups by a list of numbers or markers go in chunks of this size. */
const CHUNK = 500;

const stateOf = (marker: string, status: string, modified: string) =>
  `${marker}\u0000${status}\u0000${modified}`;

/** What is stored of a listed number: its marker, and its state when Visma's timestamp was stored with it. */
interface Stored {
  marker: string;
  state: string | null;
}

/** The stored marker and state (marker, status, Visma timestamp) of each listed number that is stored. */
function storedStates(
  db: Ledger,
  profileId: string,
  kind: VismaDocKind,
  numbers: readonly string[],
): Map<string, Stored> {
  const query = db.prepare(
    `SELECT number, marker, status, visma_modified_at FROM visma_presence
     WHERE profile_id = ? AND kind = ? AND number IN (SELECT value FROM json_each(?))`,
  );
  const out = new Map<string, Stored>();
  for (let i = 0; i < numbers.length; i += CHUNK) {
    const rows = query.all(profileId, kind, JSON.stringify(numbers.slice(i, i + CHUNK))) as {
      number: string;
      marker: string;
      status: string;
      visma_modified_at: string | null;
    }[];
    for (const r of rows)
      out.set(r.number, {
        marker: r.marker,
        state: r.visma_modified_at === null ? null : stateOf(r.marker, r.status, r.visma_modified_at),
      });
  }
  return out;
}

/**
 * Stores listed documents and the next watermark in one transaction. A document Visma has not modified since it was
 * stored (same timestamp, status and marker) only has its sighting renewed; a stored one under the same marker is
 * rewritten in place (its marker's index entry stays); the others are inserted, or rewritten whole.
 */
export function savePresence(
  db: Ledger,
  profileId: string,
  kind: VismaDocKind,
  docs: readonly PresentDocument[],
  watermark: string,
  at: string,
): void {
  const upsert = db.prepare(
    `INSERT INTO visma_presence (profile_id, kind, number, marker, status, doc_json, visma_modified_at, seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, kind, number) DO UPDATE SET marker = excluded.marker, status = excluded.status,
     doc_json = excluded.doc_json, visma_modified_at = excluded.visma_modified_at, seen_at = excluded.seen_at`,
  );
  const rewrite = db.prepare(
    `UPDATE visma_presence SET status = ?, doc_json = ?, visma_modified_at = ?, seen_at = ?
     WHERE profile_id = ? AND kind = ? AND number = ?`,
  );
  const sighted = db.prepare(
    `UPDATE visma_presence SET seen_at = ? WHERE profile_id = ? AND kind = ? AND number IN (SELECT value FROM json_each(?))`,
  );
  db.transaction(() => {
    const stored = storedStates(
      db,
      profileId,
      kind,
      docs.map((d) => d.number),
    );
    const unchanged: string[] = [];
    for (const d of docs) {
      const before = stored.get(d.number);
      if (d.lastModified && before?.state === stateOf(d.marker, d.status, d.lastModified)) {
        unchanged.push(d.number);
        continue;
      }
      const modified = d.lastModified ?? null;
      if (before?.marker === d.marker)
        rewrite.run(d.status, JSON.stringify(d), modified, at, profileId, kind, d.number);
      else upsert.run(profileId, kind, d.number, d.marker, d.status, JSON.stringify(d), modified, at);
    }
    for (let i = 0; i < unchanged.length; i += CHUNK)
      sighted.run(at, profileId, kind, JSON.stringify(unchanged.slice(i, i + CHUNK)));
    setCursor(db, profileId, cursorName(kind), watermark);
  })();
}

/** Forgets a document that no longer exists in Visma (deleted). */
export function forgetPresence(db: Ledger, profileId: string, kind: VismaDocKind, number: string): void {
  db.prepare('DELETE FROM visma_presence WHERE profile_id = ? AND kind = ? AND number = ?').run(
    profileId,
    kind,
    number,
  );
}

/** Every stored document under one of `markers`, by marker. */
export function presenceOf(
  db: Ledger,
  profileId: string,
  markers: readonly string[],
): Map<string, PresenceRow[]> {
  const out = new Map<string, PresenceRow[]>();
  if (markers.length === 0) return out;
  const query = db.prepare(
    `SELECT doc_json, seen_at FROM visma_presence WHERE profile_id = ? AND marker IN (SELECT value FROM json_each(?))`,
  );
  for (let i = 0; i < markers.length; i += CHUNK) {
    const rows = query.all(profileId, JSON.stringify(markers.slice(i, i + CHUNK))) as {
      doc_json: string;
      seen_at: string;
    }[];
    for (const r of rows) {
      const doc = JSON.parse(r.doc_json) as PresentDocument;
      out.set(doc.marker, [...(out.get(doc.marker) ?? []), { doc, seenAt: r.seen_at }]);
    }
  }
  return out;
}

/**
 * Where Visma holds documents under `markers` outside one financial period, as last listed: each kind and period
 * once (the close lists those periods; the period's own documents are read from its list and are not parsed here).
 */
export function presencePlacesOutside(
  db: Ledger,
  profileId: string,
  markers: readonly string[],
  financialPeriod: string,
): { kind: VismaDocKind; financialPeriod: string }[] {
  // Each stored document's JSON is read once (materialized), not once per use of its period.
  const query = db.prepare(
    `WITH listed AS MATERIALIZED (
       SELECT kind, json_extract(doc_json, '$.financialPeriod') AS period FROM visma_presence
       WHERE profile_id = ? AND marker IN (SELECT value FROM json_each(?)))
     SELECT DISTINCT kind, period FROM listed WHERE period IS NOT NULL AND period <> ?`,
  );
  const places = new Map<string, { kind: VismaDocKind; financialPeriod: string }>();
  for (let i = 0; i < markers.length; i += CHUNK) {
    const rows = query.all(profileId, JSON.stringify(markers.slice(i, i + CHUNK)), financialPeriod) as {
      kind: VismaDocKind;
      period: string | number;
    }[];
    for (const r of rows)
      places.set(`${r.kind}|${r.period}`, { kind: r.kind, financialPeriod: String(r.period) });
  }
  return [...places.values()];
}

/** Stored documents whose marker no outbox row of the profile carries: posted by someone this ledger does not know. */
export function unknownPresence(db: Ledger, profileId: string, since: string): PresentDocument[] {
  return (
    db
      .prepare(
        `SELECT p.doc_json FROM visma_presence p WHERE p.profile_id = ? AND p.seen_at >= ?
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.profile_id = p.profile_id AND o.external_reference = p.marker)`,
      )
      .all(profileId, since) as { doc_json: string }[]
  ).map((r) => JSON.parse(r.doc_json) as PresentDocument);
}
