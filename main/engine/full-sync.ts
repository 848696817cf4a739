import { SyncSettings } from '../../shared/sync-settings';
import type { AuditActor } from '../storage/audit';
import { maintainLedger } from '../storage/maintenance';
import type { Ledger } from '../storage/types';
import { alignMasterData, type AlignmentSummary } from './alignment/run-alignment';
import type { EnginePorts } from './connect';
import { acquireRun } from './run-lock';
import { runSync, type EngineDeps, type EngineProfile, type RunOptions, type SyncSummary } from './run-sync';

/** A full pass: master-data alignment (when enabled) and then the document sync. */
export interface FullSyncSummary extends SyncSummary {
  masterData: AlignmentSummary | null;
}

/** Dependencies of a full pass. */
export interface FullSyncDeps {
  db: Ledger;
  ports: EnginePorts;
  now?: () => Date;
  onProgress?: EngineDeps['onProgress'];
}

/**
 * Runs master-data alignment first — links, new parties and tax-zone flags decide what documents can post to —
 * then one document sync, both under the profile's run lock (`RunInProgressError` when another run holds it). Then
 * the ledger's daily care (integrity check, backup) when it is due. Every host (CLI `sync`, `serve`, the app's Sync
 * now and schedule) runs this.
 */
export async function runFullSync(
  profile: EngineProfile,
  deps: FullSyncDeps,
  options: RunOptions & { actor: AuditActor },
): Promise<FullSyncSummary> {
  const now = deps.now ?? (() => new Date());
  const settings = SyncSettings.parse(profile.sync ?? {});
  const run = options.run ?? (await acquireRun(deps.db, profile.id, options.trigger, now(), options.lock));
  let result: FullSyncSummary;
  try {
    const masterData = settings.masterData.enabled
      ? await alignMasterData(profile, {
          db: deps.db,
          ports: deps.ports.alignment,
          actor: options.actor,
          ...(deps.now ? { now: deps.now } : {}),
        })
      : null;
    const summary = await runSync(
      profile,
      {
        db: deps.db,
        st: deps.ports.st,
        visma: deps.ports.visma,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
      },
      {
        trigger: options.trigger,
        run,
        ...(options.queuedInvoiceIds ? { queuedInvoiceIds: options.queuedInvoiceIds } : {}),
      },
    );
    result = { ...summary, masterData };
  } catch (err) {
    // No-op when the sync already ended the run; otherwise (alignment failed…) the run ends here, lock released.
    run.finish('failed', { error: err instanceof Error ? err.message : String(err) }, now());
    throw err;
  }
  await maintainLedger(deps.db, { now: now() });
  return result;
}
