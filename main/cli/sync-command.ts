import type { Command } from 'commander';
import { runFullSync } from '../engine/full-sync';
import type { SyncSummary } from '../engine/run-sync';
import { describeAlignment } from './masterdata-command';
import { engineOptions, openEngineContext, printJson, type EngineCliOptions } from './engine-options';

function describe(summary: SyncSummary): string {
  const line = (label: string, c: SyncSummary['documents']['invoices']) =>
    `  ${label}: ${c.seen} seen, ${c.posted} posted, ${c.released} released, ${c.exported} exported, ${c.held} held, ${c.blocked} blocked, ${c.failed} failed`;
  return [
    `Sync run ${summary.runId} completed in ${(summary.durationMs / 1000).toFixed(1)} s.`,
    line('Invoices', summary.documents.invoices),
    line('Bills', summary.documents.bills),
    `  Review queue: ${summary.reviewQueue} document(s)${summary.reviewQueue ? ' — see `st-visma review`' : ''}.`,
    `  Calls: ServiceTitan ${summary.calls.servicetitan}, Visma ${summary.calls.visma}.`,
    '',
  ].join('\n');
}

/** `st-visma sync`: one full pass. Exit 0 when the pass completed (even with blocked documents), 1 on a fatal error. */
export function registerSyncCommand(program: Command): void {
  engineOptions(
    program
      .command('sync')
      .description('Run one full sync pass: read ServiceTitan, post to Visma, verify, mark exported.'),
  ).action(async (opts: EngineCliOptions) => {
    const ctx = await openEngineContext(opts);
    try {
      const ports = await ctx.connect();
      const profile = ctx.config;
      const { masterData, ...summary } = await runFullSync(
        profile,
        { db: ctx.db, ports },
        { trigger: 'cli', actor: 'cli' },
      );
      if (opts.json) printJson({ ...summary, masterData });
      else process.stdout.write((masterData ? describeAlignment(masterData) : '') + describe(summary));
    } finally {
      ctx.close();
    }
  });
}
