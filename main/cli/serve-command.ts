import type { Command } from 'commander';
import { SyncCoordinator, scheduleSync } from '../engine/coordinator';
import { runFullSync } from '../engine/full-sync';
import type { EnginePorts } from '../engine/connect';
import type { SyncSummary } from '../engine/run-sync';
import { webhookNeedsRun } from '../engine/webhook-events';
import { maxEventAgeMs } from '../webhooks/event-time';
import { startWebhookReceiver } from '../webhooks/receiver';
import { engineOptions, openEngineContext, type EngineCliOptions } from './engine-options';
import { runUntilStopped } from './run-until-stopped';

/**
 * `st-visma serve`: headless service mode. Syncs now, then on the profile's schedule (default every 15 minutes) and
 * on ServiceTitan webhooks when the profile enables them; triggers during a run are coalesced into one follow-up.
 */
export function registerServeCommand(program: Command): void {
  engineOptions(
    program
      .command('serve')
      .description(
        'Keep syncing: now, on the schedule, and on webhooks (when enabled in the profile) until stopped.',
      )
      .option('--schedule <cron>', 'cron expression (default: the profile setting, else every 15 minutes)'),
  ).action(async (opts: EngineCliOptions & { schedule?: string }) => {
    const ctx = await openEngineContext(opts);
    const profile = ctx.config;
    let ports: Promise<EnginePorts> | undefined;
    // Connected on the first run and kept; a failed connection is a recorded run and is tried again next time.
    const connect = () => {
      ports ??= ctx.connect().catch((err: unknown) => {
        ports = undefined;
        throw err;
      });
      return ports;
    };
    const report = (s: SyncSummary) =>
      process.stdout.write(
        opts.json
          ? JSON.stringify(s) + '\n'
          : `${s.finishedAt} run ${s.runId} (${s.trigger}): ${s.documents.invoices.posted + s.documents.bills.posted} posted, review queue ${s.reviewQueue}.\n`,
      );
    const fail = (err: unknown) =>
      process.stderr.write(`st-visma: ${err instanceof Error ? err.message : String(err)}\n`);
    const coordinator = new SyncCoordinator((options) =>
      runFullSync(
        profile,
        { db: ctx.db, ports: connect },
        {
          ...options,
          lock: { holder: 'st-visma serve' },
          actor: options.trigger === 'webhook' ? 'webhook' : 'schedule',
        },
      ),
    );
    const trigger = (...args: Parameters<SyncCoordinator['trigger']>) =>
      coordinator.trigger(...args).then(report, fail);
    const stopSchedule = scheduleSync(
      opts.schedule ?? ctx.config.sync?.schedule ?? '*/15 * * * *',
      coordinator,
      fail,
      ctx.config.timeZone,
    );
    const hook = ctx.config.webhook;
    const receiver =
      hook?.enabled && hook.hmacKey
        ? await startWebhookReceiver({
            db: ctx.db,
            profileId: profile.id,
            hmacKey: hook.hmacKey,
            port: hook.port,
            signatureHeader: hook.signatureHeader,
            signatureEncoding: hook.signatureEncoding,
            maxAgeMs: maxEventAgeMs(hook.maxEventAgeHours),
            onInvoice: (id) => {
              // The echo of our own mark-exported starts no run.
              if (webhookNeedsRun(ctx.db, profile.id, id, new Date())) void trigger('webhook', [id]);
            },
          })
        : undefined;
    if (receiver && !opts.json) process.stdout.write(`Webhook receiver listening on ${receiver.url}\n`);
    void trigger('cli');
    await runUntilStopped(async () => {
      stopSchedule();
      await receiver?.close();
      ctx.close();
    });
  });
}
