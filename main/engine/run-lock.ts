import { hostname } from 'node:os';
import type { Ledger } from '../storage/types';

/** Another run of the same profile is in progress (in this or another process). */
export class RunInProgressError extends Error {
  constructor(readonly runId: number) {
    super(`A sync of this profile is already running (run ${runId}); this request was not started.`);
    this.name = 'RunInProgressError';
  }
}

/** A heartbeat older than this means the run's process is gone. */
const STALE_MS = 2 * 60 * 1000;
const owner = `${process.pid}@${hostname()}`;

function ownerAlive(value: string): boolean {
  const [pid, host] = value.split('@');
  if (host !== hostname()) return true; // another machine: trust the heartbeat only
  if (Number(pid) === process.pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a run row, or throws `RunInProgressError`; runs left behind by dead processes are marked abandoned. */
export function acquireRun(db: Ledger, profileId: string, trigger: string, now: Date): number {
  const run = db.transaction(() => {
    const running = db
      .prepare(`SELECT id, owner, heartbeat_at FROM sync_runs WHERE profile_id = ? AND status = 'running'`)
      .all(profileId) as {
      id: number;
      owner: string;
      heartbeat_at: string;
    }[];
    for (const r of running) {
      const stale = now.getTime() - Date.parse(r.heartbeat_at) > STALE_MS;
      if (stale || !ownerAlive(r.owner)) {
        db.prepare(`UPDATE sync_runs SET status = 'abandoned', finished_at = ? WHERE id = ?`).run(
          now.toISOString(),
          r.id,
        );
      } else {
        throw new RunInProgressError(r.id);
      }
    }
    const at = now.toISOString();
    return Number(
      db
        .prepare(
          `INSERT INTO sync_runs (profile_id, trigger, owner, started_at, heartbeat_at, status) VALUES (?, ?, ?, ?, ?, 'running')`,
        )
        .run(profileId, trigger, owner, at, at).lastInsertRowid,
    );
  });
  return run.immediate();
}

/** Records that the run is still alive. */
export function heartbeat(db: Ledger, runId: number, now: Date): void {
  db.prepare('UPDATE sync_runs SET heartbeat_at = ? WHERE id = ?').run(now.toISOString(), runId);
}

/** Ends a run with its status and summary. */
export function finishRun(
  db: Ledger,
  runId: number,
  status: 'completed' | 'failed',
  summary: unknown,
  now: Date,
): void {
  db.prepare('UPDATE sync_runs SET status = ?, finished_at = ?, summary_json = ? WHERE id = ?').run(
    status,
    now.toISOString(),
    JSON.stringify(summary),
    runId,
  );
}
