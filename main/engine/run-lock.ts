import { hostname } from 'node:os';
import {
  LockBusyError,
  acquireLock,
  describeHolder,
  runLockFile,
  thisProcess,
  type HeldLock,
  type LockHolder,
} from '../storage/process-lock';
import type { Ledger } from '../storage/types';

/**
 * One run per profile and data folder at a time, across the app, `st-visma serve` and `st-visma sync`.
 *
 * The authority is an OS-level lock (`<ledger dir>/locks/<profile>.lock`, see `storage/process-lock`) held for the
 * whole run: the OS releases it when the process dies, so a crashed run frees the profile at once, and a live run
 * is never taken over, however long it is silent. The `sync_runs` row is what the dashboard shows; its heartbeat is
 * written on a timer while the lock is held but never decides anything.
 */

/** Another run of the same profile is in progress (in this or another process). */
export class RunInProgressError extends Error {
  constructor(
    readonly profileId: string,
    readonly holder: LockHolder | null,
    readonly waitedMs = 0,
  ) {
    const waited =
      waitedMs > 0 ? ` It was still running after waiting ${Math.round(waitedMs / 1000)} s.` : '';
    super(
      `A sync of profile "${profileId}" is already running: ${describeHolder(holder)}.${waited} This request was not started.`,
    );
    this.name = 'RunInProgressError';
  }
}

/** A run that holds its profile's lock; `finish` ends the row and releases the lock (once). */
export interface RunHandle {
  readonly id: number;
  /** Writes the heartbeat now (the timer writes it too). */
  heartbeat(now: Date): void;
  /** Ends the run with its status and summary, stops the heartbeat and releases the lock. */
  finish(status: 'completed' | 'failed', summary: unknown, now: Date): void;
}

/** Options of `acquireRun`. */
export interface AcquireRunOptions {
  /** How long to wait for a run in progress to end (default 0: fail at once with `RunInProgressError`). */
  waitMs?: number;
  /** Who runs, in words, for the other side's message: "the app", "st-visma sync"… */
  holder?: string;
  /** How often the heartbeat is written while the run holds the lock. */
  heartbeatMs?: number;
  /** The clock of the heartbeat timer (default: the real one). */
  clock?: () => Date;
  /** How often to try again while waiting. */
  pollMs?: number;
  /** Called once when the profile is busy and we start waiting (e.g. to print "waiting for …"). */
  onWait?: (holder: LockHolder | null) => void;
}

/** How often a run's heartbeat is written by default. */
export const HEARTBEAT_EVERY_MS = 30_000;

/**
 * Takes the profile's run lock (waiting up to `waitMs`), marks rows left `running` by dead processes `abandoned`, and
 * starts a `running` row (at `now`, or at the clock's time when it had to wait) with a heartbeat timer. Throws `RunInProgressError` (who holds it, since when) when the
 * profile is busy. The caller must `finish` the handle.
 */
export async function acquireRun(
  db: Ledger,
  profileId: string,
  trigger: string,
  now: Date,
  options: AcquireRunOptions = {},
): Promise<RunHandle> {
  const holder = thisProcess(options.holder ?? defaultHolder(), now);
  let waited = false;
  const lock = await lockProfile(db, profileId, holder, {
    ...options,
    onWait: (current) => {
      waited = true;
      options.onWait?.(current);
    },
  });
  try {
    // A run that waited for the lock starts when it got it, not when it asked.
    const startedAt = waited ? (options.clock ?? (() => new Date()))() : now;
    const id = startRow(db, profileId, trigger, holder, startedAt);
    return runHandle(db, id, lock, options);
  } catch (err) {
    lock.release();
    throw err;
  }
}

function defaultHolder(): string {
  return process.versions.electron ? 'the app' : 'a st-visma process';
}

async function lockProfile(
  db: Ledger,
  profileId: string,
  holder: LockHolder,
  options: AcquireRunOptions,
): Promise<HeldLock> {
  const file = db.name;
  if (!file || file === ':memory:') return memoryLock(db, profileId, holder);
  try {
    return await acquireLock(runLockFile(file, profileId), holder, {
      ...(options.waitMs !== undefined ? { waitMs: options.waitMs } : {}),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
      ...(options.onWait ? { onWait: options.onWait } : {}),
    });
  } catch (err) {
    if (err instanceof LockBusyError)
      throw new RunInProgressError(profileId, err.holder, options.waitMs ?? 0);
    throw err;
  }
}

/** In-memory ledgers (tests) live in one process: a plain map is their lock. */
const memoryLocks = new WeakMap<Ledger, Map<string, LockHolder>>();

function memoryLock(db: Ledger, profileId: string, holder: LockHolder): HeldLock {
  const held = memoryLocks.get(db) ?? new Map<string, LockHolder>();
  memoryLocks.set(db, held);
  const current = held.get(profileId);
  if (current) throw new RunInProgressError(profileId, current);
  held.set(profileId, holder);
  let released = false;
  return {
    file: ':memory:',
    release() {
      if (released) return;
      released = true;
      held.delete(profileId);
    },
  };
}

function startRow(db: Ledger, profileId: string, trigger: string, holder: LockHolder, now: Date): number {
  const at = now.toISOString();
  const start = db.transaction(() => {
    // We hold the lock: any row still `running` belongs to a process that died.
    db.prepare(
      `UPDATE sync_runs SET status = 'abandoned', finished_at = ? WHERE profile_id = ? AND status = 'running'`,
    ).run(at, profileId);
    const owner = `${holder.holder} (${holder.pid}@${hostname()})`;
    return Number(
      db
        .prepare(
          `INSERT INTO sync_runs (profile_id, trigger, owner, started_at, heartbeat_at, status) VALUES (?, ?, ?, ?, ?, 'running')`,
        )
        .run(profileId, trigger, owner, at, at).lastInsertRowid,
    );
  });
  return start.immediate();
}

function runHandle(db: Ledger, id: number, lock: HeldLock, options: AcquireRunOptions): RunHandle {
  const clock = options.clock ?? (() => new Date());
  const beat = (at: Date) =>
    db
      .prepare(`UPDATE sync_runs SET heartbeat_at = ? WHERE id = ? AND status = 'running'`)
      .run(at.toISOString(), id);
  const timer = setInterval(() => {
    try {
      beat(clock());
    } catch {
      // the ledger was busy or closed: the next beat tries again; the lock, not the heartbeat, guards the run
    }
  }, options.heartbeatMs ?? HEARTBEAT_EVERY_MS);
  timer.unref();
  let finished = false;
  return {
    id,
    heartbeat: (at) => void beat(at),
    finish(status, summary, at) {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      try {
        db.prepare('UPDATE sync_runs SET status = ?, finished_at = ?, summary_json = ? WHERE id = ?').run(
          status,
          at.toISOString(),
          JSON.stringify(summary),
          id,
        );
      } finally {
        lock.release();
      }
    },
  };
}
