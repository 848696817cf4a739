import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/** Which SQLite check to run: `quick_check` (fast, at every open) or `integrity_check` (thorough, daily). */
export type CheckKind = 'quick_check' | 'integrity_check';

/** What a check found: `ok`, or the problems SQLite listed (or why the file could not be read at all). */
export interface CheckResult {
  ok: boolean;
  problems: string[];
}

/** How often the thorough `integrity_check` runs. */
export const INTEGRITY_CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

/** At most this many problems are listed. */
const PROBLEM_LIMIT = 20;

/**
 * Runs a check on a read-only connection of its own, so checking never writes to the file (a read-only connection
 * does not checkpoint a WAL into a damaged database on close). A file that is not a database is a problem too.
 */
export function checkDatabaseFile(file: string, kind: CheckKind = 'quick_check'): CheckResult {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma(`${kind}(${PROBLEM_LIMIT})`, { simple: false }) as Record<string, string>[];
    const lines = rows.flatMap((row) => Object.values(row).flatMap((v) => String(v).split('\n')));
    const problems = lines
      .map((l) => l.trim())
      .filter((l) => l && l !== 'ok' && l !== '*** in database main ***');
    return { ok: problems.length === 0, problems };
  } catch (err) {
    return { ok: false, problems: [err instanceof Error ? err.message : String(err)] };
  } finally {
    db?.close();
  }
}

/**
 * Turns a private copy (a fresh backup, a file being restored) into a self-contained rollback-journal database, so
 * checking it read-only leaves no `-wal`/`-shm` files behind. Only for files no other connection uses.
 */
export function makeStandalone(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** The record of the last thorough check, kept beside the ledger. */
const CheckRecord = z.object({
  integrityCheckedAt: z.iso.datetime({ offset: true }),
  ok: z.boolean(),
  problems: z.array(z.string()),
});
type CheckRecord = z.infer<typeof CheckRecord>;

/** Where the record of the last `integrity_check` of a ledger lives: `<ledger>.checks.json`. */
export function checkRecordFile(ledgerFile: string): string {
  return `${ledgerFile}.checks.json`;
}

/** The last recorded thorough check, or null when there is none (or the record is unreadable: check again). */
export function readCheckRecord(ledgerFile: string): CheckRecord | null {
  const file = checkRecordFile(ledgerFile);
  if (!existsSync(file)) return null;
  try {
    const parsed = CheckRecord.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** True when the thorough check is due: never ran, last found problems, or ran longer ago than `everyMs`. */
export function integrityCheckDue(
  ledgerFile: string,
  now: Date,
  everyMs = INTEGRITY_CHECK_EVERY_MS,
): boolean {
  const record = readCheckRecord(ledgerFile);
  if (!record || !record.ok) return true;
  return now.getTime() - Date.parse(record.integrityCheckedAt) >= everyMs;
}

/** Runs `integrity_check` on the ledger file and records when and what it found. */
export function runIntegrityCheck(ledgerFile: string, now: Date): CheckResult {
  const result = checkDatabaseFile(ledgerFile, 'integrity_check');
  writeFileAtomic(
    checkRecordFile(ledgerFile),
    JSON.stringify({ integrityCheckedAt: now.toISOString(), ...result }, null, 2) + '\n',
  );
  if (!result.ok) markDamaged(ledgerFile);
  return result;
}

const damaged = new Set<string>();

/** Remembers, for this process, that a ledger was found damaged: nothing in this process writes to it again. */
export function markDamaged(ledgerFile: string): void {
  damaged.add(resolve(ledgerFile));
}

/** True when this process found the ledger damaged since it was last opened or restored. */
export function isMarkedDamaged(ledgerFile: string): boolean {
  return damaged.has(resolve(ledgerFile));
}

/** Forgets a damage mark (after a restore put a good file in place). */
export function clearDamaged(ledgerFile: string): void {
  damaged.delete(resolve(ledgerFile));
}
