import type { SyncSettings } from '../../../shared/sync-settings';
import { appendAudit, type AuditActor, type AuditOutcome } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import type { PartyFields } from './fields';
import type { EnginePorts } from '../ports';
import { saveSnapshot } from './store/snapshots';

/** Counters of one party kind in one run. */
export interface PartyCounts {
  linked: number;
  suggested: number;
  createdInVisma: number;
  createdInServiceTitan: number;
  updatedInVisma: number;
  updatedInServiceTitan: number;
  conflicts: number;
  failed: number;
}

/** Zeroed party counters. */
export function emptyPartyCounts(): PartyCounts {
  return {
    linked: 0,
    suggested: 0,
    createdInVisma: 0,
    createdInServiceTitan: 0,
    updatedInVisma: 0,
    updatedInServiceTitan: 0,
    conflicts: 0,
    failed: 0,
  };
}

/** Everything one alignment step needs. */
export interface AlignContext {
  db: Ledger;
  profileId: string;
  settings: SyncSettings;
  ports: EnginePorts;
  actor: AuditActor;
  now: () => Date;
  /** Today in the profile's time zone (`yyyy-MM-dd`). */
  today: string;
  /** Plain-language problems with single records (the run goes on). */
  failures: string[];
  /** Match only: links, suggestions and the cache in the ledger, nothing written to ServiceTitan or Visma. */
  matchOnly?: boolean;
}

/** Appends an audit entry of the alignment (`masterdata.*` actions). */
export function audit(
  ctx: AlignContext,
  action: string,
  outcome: AuditOutcome,
  message: string,
  details?: Record<string, unknown>,
): void {
  appendAudit(
    ctx.db,
    {
      profileId: ctx.profileId,
      actor: ctx.actor,
      action: `masterdata.${action}`,
      outcome,
      message,
      ...(details && { details }),
    },
    ctx.now,
  );
}

/** Records a failed record operation (audited) and lets the run continue. */
export function recordFailure(
  ctx: AlignContext,
  action: string,
  message: string,
  err: unknown,
  details?: Record<string, unknown>,
): void {
  const text = `${message}: ${err instanceof Error ? err.message : String(err)}`;
  ctx.failures.push(text);
  audit(ctx, action, 'failure', text, details);
}

/** Records the snapshot of a pair just created on one side from the other: both sides hold the same fields. */
export function saveCreatedPair(
  ctx: AlignContext,
  kind: 'customer' | 'supplier',
  stId: string,
  vismaKey: string,
  fields: PartyFields,
  modified: { st?: string | null | undefined; visma?: string | null | undefined },
): void {
  saveSnapshot(
    ctx.db,
    ctx.profileId,
    kind,
    stId,
    {
      vismaKey,
      st: fields,
      visma: fields,
      stModifiedOn: modified.st ?? null,
      vismaModifiedOn: modified.visma ?? null,
    },
    ctx.now().toISOString(),
  );
}
