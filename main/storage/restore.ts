import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { appendAudit, type AuditActor } from './audit';
import { listBackups, parseBackupName, type LedgerBackup } from './backups';
import {
  checkDatabaseFile,
  checkRecordFile,
  clearDamaged,
  makeStandalone,
  runIntegrityCheck,
} from './integrity';
import { openLedger } from './ledger';
import { plainTime } from './ledger-errors';
import { pendingMigrations } from './migrate';
import { MIGRATIONS } from './migrations';
import {
  describeHolder,
  existingRunLocks,
  readLockHolder,
  runLockFile,
  thisProcess,
  tryLock,
  type HeldLock,
} from './process-lock';

/** A restore was refused because a run is in progress or another program has the ledger open. */
export class LedgerInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerInUseError';
  }
}

/** Options of a restore. */
export interface RestoreOptions {
  now: Date;
  /** Profiles whose run locks are taken too (those with a lock file always are). */
  profileIds?: readonly string[];
  /** Who restores, for messages and the audit log. */
  holder?: string;
  actor?: AuditActor;
}

/** What a restore did. */
export interface RestoreOutcome {
  /** The ledger file, now holding the restored data. */
  ledger: string;
  /** The backup it came from. */
  from: string;
  /** When that backup was made, when its name tells. */
  backupCreatedAt: string | null;
  /** Where the file it replaced was kept (renamed, never deleted); null when there was none. */
  setAside: string | null;
}

/**
 * Puts a backup in place of the ledger: checks the backup (`quick_check`, and that this version can read its
 * migrations), refuses while any profile's run is in progress (the run locks are held until the end, so no run
 * starts meanwhile) or another program has the ledger open, copies the backup beside the ledger, keeps the current
 * file aside (renamed to `<ledger>.damaged-…` or `<ledger>.replaced-…`, with its WAL), moves the copy in and verifies
 * the result (`integrity_check`, migrations applied). A restored ledger that fails verification is moved away again
 * and the original put back. The caller must have closed its own connection to the ledger.
 */
export function restoreLedger(
  ledgerFile: string,
  backupFile: string,
  options: RestoreOptions,
): RestoreOutcome {
  const from = resolve(backupFile);
  verifyBackup(from);
  const locks = takeAllRunLocks(ledgerFile, options);
  try {
    const current = existsSync(ledgerFile) ? checkDatabaseFile(ledgerFile, 'quick_check') : null;
    if (current?.ok) assertNotOpenElsewhere(ledgerFile);
    const stamp = options.now.toISOString().replace(/[:.]/g, '-');
    const incoming = `${ledgerFile}.restoring-${stamp}`;
    copyFileSync(from, incoming);
    try {
      makeStandalone(incoming);
      verifyBackup(incoming);
    } catch (err) {
      rmSync(incoming, { force: true });
      throw err;
    }
    const setAside = current
      ? moveWithWal(ledgerFile, `${ledgerFile}.${current.ok ? 'replaced' : 'damaged'}-${stamp}`)
      : null;
    rmSync(checkRecordFile(ledgerFile), { force: true });
    renameSync(incoming, ledgerFile);
    clearDamaged(ledgerFile);
    const outcome: RestoreOutcome = {
      ledger: ledgerFile,
      from,
      backupCreatedAt: parseBackupName(basename(from))?.createdAt ?? null,
      setAside,
    };
    verifyRestored(outcome, stamp, options);
    return outcome;
  } finally {
    for (const lock of locks) lock.release();
  }
}

/** The newest backup that passes `quick_check` (a damaged one is skipped), or null. */
export function latestGoodBackup(ledgerFile: string): LedgerBackup | null {
  return listBackups(ledgerFile).find((b) => checkDatabaseFile(b.file, 'quick_check').ok) ?? null;
}

/** Resolves `restore <file>`: a path, or the name of a file in the backups folder. */
export function resolveBackupFile(ledgerFile: string, given: string): string {
  if (existsSync(given)) return resolve(given);
  const named = listBackups(ledgerFile).find((b) => b.name === given);
  if (named) return named.file;
  throw new Error(`There is no backup "${given}" (neither a file nor a name in the backups folder).`);
}

function verifyBackup(file: string): void {
  if (!existsSync(file)) throw new Error(`There is no backup file "${file}".`);
  const check = checkDatabaseFile(file, 'quick_check');
  if (!check.ok)
    throw new Error(
      `The backup "${file}" is damaged too (${check.problems[0] ?? 'unknown problem'}); choose another one. Nothing was changed.`,
    );
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasMigrations = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
      .get();
    if (!hasMigrations) throw new Error(`The file "${file}" is not a ledger backup. Nothing was changed.`);
    pendingMigrations(db, MIGRATIONS);
  } catch (err) {
    throw new Error(
      `The backup "${file}" cannot be used by this version: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  } finally {
    db.close();
  }
}

function takeAllRunLocks(ledgerFile: string, options: RestoreOptions): HeldLock[] {
  const files = new Set([
    ...existingRunLocks(ledgerFile),
    ...(options.profileIds ?? []).map((id) => runLockFile(ledgerFile, id)),
  ]);
  const holder = thisProcess(options.holder ?? 'restoring the ledger', options.now);
  const held: HeldLock[] = [];
  for (const file of files) {
    const lock = tryLock(file, holder);
    if (lock) {
      held.push(lock);
      continue;
    }
    const who = describeHolder(readLockHolder(file));
    for (const h of held) h.release();
    throw new LedgerInUseError(
      `A sync of profile "${basename(file, '.lock')}" is in progress (${who}). The ledger was not restored; try again when the run has finished.`,
    );
  }
  return held;
}

/** Refuses when another connection (the app, `st-visma serve`…) has the ledger open: it would keep using the old file. */
function assertNotOpenElsewhere(ledgerFile: string): void {
  const probe = new Database(ledgerFile, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      throw new LedgerInUseError(
        `The ledger "${ledgerFile}" is open in another program (the app, or st-visma serve). Close it first, or restore from the app's Settings. Nothing was changed.`,
      );
    throw err;
  } finally {
    probe.close();
  }
}

/** Renames a database file and its WAL/shared-memory files together (a WAL holds committed data). */
function moveWithWal(file: string, target: string): string {
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  renameSync(file, target);
  return target;
}

function verifyRestored(outcome: RestoreOutcome, stamp: string, options: RestoreOptions): void {
  try {
    const check = runIntegrityCheck(outcome.ledger, options.now);
    if (!check.ok) throw new Error(check.problems[0] ?? 'integrity_check failed');
    const db = openLedger(outcome.ledger, MIGRATIONS, { now: () => options.now });
    try {
      appendAudit(
        db,
        {
          profileId: null,
          actor: options.actor ?? 'cli',
          action: 'ledger.restored',
          outcome: 'success',
          message: `Restored the ledger from ${outcome.from}${outcome.backupCreatedAt ? ` (made ${plainTime(outcome.backupCreatedAt)})` : ''}.${outcome.setAside ? ` The file it replaced is kept as ${outcome.setAside}.` : ''}`,
          details: { from: outcome.from, setAside: outcome.setAside },
        },
        () => options.now,
      );
    } finally {
      db.close();
    }
  } catch (err) {
    moveWithWal(outcome.ledger, `${outcome.ledger}.failed-restore-${stamp}`);
    if (outcome.setAside) moveWithWal(outcome.setAside, outcome.ledger);
    clearDamaged(outcome.ledger);
    throw new Error(
      `The restored ledger failed its check (${err instanceof Error ? err.message : String(err)}); the previous file was put back.`,
      { cause: err },
    );
  }
}
