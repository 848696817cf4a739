import { z } from 'zod';
import { SyncProgress, SyncSummaryView } from '../../shared/contract';
import { AuditActor } from '../storage/audit';
import { SecretRequest, SecretResult } from './protocol';
import { RelayedError } from './relayed-error';

/*
 * The messages between the engine process's main thread and its sync worker thread. Both sides parse what they
 * receive with these schemas; a message that does not parse is dropped with a log line, never acted on.
 *
 *   main → worker: run (one full sync), cancel, drop (a profile's API connection), secret-result, close
 *   worker → main: progress, secret (a keychain request, passed on to the app), log, done, failed, fatal
 */

const RunNumber = z.number().int().nonnegative();

/** What started a run (`SyncTrigger`). */
export const SyncTriggerSchema = z.enum(['schedule', 'manual', 'webhook', 'cli', 'replay']);

/** The run options that can cross a thread: no signal (cancel is a message), no callbacks in the lock options. */
export const WorkerRunOptions = z.object({
  trigger: SyncTriggerSchema,
  actor: AuditActor,
  queuedInvoiceIds: z.array(z.string()).optional(),
  lock: z
    .object({
      waitMs: z.number().nonnegative().optional(),
      holder: z.string().optional(),
      heartbeatMs: z.number().positive().optional(),
      pollMs: z.number().positive().optional(),
    })
    .optional(),
});
export type WorkerRunOptions = z.infer<typeof WorkerRunOptions>;

/** A progress event of a run as the engine emits it (`ProgressEvent` with the run's id). */
export const RunProgressSchema = SyncProgress.omit({ profileId: true, runId: true }).extend({
  runId: z.number().int(),
});

/** A message from the engine's main thread to the sync worker. */
export const ToSyncWorker = z.discriminatedUnion('type', [
  // The profile is checked by the worker with `ProfileConfig` (it carries its secrets: a thread of this process).
  z.object({ type: z.literal('run'), id: RunNumber, config: z.unknown(), options: WorkerRunOptions }),
  z.object({ type: z.literal('cancel'), id: RunNumber }),
  z.object({ type: z.literal('drop'), profileId: z.string() }),
  z.object({ type: z.literal('secret-result'), id: RunNumber, result: SecretResult }),
  z.object({ type: z.literal('close') }),
]);
export type ToSyncWorker = z.infer<typeof ToSyncWorker>;

/** A message from the sync worker to the engine's main thread. */
export const FromSyncWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: RunNumber, event: RunProgressSchema }),
  z.object({ type: z.literal('secret'), id: RunNumber, request: SecretRequest }),
  z.object({
    type: z.literal('log'),
    level: z.enum(['debug', 'info', 'warn', 'error']),
    message: z.string(),
    profileId: z.string().optional(),
  }),
  // The summary's shape is the contract's; the worker's object is kept whole (master data, resources…).
  z.object({ type: z.literal('done'), id: RunNumber, summary: SyncSummaryView.loose() }),
  z.object({ type: z.literal('failed'), id: RunNumber, error: RelayedError }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);
export type FromSyncWorker = z.infer<typeof FromSyncWorker>;

/** What the worker is started with (`workerData`). */
export const SyncWorkerData = z.object({ ledgerFile: z.string().min(1) });
export type SyncWorkerData = z.infer<typeof SyncWorkerData>;
