import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SyncRunner, SyncRunRequest } from '../api/sync-runner';
import { envOfRestartedWorker } from '../engine/crash-point';
import type { FullSyncSummary } from '../engine/full-sync';
import { logger } from '../log/logger';
import { markDamaged } from '../storage/integrity';
import type { SecretStore } from '../storage/types';
import { describeRefusal } from './protocol';
import { reviveError, rootOf } from './relayed-error';
import { answerSecretRequest } from './remote-secret-store';
import {
  FromSyncWorker,
  type SyncWorkerData,
  type ToSyncWorker,
  type WorkerRunOptions,
} from './sync-worker-protocol';

/** The sync worker stopped (crashed, ran out of memory) while a run was in it: the run failed, nothing half done. */
export class SyncWorkerStoppedError extends Error {
  constructor(detail: string) {
    super(
      `The sync stopped: the thread it ran in ended unexpectedly (${detail}). Nothing is half posted: everything done so far is kept in the ledger, and the next run carries on from there.`,
    );
    this.name = 'SyncWorkerStoppedError';
  }
}

/** Options of `WorkerSyncRunner`. */
export interface WorkerSyncRunnerOptions {
  /** The ledger file the engine uses; the worker opens its own connection to it. */
  ledgerFile: string;
  /** The engine's secret store (which asks the app): the worker's keychain requests are done with it. */
  secrets: SecretStore;
  /** The worker's script (default: `syncWorkerScript()`). */
  script?: URL;
}

interface PendingRun {
  resolve: (summary: FullSyncSummary) => void;
  reject: (err: unknown) => void;
  onProgress: SyncRunRequest['onProgress'];
  detach: () => void;
}

interface RunningWorker {
  worker: Worker;
  exited: Promise<void>;
  /** Why it stopped, when it said so (`fatal`) or threw. */
  problem: string | null;
}

/**
 * Runs every sync of the engine process in one long-lived worker thread, started with the first run and reused; a
 * worker that dies fails the runs in it with `SyncWorkerStoppedError` and is started anew by the next run. Progress,
 * keychain requests, log lines, summaries and errors come back as `FromSyncWorker` messages; errors become the
 * classes an in-process run throws, so `EngineService` and the handlers see no difference.
 */
export class WorkerSyncRunner implements SyncRunner {
  private current: RunningWorker | null = null;
  private started = 0;
  private nextRunId = 1;
  private readonly runs = new Map<number, PendingRun>();

  constructor(private readonly options: WorkerSyncRunnerOptions) {}

  /** Sends the run to the worker; a cancel (the signal) is passed on to it. */
  run({ config, options, onProgress }: SyncRunRequest): Promise<FullSyncSummary> {
    const { worker } = this.worker();
    const id = this.nextRunId++;
    const { signal } = options;
    return new Promise<FullSyncSummary>((resolve, reject) => {
      const cancel = () => send(worker, { type: 'cancel', id });
      signal?.addEventListener('abort', cancel, { once: true });
      const detach = () => signal?.removeEventListener('abort', cancel);
      this.runs.set(id, { resolve, reject, onProgress, detach });
      send(worker, { type: 'run', id, config, options: crossable(options) });
      if (signal?.aborted) cancel();
    });
  }

  /** Tells the worker to forget the profile's API connection. */
  dropConnection(profileId: string): void {
    if (this.current) send(this.current.worker, { type: 'drop', profileId });
  }

  /** Asks the worker to close its ledger and end (after the runs in it); the next run starts a new one. */
  async close(): Promise<void> {
    const running = this.current;
    if (!running) return;
    this.current = null;
    send(running.worker, { type: 'close' });
    await running.exited;
  }

  private worker(): RunningWorker {
    if (this.current) return this.current;
    const data: SyncWorkerData = { ledgerFile: this.options.ledgerFile };
    const worker = new Worker(this.options.script ?? syncWorkerScript(), {
      workerData: data,
      env: this.started++ === 0 ? process.env : envOfRestartedWorker(),
    });
    const running: RunningWorker = {
      worker,
      problem: null,
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    };
    worker.on('message', (raw: unknown) => this.receive(running, raw));
    worker.on('error', (err) => (running.problem ??= err.message));
    worker.once('exit', (code) => this.ended(running, code));
    this.current = running;
    return running;
  }

  private receive(running: RunningWorker, raw: unknown): void {
    const parsed = FromSyncWorker.safeParse(raw);
    if (!parsed.success)
      return logger.warn(`Refused a message from the sync worker: ${describeRefusal(parsed.error)}`);
    const message = parsed.data;
    switch (message.type) {
      case 'progress':
        return this.runs.get(message.id)?.onProgress(message.event);
      case 'secret':
        return void answerSecretRequest(this.options.secrets, message.request).then((result) =>
          send(running.worker, { type: 'secret-result', id: message.id, result }),
        );
      case 'log':
        return logger.log(message.level, message.message, message.profileId);
      case 'done':
        // Checked against the contract's summary; the worker's own object is kept whole (nested extras too).
        return this.settle(message.id)?.resolve((raw as { summary: FullSyncSummary }).summary);
      case 'failed': {
        const root = rootOf(message.error);
        // The worker's integrity check found the file damaged: nothing in this process uses it from now on.
        if (root.kind === 'error' && root.name === 'LedgerDamagedError') markDamaged(this.options.ledgerFile);
        return this.settle(message.id)?.reject(reviveError(message.error));
      }
      case 'fatal':
        running.problem = message.message;
        return;
    }
  }

  private settle(id: number): PendingRun | undefined {
    const run = this.runs.get(id);
    this.runs.delete(id);
    run?.detach();
    return run;
  }

  private ended(running: RunningWorker, code: number): void {
    if (this.current === running) this.current = null;
    const detail = running.problem ?? `exit code ${code}`;
    if (this.runs.size > 0 || code !== 0) logger.error(`The sync worker stopped (${detail}).`);
    for (const id of [...this.runs.keys()]) this.settle(id)?.reject(new SyncWorkerStoppedError(detail));
  }
}

/** The options of a run that cross to the worker: the signal becomes cancel messages, callbacks stay here. */
function crossable(options: SyncRunRequest['options']): WorkerRunOptions {
  const { trigger, actor, queuedInvoiceIds, lock } = options;
  return {
    trigger,
    actor,
    ...(queuedInvoiceIds && { queuedInvoiceIds }),
    ...(lock && {
      lock: {
        ...(lock.waitMs !== undefined && { waitMs: lock.waitMs }),
        ...(lock.holder !== undefined && { holder: lock.holder }),
        ...(lock.heartbeatMs !== undefined && { heartbeatMs: lock.heartbeatMs }),
        ...(lock.pollMs !== undefined && { pollMs: lock.pollMs }),
      },
    }),
  };
}

function send(worker: Worker, message: ToSyncWorker): void {
  worker.postMessage(message);
}

/**
 * The sync worker's script: in a build the bundle scripts/build-main.mjs writes beside the engine's and names in
 * `__SYNC_WORKER__`; from source the TypeScript entry, loaded through tsx. A worker thread does not inherit the
 * engine process's `--import tsx` hooks, so a small ES module registers them first (tsx's ESM API: its CommonJS
 * build cannot register the hooks).
 */
export function syncWorkerScript(): URL {
  if (typeof __SYNC_WORKER__ !== 'undefined') return new URL(__SYNC_WORKER__, import.meta.url);
  const entry = new URL('./sync-worker-entry.ts', import.meta.url).href;
  const tsx = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsx, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}
