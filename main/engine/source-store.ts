import type { SyncSettings } from '../../shared/sync-settings';
import type { Ledger } from '../storage/types';
import type { SourceDocument, SourceEnvelope } from './domain';
import { UNREADABLE_STATUS, hashDocument } from './normalize';

/** What storing one envelope did. */
export interface UpsertResult {
  sourceId: number;
  isNew: boolean;
  hashChanged: boolean;
}

/**
 * Whether the engine takes a document on, per the profile's settings: active and in an eligible status. Nothing
 * else is filtered here: a zero total, a missing customer or vendor, or a field that cannot be read is decided when
 * the document is planned (nothing to post, or blocked with a reason), so no document disappears without a trace.
 */
export function isEligible(env: SourceEnvelope, settings: SyncSettings): boolean {
  const { doc } = env;
  if (!doc.active) return false;
  if (env.status === UNREADABLE_STATUS) return true;
  if (doc.kind === 'invoice') return (settings.eligibleInvoiceStatuses as string[]).includes(env.status);
  if (settings.excludedBillStatuses.includes(env.status)) return false;
  return (settings.eligibleBillSyncStatuses as string[]).includes(env.status);
}

/** A stored document the engine has not taken on. */
export interface UntakenSource {
  sourceId: number;
  kind: SourceDocument['kind'];
  stId: string;
}

/**
 * Stored documents an older version left out although they are eligible now: it skipped zero totals and documents
 * without a customer or vendor without a trace (stored with `eligible = 0` and no outbox row).
 */
export function skippedByOlderRule(db: Ledger, profileId: string, settings: SyncSettings): UntakenSource[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.kind, s.st_id, s.st_status, s.payload_json FROM source_documents s
       WHERE s.profile_id = ? AND s.eligible = 0
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.source_id = s.id AND o.action = 'post')
         AND (CAST(json_extract(s.payload_json, '$.total') AS REAL) = 0 OR json_extract(s.payload_json, '$.partyId') = '')`,
    )
    .all(profileId) as { id: number; kind: string; st_id: string; st_status: string; payload_json: string }[];
  return rows
    .filter((r) => isEligible({ doc: parseSource(r.payload_json), status: r.st_status }, settings))
    .map((r) => ({ sourceId: r.id, kind: r.kind as UntakenSource['kind'], stId: r.st_id }));
}

/** Marks a stored document eligible (it is taken on). */
export function markEligible(db: Ledger, sourceId: number): void {
  db.prepare('UPDATE source_documents SET eligible = 1 WHERE id = ?').run(sourceId);
}

/** Stores (or refreshes) a source document snapshot; the hash tells whether its posting content changed. */
export function upsertSource(
  db: Ledger,
  profileId: string,
  env: SourceEnvelope,
  eligible: boolean,
  at: string,
): UpsertResult {
  const { doc } = env;
  const hash = hashDocument(doc);
  const existing = db
    .prepare('SELECT id, hash, views FROM source_documents WHERE profile_id = ? AND kind = ? AND st_id = ?')
    .get(profileId, doc.kind, doc.stId) as { id: number; hash: string; views: string } | undefined;
  const views = [...new Set([...(existing?.views.split(',').filter(Boolean) ?? []), ...(env.views ?? [])])]
    .sort()
    .join(',');
  if (!existing) {
    const id = db
      .prepare(
        `INSERT INTO source_documents (profile_id, kind, st_id, number, st_modified_on, st_status, eligible, hash, payload_json,
         views, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        profileId,
        doc.kind,
        doc.stId,
        doc.number,
        env.modifiedOn ?? null,
        env.status,
        eligible ? 1 : 0,
        hash,
        JSON.stringify(doc),
        views,
        at,
        at,
      ).lastInsertRowid;
    return { sourceId: Number(id), isNew: true, hashChanged: false };
  }
  db.prepare(
    `UPDATE source_documents SET number = ?, st_modified_on = COALESCE(?, st_modified_on), st_status = ?, eligible = ?, hash = ?,
     payload_json = ?, views = ?, last_seen_at = ? WHERE id = ?`,
  ).run(
    doc.number,
    env.modifiedOn ?? null,
    env.status,
    eligible ? 1 : 0,
    hash,
    JSON.stringify(doc),
    views,
    at,
    existing.id,
  );
  return { sourceId: existing.id, isNew: false, hashChanged: existing.hash !== hash };
}

/** The stored snapshot of a source document. */
export function parseSource(payloadJson: string): SourceDocument {
  return JSON.parse(payloadJson) as SourceDocument;
}

/** Reads a cursor value. */
export function getCursor(db: Ledger, profileId: string, name: string): string | undefined {
  const row = db
    .prepare('SELECT value FROM sync_cursors WHERE profile_id = ? AND name = ?')
    .get(profileId, name) as { value: string } | undefined;
  return row?.value;
}

/** Writes a cursor value. */
export function setCursor(db: Ledger, profileId: string, name: string, value: string): void {
  db.prepare(
    `INSERT INTO sync_cursors (profile_id, name, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(profileId, name, value, new Date().toISOString());
}
