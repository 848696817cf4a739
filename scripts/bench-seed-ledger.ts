/**
 * Grows a ledger's history quickly for the bench (issue 15, acceptance 3): the documents a real first sync left are
 * copied under new ServiceTitan ids (and new markers and Visma numbers) until the profile holds `target` documents,
 * with their outbox rows, audit rows and Visma presence in the same states and proportions. ServiceTitan and Visma
 * never hear of the copies: a later run with nothing new must leave them alone, as it leaves old history alone.
 */
import type { Ledger } from '../main/storage/types';

/** The gap between the ids of one copy and the next (larger than any id the simulator hands out). */
const ID_STEP = 10_000_000;

function columns(db: Ledger, table: string, without: readonly string[]): string[] {
  const all = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  return all.filter((c) => !without.includes(c));
}

/** Copies the profile's first `base` documents once, as copy number `k`. */
function copyOnce(db: Ledger, profileId: string, k: number, base: number): void {
  const shift = k * ID_STEP;
  const newId = (col: string) => `CAST(CAST(${col} AS INTEGER) + ${shift} AS TEXT)`;
  const srcCols = columns(db, 'source_documents', ['id', 'st_id', 'number']);
  db.prepare(
    `INSERT INTO source_documents (st_id, number, ${srcCols.join(', ')})
     SELECT ${newId('st_id')}, number || '-h${k}', ${srcCols.join(', ')} FROM source_documents
     WHERE profile_id = ? AND id <= ?`,
  ).run(profileId, base);
  const outCols = columns(db, 'outbox', ['id', 'source_id', 'external_reference', 'visma_doc_number']);
  db.prepare(
    `INSERT INTO outbox (source_id, external_reference, visma_doc_number, ${outCols.join(', ')})
     SELECT n.id, substr(o.external_reference, 1, length(o.external_reference) - length(s.st_id)) || n.st_id,
       CASE WHEN o.visma_doc_number IS NULL THEN NULL ELSE ${newId('o.visma_doc_number')} END,
       ${outCols.map((c) => `o.${c}`).join(', ')}
     FROM outbox o JOIN source_documents s ON s.id = o.source_id
     JOIN source_documents n ON n.profile_id = s.profile_id AND n.kind = s.kind AND n.st_id = ${newId('s.st_id')}
     WHERE o.profile_id = ? AND s.id <= ?`,
  ).run(profileId, base);
  const auditCols = columns(db, 'audit_log', ['id', 'source_id', 'visma_doc_number']);
  db.prepare(
    `INSERT INTO audit_log (source_id, visma_doc_number, ${auditCols.join(', ')})
     SELECT ${newId('source_id')}, CASE WHEN visma_doc_number IS NULL THEN NULL ELSE ${newId('visma_doc_number')} END,
       ${auditCols.join(', ')}
     FROM audit_log WHERE profile_id = ? AND source_id IS NOT NULL AND CAST(source_id AS INTEGER) < ${ID_STEP}`,
  ).run(profileId);
  const presCols = columns(db, 'visma_presence', ['number', 'marker']);
  db.prepare(
    `INSERT INTO visma_presence (number, marker, ${presCols.join(', ')})
     SELECT ${newId('number')}, rtrim(marker, '0123456789')
       || CAST(CAST(substr(marker, length(rtrim(marker, '0123456789')) + 1) AS INTEGER) + ${shift} AS TEXT),
       ${presCols.join(', ')}
     FROM visma_presence WHERE profile_id = ? AND CAST(number AS INTEGER) < ${ID_STEP}`,
  ).run(profileId);
}

/**
 * Copies the profile's documents until it holds at least `target` (in transactions of one copy each); returns how
 * many documents it holds then.
 */
export function seedHistory(db: Ledger, profileId: string, target: number): number {
  const count = () =>
    db.prepare('SELECT COUNT(*) FROM source_documents WHERE profile_id = ?').pluck().get(profileId) as number;
  const base = db
    .prepare('SELECT MAX(id) FROM source_documents WHERE profile_id = ?')
    .pluck()
    .get(profileId) as number;
  const perCopy = count();
  for (let k = 1; count() + perCopy <= target; k++) db.transaction(() => copyOnce(db, profileId, k, base))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return count();
}
