import { SyncSettings } from '../../shared/sync-settings';
import type { AuditActor } from '../storage/audit';
import { maintainLedger } from '../storage/maintenance';
import type { Ledger } from '../storage/types';
import { alignMasterData, type AlignmentSummary } from './alignment/run-alignment';
import { alignmentDue } from './cadence';
import { CallMeter } from './call-meter';
import type { EnginePorts } from './connect';
import { recordRun } from './run-record';
import {
  recordOf,
  runDocumentPhases,
  type EngineDeps,
  type EngineProfile,
  type RunOptions,
  type SyncSummary,
} from './run-sync';

/** A full pass: master-data alignment (when enabled) and then the document sync. */
export interface FullSyncSummary extends SyncSummary {
  masterData: AlignmentSummary | null;
}

/** Dependencies of a full pass: the ports, or how to connect them (a failed connection is then a recorded run). */
export interface FullSyncDeps {
  db: Ledger;
  ports: EnginePorts | (() => Promise<EnginePorts>);
  now?: () => Date;
  sleep?: EngineDeps['sleep'];
  onProgress?: EngineDeps['onProgress'];
}

/**
 * Runs master-data alignment first — links, new parties and tax-zone flags decide what documents can post to —
 * then one document sync, all as one recorded run: a failure anywhere (the connection, alignment, documents) is
 * recorded with its plain reason. Then the ledger's daily care (integrity check, backup) when it is due. Every host
 * (CLI `sync`, `serve`, the app's Sync now and schedule) runs this.
 */
export async function runFullSync(
  profile: EngineProfile,
  deps: FullSyncDeps,
  options: RunOptions & {
    actor: AuditActor;
    /** `full`: align master data in this pass whatever the cadence says (default: when due). */
    alignment?: 'full' | 'when-due';
  },
): Promise<FullSyncSummary> {
  const now = deps.now ?? (() => new Date());
  const settings = SyncSettings.parse(profile.sync ?? {});
  const result = await recordRun(
    {
      db: deps.db,
      profileId: profile.id,
      trigger: options.trigger,
      actor: options.actor,
      now,
      ...(options.lock && { lock: options.lock }),
    },
    async (run) => {
      const ports = typeof deps.ports === 'function' ? await deps.ports() : deps.ports;
      const meter = new CallMeter(ports);
      // Alignment sweeps on its own cadence (daily, or on demand); a webhook run never waits for it.
      const align =
        settings.masterData.enabled &&
        options.trigger !== 'webhook' &&
        (options.alignment === 'full' || alignmentDue(deps.db, profile.id, now()));
      const masterData = align
        ? await meter.measure('alignment', () =>
            alignMasterData(profile, { db: deps.db, ports, actor: options.actor, now }),
          )
        : null;
      const summary = await runDocumentPhases(
        profile,
        {
          db: deps.db,
          st: ports.st,
          visma: ports.visma,
          now,
          ...(deps.sleep && { sleep: deps.sleep }),
          ...(deps.onProgress && { onProgress: deps.onProgress }),
        },
        { ...options, run, meter },
      );
      return { ...summary, masterData };
    },
    recordOf,
  );
  await maintainLedger(deps.db, { now: now() });
  return result;
}
