import type { ProfileConfig } from '../../shared/profile-config';
import type { EnginePorts } from '../engine/connect';
import { runFullSync, type FullSyncSummary } from '../engine/full-sync';
import type { ProgressEvent } from '../engine/pipeline/context';
import type { RunOptions } from '../engine/run-sync';
import type { AuditActor } from '../storage/audit';
import type { Ledger } from '../storage/types';

/** A progress event of a run, with the run's id. */
export type RunProgress = ProgressEvent & { runId: number };

/** One run as `EngineService` asks for it: the full profile, the run's options and where its progress goes. */
export interface SyncRunRequest {
  config: ProfileConfig;
  options: RunOptions & { actor: AuditActor };
  onProgress: (event: RunProgress) => void;
}

/**
 * Where `runFullSync` executes for `EngineService`. Every runner runs the same function with the same arguments;
 * they differ only in the thread: `InProcessSyncRunner` (the CLI, the browser host, tests) runs it here, the app's
 * engine process runs it in a worker thread (`main/engine-process/sync-worker-runner.ts`) so its own thread stays
 * free to answer contract calls.
 */
export interface SyncRunner {
  /** Runs one full sync; rejects with the run's error (`RunInProgressError`, `RunFailedError`…). */
  run(request: SyncRunRequest): Promise<FullSyncSummary>;
  /** Forgets what the runner keeps of a profile's API connection; the next run reconnects. */
  dropConnection(profileId: string): void;
  /** Releases what the runner holds (a worker, its ledger connection); called after the runs have ended. */
  close(): Promise<void>;
}

/** Runs the sync in this thread, on the host's ledger and the API connections `EngineService` keeps. */
export class InProcessSyncRunner implements SyncRunner {
  constructor(
    private readonly ledger: Ledger,
    private readonly ports: (profileId: string) => Promise<EnginePorts>,
  ) {}

  /** Runs `runFullSync` here and now. */
  run({ config, options, onProgress }: SyncRunRequest): Promise<FullSyncSummary> {
    return runFullSync(config, { db: this.ledger, ports: () => this.ports(config.id), onProgress }, options);
  }

  /** Nothing to drop: the connections are `EngineService`'s own. */
  dropConnection(): void {}

  /** Nothing to release. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
