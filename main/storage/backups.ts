import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkDatabaseFile, makeStandalone, type CheckResult } from './integrity';

/** Why a backup was made; `profile-removed` backups are kept for good (pruning neither counts nor deletes them). */
export type BackupReason = 'daily' | 'manual' | 'pre-migration' | 'profile-removed';

/** One backup of the ledger in `<data dir>/backups/`; only files that passed `quick_check` get such a name. */
export interface LedgerBackup {
  /** Absolute (or as given) path of the backup file. */
  file: string;
  /** The file name, e.g. `ledger-2026-03-01T10-00-00-000Z-daily.sqlite`. */
  name: string;
  /** When it was made (ISO, UTC), from its name. */
  createdAt: string;
  sizeBytes: number;
  reason: BackupReason;
}

/** How many backups are kept by default. */
export const DEFAULT_BACKUPS_KEPT = 7;

/** A backup is due when the newest is older than this. */
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;

const NAME =
  /^ledger-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|manual|pre-migration|profile-removed)\.sqlite$/;

/** The backups folder of a ledger: `backups/` beside it. */
export function backupsDirOf(ledgerFile: string): string {
  return join(dirname(ledgerFile), 'backups');
}

/** `ledger-2026-03-01T10-00-00-000Z-daily.sqlite`: sortable, and valid on Windows (no colons). */
export function backupName(at: Date, reason: BackupReason): string {
  return `ledger-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

/** Reads a backup's name; null for any other file. */
export function parseBackupName(name: string): Pick<LedgerBackup, 'createdAt' | 'reason'> | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const createdAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, reason: m[6] as BackupReason };
}

/** The ledger's backups, newest first. */
export function listBackups(ledgerFile: string): LedgerBackup[] {
  const dir = backupsDirOf(ledgerFile);
  if (!existsSync(dir)) return [];
  const found: LedgerBackup[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    try {
      found.push({ file, name, sizeBytes: statSync(file).size, ...parsed });
    } catch {
      // removed meanwhile
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** The newest backup, or null. */
export function newestBackup(ledgerFile: string): LedgerBackup | null {
  return listBackups(ledgerFile)[0] ?? null;
}

/** True when the newest backup is older than `everyMs` (or there is none). */
export function backupDue(ledgerFile: string, now: Date, everyMs = BACKUP_EVERY_MS): boolean {
  const newest = newestBackup(ledgerFile);
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= everyMs;
}

/** What `createBackup` did. */
export interface BackupOutcome {
  backup: LedgerBackup;
  /** Older backups deleted to keep the last N. */
  removed: string[];
}

/** Options of a backup. */
export interface BackupOptions {
  reason: BackupReason;
  now: Date;
  /** How many backups to keep (at least 1): older ones are deleted once the new one passed its check. */
  keep?: number;
}

function freeTarget(dir: string, now: Date, reason: BackupReason): { name: string; file: string } {
  for (let bump = 0; ; bump += 1) {
    const name = backupName(new Date(now.getTime() + bump), reason);
    const file = join(dir, name);
    if (!existsSync(file)) return { name, file };
  }
}

/** Checks a freshly written copy, then gives it its final name (a failed copy is deleted; nothing else changes). */
function promote(partial: string, target: { name: string; file: string }): void {
  let check: CheckResult;
  try {
    makeStandalone(partial);
    check = checkDatabaseFile(partial, 'quick_check');
  } catch (err) {
    check = { ok: false, problems: [err instanceof Error ? err.message : String(err)] };
  }
  if (!check.ok) {
    rmSync(partial, { force: true });
    throw new Error(
      `The new backup failed its check (${check.problems[0] ?? 'unknown problem'}) and was discarded; the older backups were kept.`,
    );
  }
  renameSync(partial, target.file);
}

/**
 * Makes an online backup with SQLite's backup API (asynchronous: it copies in steps and yields between them, so the
 * UI stays responsive), checks it with `quick_check`, and only then gives it its name; then deletes the oldest
 * backups beyond `keep`. A backup that fails its check never counts and never causes a deletion.
 */
export async function createBackup(db: Database.Database, options: BackupOptions): Promise<BackupOutcome> {
  const ledgerFile = fileOf(db);
  const dir = backupsDirOf(ledgerFile);
  mkdirSync(dir, { recursive: true });
  const target = freeTarget(dir, options.now, options.reason);
  const partial = join(dir, `.${target.name}.partial`);
  try {
    await db.backup(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  promote(partial, target);
  return { backup: described(target.file, target.name), removed: pruneBackups(ledgerFile, options.keep) };
}

/**
 * The backup before migrations: `VACUUM INTO` a copy (synchronous, so `openLedger` stays synchronous; it reads one
 * consistent snapshot), checked like every backup. Runs only when an existing ledger is about to be changed.
 */
export function backupBeforeMigration(db: Database.Database, now: Date, keep?: number): BackupOutcome {
  const ledgerFile = fileOf(db);
  const dir = backupsDirOf(ledgerFile);
  mkdirSync(dir, { recursive: true });
  const target = freeTarget(dir, now, 'pre-migration');
  const partial = join(dir, `.${target.name}.partial`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  promote(partial, target);
  return { backup: described(target.file, target.name), removed: pruneBackups(ledgerFile, keep) };
}

/**
 * Deletes the oldest backups beyond `keep` (never the newest one); returns the files removed. The backup kept when a
 * profile was removed is that profile's only record once it is gone, so it is neither counted nor deleted.
 */
export function pruneBackups(ledgerFile: string, keep = DEFAULT_BACKUPS_KEPT): string[] {
  const kept = Math.max(1, Math.floor(keep));
  const removed: string[] = [];
  const rotating = listBackups(ledgerFile).filter((b) => b.reason !== 'profile-removed');
  for (const old of rotating.slice(kept)) {
    rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  return removed;
}

function described(file: string, name: string): LedgerBackup {
  return { file, name, sizeBytes: statSync(file).size, ...parseBackupName(name)! };
}

function fileOf(db: Database.Database): string {
  if (!db.name || db.name === ':memory:') throw new Error('An in-memory ledger has no backups.');
  return db.name;
}
