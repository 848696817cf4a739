import Database from 'better-sqlite3';
import { cachePreparedStatements } from './statement-cache';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupBeforeMigration, backupsDirOf, newestBackup } from './backups';
import { checkDatabaseFile, integrityCheckDue, isMarkedDamaged, runIntegrityCheck } from './integrity';
import { LedgerDamagedError, LedgerOpenError } from './ledger-errors';
import { migrate, pendingMigrations } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import type { Ledger } from './types';

export { LedgerMigrationError } from './migrate';
export { LedgerDamagedError, LedgerOpenError } from './ledger-errors';

/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** Options of `openLedger`. */
export interface OpenLedgerOptions {
  /** The clock for the daily integrity check and backup names (tests inject one). */
  now?: () => Date;
  /** How many backups to keep when a pre-migration backup is made. */
  keepBackups?: number;
}

/**
 * Opens (or creates) the SQLite ledger. An existing file is first checked on a read-only connection —
 * `quick_check` every time, the thorough `integrity_check` when a day has passed since the last one — and a damaged
 * file refuses to open with `LedgerDamagedError` (naming the newest backup), untouched. Then: WAL journal, foreign
 * keys on, a busy timeout; when migrations are pending on an existing ledger a checked backup is made first; the
 * migrations are verified and applied in one transaction. Throws `LedgerMigrationError` when the database does not
 * match the code's migrations. A 0-byte file is a new, empty ledger. Never leaves a half-migrated file behind.
 */
export function openLedger(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  options: OpenLedgerOptions = {},
): Ledger {
  const now = options.now ?? (() => new Date());
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    assertUndamaged(file, now());
  }
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new LedgerOpenError(`The ledger database "${file}" could not be opened: ${describe(err)}`, {
      cause: err,
    });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw new LedgerOpenError(
      `The ledger database "${file}" could not be read (${describe(err)}). It may be damaged or not a ledger file; it was left untouched.`,
      { cause: err },
    );
  }
  try {
    if (file !== ':memory:' && migrationWouldChange(db, migrations)) {
      backupFirst(db, file, now(), options.keepBackups);
    }
    migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
  cachePreparedStatements(db);
  return db;
}

/** Refuses a ledger that fails its checks (or that this process already found damaged); never writes to it. */
export function assertUndamaged(file: string, now: Date): void {
  if (!existsSync(file)) return;
  const quick = isMarkedDamaged(file)
    ? { ok: false, problems: ['it failed its integrity check earlier in this process'] }
    : checkDatabaseFile(file, 'quick_check');
  const result = quick.ok && integrityCheckDue(file, now) ? runIntegrityCheck(file, now) : quick;
  if (!result.ok) throw new LedgerDamagedError(file, result.problems, newestBackup(file), backupsDirOf(file));
}

/** True when applying `migrations` would change an existing ledger (a brand-new one needs no backup). */
function migrationWouldChange(db: Database.Database, migrations: readonly Migration[]): boolean {
  const table = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!table) return false;
  const applied = (db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n;
  if (applied === 0) return false;
  try {
    return pendingMigrations(db, migrations).length > 0;
  } catch {
    return false; // `migrate` refuses it with the precise reason
  }
}

function backupFirst(db: Database.Database, file: string, now: Date, keep?: number): void {
  try {
    backupBeforeMigration(db, now, keep);
  } catch (err) {
    throw new LedgerOpenError(
      `The ledger database "${file}" needs an update, but the backup before it could not be made (${describe(err)}). Nothing was changed.`,
      { cause: err },
    );
  }
}

/** The ids of the migrations applied to an open ledger, in order. */
export function appliedMigrationIds(db: Ledger): number[] {
  return (db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all() as number[]).slice();
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
