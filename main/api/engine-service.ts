import type { SyncProgress } from '../../shared/contract';
import type { ProfileConfig } from '../../shared/profile-config';
import { connectProfile, type EnginePorts } from '../engine/connect';
import { SyncCoordinator, scheduleSync } from '../engine/coordinator';
import { RunCancelledError } from '../engine/pipeline/cancel';
import { RunFailedError, runErrorOf } from '../engine/run-record';
import type { SyncSummary, SyncTrigger } from '../engine/run-sync';
import { webhookNeedsRun } from '../engine/webhook-events';
import { logger } from '../log/logger';
import { maxEventAgeMs } from '../webhooks/event-time';
import { startWebhookReceiver, type WebhookReceiver } from '../webhooks/receiver';
import { loadProfileConfig } from '../storage/profiles';
import type { Ledger, SecretStore, SettingsStore } from '../storage/types';
import type { EventBus } from './events';
import { InProcessSyncRunner, type SyncRunner } from './sync-runner';
import { refuse } from './refusals';

/** What the engine service needs from its host. */
export interface EngineServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  ledger: Ledger;
  events: EventBus;
  /** Which host runs the engine, named in "a sync is already running" messages of other processes. */
  host?: 'electron' | 'browser';
  /**
   * Where the runs execute, given the service's ledger and kept connections (default: in this thread). The app's
   * engine process runs them in a worker thread.
   */
  syncRunner?: (inProcess: {
    ledger: Ledger;
    ports: (profileId: string) => Promise<EnginePorts>;
  }) => SyncRunner;
}

/**
 * The engine inside a long-running host (the Electron app, the browser host): one coordinator per profile so a
 * Sync now, the schedule and webhooks never run twice at once, API connections kept between runs (and dropped when
 * a credential or the profile changes), progress pushed to the UI as events.
 */
export class EngineService {
  private readonly coordinators = new Map<string, SyncCoordinator>();
  private readonly connections = new Map<string, Promise<EnginePorts>>();
  private readonly schedules = new Map<string, () => void>();
  private readonly receivers = new Map<string, Promise<WebhookReceiver | undefined>>();
  private readonly closers: (() => Promise<void>)[] = [];
  private readonly runner: SyncRunner;

  constructor(private readonly deps: EngineServiceDeps) {
    const inProcess = { ledger: deps.ledger, ports: (profileId: string) => this.ports(profileId) };
    this.runner = deps.syncRunner
      ? deps.syncRunner(inProcess)
      : new InProcessSyncRunner(inProcess.ledger, inProcess.ports);
  }

  /** The full profile (with secrets from the keychain), or a not_found error. */
  async profile(profileId: string): Promise<ProfileConfig> {
    const config = await loadProfileConfig(this.deps.settings, this.deps.secrets, profileId);
    if (!config) throw refuse('noProfile', { profile: profileId });
    return config;
  }

  /** The API ports of a profile, connected once and reused. */
  ports(profileId: string): Promise<EnginePorts> {
    let pending = this.connections.get(profileId);
    if (!pending) {
      pending = this.profile(profileId).then((config) => connectProfile(config, this.deps.secrets));
      pending.catch(() => this.connections.delete(profileId));
      this.connections.set(profileId, pending);
    }
    return pending;
  }

  /** Forgets the connection of a profile (after a credential or profile change); the next run reconnects. */
  dropConnection(profileId: string): void {
    this.connections.delete(profileId);
    this.runner.dropConnection(profileId);
  }

  /** True while a run of the profile is in progress. */
  running(profileId: string): boolean {
    return this.coordinators.get(profileId)?.busy ?? false;
  }

  /** Asks the profile's run in progress to stop at its next safe point; false when none runs. */
  cancel(profileId: string): boolean {
    return this.coordinators.get(profileId)?.cancel() ?? false;
  }

  /** Starts (or joins) a run; triggers during a run are coalesced into one follow-up run. */
  sync(
    profileId: string,
    trigger: SyncTrigger = 'manual',
    invoiceIds: readonly string[] = [],
  ): Promise<SyncSummary> {
    return this.coordinator(profileId).trigger(trigger, invoiceIds);
  }

  /** Starts the schedule and the webhook receiver of every profile that has them. */
  async start(): Promise<void> {
    await Promise.all(this.deps.settings.read().profiles.map((p) => this.refresh(p.id)));
  }

