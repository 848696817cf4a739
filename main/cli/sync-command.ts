import type { Command } from 'commander';
import { runFullSync } from '../engine/full-sync';
import { RunFailedError } from '../engine/run-record';
import type { SyncSummary } from '../engine/run-sync';
import { describeAlignment } from './masterdata-command';
import { describeHolder } from '../storage/process-lock';
import { engineOptions, openEngineContext, printJson, type EngineCliOptions } from './engine-options';
import { intOption } from './options';

function describe(summary: SyncSummary): string {
  const line = (label: string, c: SyncSummary['documents']['invoices']) =>
    `  ${label}: ${c.seen} seen, ${c.posted} posted, ${c.released} released, ${c.exported} exported, ${c.held} held, ${c.blocked} blocked, ${c.failed} failed`;
  const found = summary.visma;
  const other = summary.otherInstallation
    ? [
        `  Visma already held ${found.adopted + found.rebuilt} of these documents under our markers (adopted, not posted again)${found.duplicatesRemoved ? ` and ${found.duplicatesRemoved} duplicate(s) of a simultaneous post were removed` : ''}${found.unknown ? `; ${found.unknown} more are unknown to this ledger` : ''}:`,
        '  another installation is posting into this Visma company, or this ledger was reset.',
      ]
    : [];
  return [
    `Sync run ${summary.runId} completed in ${(summary.durationMs / 1000).toFixed(1)} s.`,
    line('Invoices', summary.documents.invoices),
    line('Bills', summary.documents.bills),
    `  Review queue: ${summary.reviewQueue} document(s)${summary.reviewQueue ? ' — see `st-visma review`' : ''}.`,
    `  Calls: ServiceTitan ${summary.calls.servicetitan}, Visma ${summary.calls.visma}.`,
    ...other,
    '',
  ].join('\n');
}

/**
 * `st-visma sync`: one full pass. Exit 0 when the pass completed (even with blocked documents), 1 on a fatal error or
 * when another run of the profile (the app, `serve`, another `sync`) is in progress and did not end within `--wait`.
 */
export function registerSyncCommand(program: Command): void {
  engineOptions(
    program
      .command('sync')
      .description('Run one full sync pass: read ServiceTitan, post to Visma, verify, mark exported.')
      .option(
        '--wait <seconds>',
        'when a run of this profile is in progress (the app, serve, another sync), wait up to this long for it (default: do not wait)',
        intOption,
      ),
  ).action(async (opts: EngineCliOptions & { wait?: number }) => {
    const ctx = await openEngineContext(opts);
    try {
      const { masterData, ...summary } = await runFullSync(
        ctx.config,
        { db: ctx.db, ports: () => ctx.connect() },
        {
          trigger: 'cli',
          actor: 'cli',
          lock: {
            holder: 'st-visma sync',
            waitMs: (opts.wait ?? 0) * 1000,
            onWait: (holder) =>
              process.stderr.write(
                `st-visma: a sync of this profile is in progress (${describeHolder(holder)}); waiting up to ${opts.wait ?? 0} s for it to finish…
`,
              ),
          },
        },
      );
      if (opts.json) printJson({ ...summary, masterData });
      else process.stdout.write((masterData ? describeAlignment(masterData) : '') + describe(summary));
    } catch (err) {
      // A failed run is recorded (run row, audit entry); with --json its outcome is printed too, then exit 1.
      if (opts.json && err instanceof RunFailedError)
        printJson({
          runId: err.runId,
          profileId: ctx.config.id,
          trigger: 'cli',
          status: 'failed',
          error: err.message,
        });
      throw err;
    } finally {
      ctx.close();
    }
  });
}
