import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/**
 * OS-level locks that the operating system releases when the holding process dies, however it dies.
 *
 * A lock is a small SQLite file held by an open `BEGIN EXCLUSIVE` transaction: SQLite takes a byte-range lock on the
 * file (fcntl on Linux and macOS, LockFileEx on Windows) that no other connection — in this process or another — can
 * take while it is held, and that the OS drops with the process. Nothing is ever written inside the transaction, so a
 * crash leaves no journal behind. Who holds a lock is told in a small JSON file beside it (`<lock>.json`), written
 * after the lock is taken; it is information for messages only and never decides anything.
 */

/** Who holds a lock, for messages: "st-visma sync (pid 1234 on host) since …". */
export interface LockHolder {
  /** What holds it, in words: "the app", "st-visma sync", "restoring the ledger"… */
  holder: string;
  pid: number;
  host: string;
  /** When it was taken (ISO). */
  since: string;
}

const LockHolderFile = z.object({
  holder: z.string(),
  pid: z.number().int(),
  host: z.string(),
  since: z.string(),
});

/** A lock this process holds; `release` is idempotent. */
export interface HeldLock {
  readonly file: string;
  release(): void;
}

/** The lock is held by someone else (and did not come free within the wait, if any). */
export class LockBusyError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder | null,
  ) {
    super(`The lock "${file}" is held by ${describeHolder(holder)}.`);
    this.name = 'LockBusyError';
  }
}

/** "st-visma sync (pid 1234 on host) since 2026-03-01 10:00:00 UTC", or "another process". */
export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another process';
  const where = holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
  const since = holder.since ? ` since ${holder.since.slice(0, 10)} ${holder.since.slice(11, 19)} UTC` : '';
  return `${holder.holder} (${where})${since}`;
}

/** The file that tells who holds `lockFile`. */
function holderFile(lockFile: string): string {
  return `${lockFile}.json`;
}

/** Who holds the lock, as its holder wrote it; null when unknown. Only meaningful while the lock is busy. */
export function readLockHolder(lockFile: string): LockHolder | null {
  try {
    const parsed = LockHolderFile.safeParse(JSON.parse(readFileSync(holderFile(lockFile), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A holder description for this process. */
export function thisProcess(holder: string, now: Date): LockHolder {
  return { holder, pid: process.pid, host: hostname(), since: now.toISOString() };
}

/** Takes the lock now, or returns null when someone else holds it. Never waits. */
export function tryLock(lockFile: string, holder: LockHolder): HeldLock | null {
  mkdirSync(dirname(lockFile), { recursive: true });
  const db = new Database(lockFile);
  try {
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if (isBusy(err)) return null;
    throw new Error(
      `The lock file "${lockFile}" could not be taken (${err instanceof Error ? err.message : String(err)}). If no sync is running, delete it.`,
      { cause: err },
    );
  }
  try {
    writeFileAtomic(holderFile(lockFile), JSON.stringify(holder) + '\n');
  } catch {
    // the description is for messages only
  }
  let held = true;
  return {
    file: lockFile,
    release() {
      if (!held) return;
      held = false;
      rmSync(holderFile(lockFile), { force: true });
      try {
        db.exec('ROLLBACK');
      } finally {
        db.close();
      }
    },
  };
}

/** Options of `acquireLock`. */
export interface AcquireLockOptions {
  /** How long to wait for the lock to come free (default 0: do not wait). */
  waitMs?: number;
  /** How often to try again while waiting. */
  pollMs?: number;
  /** Called once when the lock is busy and we start waiting. */
  onWait?: (holder: LockHolder | null) => void;
}

/**
 * Takes the lock, waiting up to `waitMs` for it without blocking the event loop; throws `LockBusyError` (naming the
 * holder) when it is still held.
 */
export async function acquireLock(
  lockFile: string,
  holder: LockHolder,
  options: AcquireLockOptions = {},
): Promise<HeldLock> {
  const waitMs = options.waitMs ?? 0;
  const pollMs = options.pollMs ?? 250;
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    const lock = tryLock(lockFile, holder);
    if (lock) return lock;
    if (Date.now() >= deadline) throw new LockBusyError(lockFile, readLockHolder(lockFile));
    if (!announced) {
      announced = true;
      options.onWait?.(readLockHolder(lockFile));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(1, deadline - Date.now()))));
  }
}

/** The folder of the run locks of a ledger: `locks/` beside it. */
export function locksDirOf(ledgerFile: string): string {
  return join(dirname(ledgerFile), 'locks');
}

/** The run lock of one profile: `<ledger dir>/locks/<profile>.lock`. */
export function runLockFile(ledgerFile: string, profileId: string): string {
  const safe = profileId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
  return join(locksDirOf(ledgerFile), `${safe}.lock`);
}

/** Every run lock file that exists for a ledger. */
export function existingRunLocks(ledgerFile: string): string[] {
  const dir = locksDirOf(ledgerFile);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.lock'))
    .map((name) => join(dir, name));
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
