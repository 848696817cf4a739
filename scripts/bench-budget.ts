/**
 * The rate-budget scenarios of `npm run bench` (issue 15, acceptance 6): the same cold sync without a limit, under a
 * Visma call budget it fits into, and under one it does not fit into. Wall times are measured here; calls and 429s
 * are the Visma simulator's own counts.
 */
import type { FullSyncSummary } from '../main/engine/full-sync';
import type { ProgressEvent } from '../main/engine/pipeline/context';
import { company } from './bench-scenarios';

interface BudgetRun {
  wallSeconds: number;
  calls: number;
  rejected: number;
  windows: number;
  notices: string[];
  posted: number;
}

async function coldRun(
  invoices: number,
  rateLimit?: { budget: number; windowSeconds: number },
): Promise<BudgetRun> {
  const c = await company(125, invoices, 0, rateLimit);
  try {
    const notices: string[] = [];
    const onProgress = (p: ProgressEvent) => {
      if (p.notice) notices.push(p.notice.resumeAt);
    };
    const started = process.hrtime.bigint();
    const summary: FullSyncSummary = await c.sync('cli', [], onProgress);
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const usage = c.visma.rateLimitUsage();
    return {
      wallSeconds,
      calls: c.visma.counters().total,
      rejected: usage.reduce((n, w) => n + w.rejected, 0),
      windows: usage.length,
      notices,
      posted: summary.documents.invoices.posted,
    };
  } finally {
    await c.stop();
  }
}

/** Prints the three runs and the ratios the issue asks for. */
export async function budgetScenario(invoices: number): Promise<void> {
  const free = await coldRun(invoices);
  // A budget the work fits into: 10 % above the calls it needs, in a window longer than the run.
  const window = Math.max(60, Math.ceil(free.wallSeconds * 3));
  const fits = await coldRun(invoices, { budget: Math.ceil(free.calls * 1.1), windowSeconds: window });
  // A budget it does not fit into: a third of the calls per 10-second window.
  const tight = await coldRun(invoices, { budget: Math.ceil(free.calls / 3), windowSeconds: 10 });
  const row = (label: string, r: BudgetRun) =>
    console.log(
      `  ${label.padEnd(44)} ${r.wallSeconds.toFixed(2)} s, ${r.posted} posted, ${r.calls} Visma calls, ${r.rejected} answered 429, ${r.windows} window(s), ${r.notices.length} "carries on at" notice(s)`,
    );
  console.log(`\nRate budget, cold sync of ${invoices} invoices (Visma simulator counts):`);
  row('no limit', free);
  row(`budget ${Math.ceil(free.calls * 1.1)} per ${window} s (fits)`, fits);
  row(`budget ${Math.ceil(free.calls / 3)} per 10 s (does not fit)`, tight);
  const ratio = fits.wallSeconds / free.wallSeconds;
  console.log(`  fits / no limit wall time: ${ratio.toFixed(2)}× (target ≤ 1.15×)`);
  console.log(
    `  does not fit: ${tight.rejected} answers of 429${tight.notices[0] ? `; first notice: carries on at ${tight.notices[0]}` : ''}`,
  );
}