  /** (Re)starts a profile's schedule and webhook receiver after its settings changed. */
  async refresh(profileId: string): Promise<void> {
    this.schedules.get(profileId)?.();
    this.schedules.delete(profileId);
    const previous = this.receivers.get(profileId);
    this.receivers.delete(profileId);
    await (await previous)?.close();
    const profile = this.deps.settings.read().profiles.find((p) => p.id === profileId);
    if (!profile) return;
    const expression = profile.sync?.schedule;
    if (expression) {
      const stop = scheduleSync(
        expression,
        this.coordinator(profileId),
        (err) => logger.error(`Scheduled sync of ${profileId} failed: ${describe(err)}`, profileId),
        profile.timeZone,
      );
      this.schedules.set(profileId, stop);
    }
    if (profile.webhook?.enabled) {
      const starting = this.startReceiver(profileId);
      this.receivers.set(profileId, starting);
      await starting;
    }
  }

  /** Where a profile's webhook receiver listens, when it runs. */
  async webhookUrl(profileId: string): Promise<string | null> {
    return (await this.receivers.get(profileId))?.url ?? null;
  }

  /** Stops every schedule and receiver and waits for runs in progress to end, so the ledger can be closed safely. */
  async close(): Promise<void> {
    for (const stop of this.schedules.values()) stop();
    this.schedules.clear();
    const receivers = [...this.receivers.values()];
    this.receivers.clear();
    await Promise.all(receivers.map(async (r) => (await r)?.close()));
    await Promise.all([...this.coordinators.values()].map((c) => c.whenIdle()));
    await this.runner.close();
    await Promise.all(this.closers.splice(0).map((stop) => stop()));
  }

  /** Work to do after the runs ended when the host closes (the demo's simulators stop here). */
  onClose(stop: () => Promise<void>): void {
    this.closers.push(stop);
  }

  private async startReceiver(profileId: string): Promise<WebhookReceiver | undefined> {
    try {
      const config = await this.profile(profileId);
      const hook = config.webhook;
      if (!hook?.enabled) return undefined;
      if (!hook.hmacKey) {
        logger.warn(
          `Webhooks of ${profileId} are on but no HMAC key is stored; the receiver was not started.`,
          profileId,
        );
        return undefined;
      }
      const receiver = await startWebhookReceiver({
        db: this.deps.ledger,
        profileId,
        hmacKey: hook.hmacKey,
        port: hook.port,
        signatureHeader: hook.signatureHeader,
        signatureEncoding: hook.signatureEncoding,
        maxAgeMs: maxEventAgeMs(hook.maxEventAgeHours),
        onInvoice: (id) => {
          // The echo of our own mark-exported starts no run.
          if (!webhookNeedsRun(this.deps.ledger, profileId, id, new Date())) return;
          this.sync(profileId, 'webhook', [id]).catch((err: unknown) =>
            logger.error(`Webhook-triggered sync of ${profileId} failed: ${describe(err)}`, profileId),
          );
        },
      });
      logger.info(`Webhook receiver of ${profileId} listening on ${receiver.url}`, profileId);
      return receiver;
    } catch (err) {
      logger.error(`The webhook receiver of ${profileId} could not start: ${describe(err)}`, profileId);
      return undefined;
    }
  }

  private coordinator(profileId: string): SyncCoordinator {
    let coordinator = this.coordinators.get(profileId);
    if (!coordinator) {
      coordinator = new SyncCoordinator(async (options) => {
        const config = await this.profile(profileId);
        const emit = (p: Omit<SyncProgress, 'profileId' | 'runId'> & { runId: number }) =>
          this.deps.events.emit('sync.progress', { profileId, ...p, runId: String(p.runId) });
        try {
          const summary = await this.runner.run({
            config,
            onProgress: emit,
            options: {
              ...options,
              lock: { holder: this.deps.host === 'browser' ? 'the app (browser host)' : 'the app' },
              actor:
                options.trigger === 'manual'
                  ? 'user'
                  : options.trigger === 'webhook'
                    ? 'webhook'
                    : 'schedule',
            },
          });
          this.deps.events.emit('sync.progress', {
            profileId,
            runId: String(summary.runId),
            phase: 'done',
            done: 1,
            total: 1,
            outcome: {
              posted: summary.documents.invoices.posted + summary.documents.bills.posted,
              reviewQueue: summary.reviewQueue,
              reviewAdded: summary.reviewAdded,
            },
          });
          return summary;
        } catch (err) {
          this.dropConnection(profileId);
          this.deps.events.emit('sync.progress', {
            profileId,
            runId: err instanceof RunFailedError ? String(err.runId) : '',
            phase: runErrorOf(err) instanceof RunCancelledError ? 'cancelled' : 'failed',
            done: 0,
            message: err instanceof Error ? err.message : String(err),
          });
          throw err;
        }
      });
      this.coordinators.set(profileId, coordinator);
    }
    return coordinator;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
