import { SyncRunView, type DashboardView, type SyncSummaryView } from '../../../shared/contract';
import type { Ledger } from '../../storage/types';

interface RunRow {
  id: number;
  trigger: string;
  status: Exclude<SyncRunView['status'], 'cancelled'>;
  started_at: string;
  finished_at: string | null;
  summary_json: string | null;
}

function toRunView(row: RunRow): SyncRunView {
  const parsed = row.summary_json ? (JSON.parse(row.summary_json) as Record<string, unknown>) : null;
  const failed = row.status === 'failed' && parsed && typeof parsed.error === 'string';
  // The run table records a cancelled run as failed, with `cancelled` in its summary.
  const cancelled = failed && parsed.cancelled === true;
  return {
    id: row.id,
    trigger: row.trigger,
    status: cancelled ? 'cancelled' : row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    summary: parsed && !failed ? (parsed as unknown as SyncSummaryView) : null,
    error: failed && !cancelled ? (parsed.error as string) : null,
    failure: failed && !cancelled ? failureOf(parsed.failure) : null,
  };
}

/** The stored classification of a failed run (runs recorded before it existed have none). */
function failureOf(stored: unknown): SyncRunView['failure'] {
  const read = SyncRunView.shape.failure.safeParse(stored ?? null);
  return read.success ? read.data : null;
}

/** The recent runs of a profile, newest first. */
export function recentRuns(db: Ledger, profileId: string, limit = 10): SyncRunView[] {
  const rows = db
    .prepare(
      `SELECT id, trigger, status, started_at, finished_at, summary_json FROM sync_runs
       WHERE profile_id = ? ORDER BY id DESC LIMIT ?`,
    )
    .all(profileId, limit) as RunRow[];
  return rows.map(toRunView);
}

/** Outbox rows per state. */
export function outboxByState(db: Ledger, profileId: string): Record<string, number> {
  const rows = db
    .prepare(`SELECT state, COUNT(*) AS n FROM outbox WHERE profile_id = ? GROUP BY state`)
    .all(profileId) as { state: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Documents posted per day over the last `days` days (from the audit log), oldest first. */
export function postedVolume(db: Ledger, profileId: string, now: Date, days = 30): DashboardView['volume'] {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = db
    .prepare(
      `SELECT substr(at, 1, 10) AS date,
              SUM(CASE WHEN source_type = 'invoice' THEN 1 ELSE 0 END) AS invoices,
              SUM(CASE WHEN source_type = 'invoice' THEN 0 ELSE 1 END) AS bills
       FROM audit_log WHERE profile_id = ? AND action = 'document.posted' AND at >= ?
       GROUP BY date ORDER BY date`,
    )
    .all(profileId, since) as { date: string; invoices: number; bills: number }[];
  return rows;
}

/** The latest run of the last `days` days that found another installation's documents in Visma, or null. */
export function otherInstallationSeen(
  db: Ledger,
  profileId: string,
  now: Date,
  days = 30,
): DashboardView['otherInstallation'] {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const row = db
    .prepare(
      `SELECT id, finished_at FROM sync_runs WHERE profile_id = ? AND status = 'completed' AND finished_at >= ?
       AND json_extract(summary_json, '$.otherInstallation') = 1 ORDER BY id DESC LIMIT 1`,
    )
    .get(profileId, since) as { id: number; finished_at: string } | undefined;
  return row ? { runId: row.id, at: row.finished_at } : null;
}

/**
 * Documents that wait because Visma's financial period of their date is closed, with those periods (`YYYYMM`, oldest
 * first); null when none waits. A period closed before month-end is done leaves documents out of the books silently
 * unless someone reopens it or turns on posting into the first open period.
 */
export function closedPeriodWaiting(db: Ledger, profileId: string): DashboardView['closedPeriodWaiting'] {
  // A blocked document keeps no plan; the reason's detail names the period ("… Period 202604.").
  const texts = db
    .prepare(
      `SELECT reason_text FROM outbox WHERE profile_id = ? AND state = 'blocked' AND reason_code = 'period_closed'`,
    )
    .pluck()
    .all(profileId) as (string | null)[];
  if (texts.length === 0) return null;
  const periods = new Set(texts.flatMap((text) => /\b(\d{6})\b/.exec(text ?? '')?.[1] ?? []));
  return { count: texts.length, periods: [...periods].sort() };
}
