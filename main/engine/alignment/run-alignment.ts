import { localDate } from '../../../shared/dates';
import { SyncSettings } from '../../../shared/sync-settings';
import type { AuditActor } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import { recordAlignment } from '../cadence';
import { markMappingsChanged } from '../mapping/rule-store';
import { alignBusinessUnits, type BusinessUnitCounts } from './business-units';
import { audit, type AlignContext, type PartyCounts } from './context';
import { alignCustomerSegments, type CustomerSegmentCounts } from './customer-segments';
import { alignCustomers } from './customers';
import type { StCustomerRecord } from '../master-data/records';
import type { EnginePorts } from '../ports';
import { masterDataReviewItems } from './review-items';
import { alignTaxZones, type TaxZoneCounts } from './tax-zones';
import { alignVendors } from './vendors';

/** The profile fields alignment reads. */
export interface AlignProfile {
  id: string;
  timeZone: string;
  sync?: unknown;
}

/** Dependencies of a run. */
export interface AlignDeps {
  db: Ledger;
  ports: EnginePorts;
  actor?: AuditActor;
  now?: () => Date;
}

/** What one alignment run did (the `masterdata sync --json` output). */
export interface AlignmentSummary {
  profileId: string;
  startedAt: string;
  finishedAt: string;
  suppliers: PartyCounts;
  customers: PartyCounts;
  /** Customer type and tags → segment values. */
  customerSegments: CustomerSegmentCounts;
  taxZones: TaxZoneCounts;
  businessUnits: BusinessUnitCounts;
  /** Open conflicts, suggestions and drift after the run. */
  reviewItems: number;
  failures: string[];
}

/** The context of alignment steps for a profile. */
export function alignContext(profile: AlignProfile, deps: AlignDeps): AlignContext {
  const now = deps.now ?? (() => new Date());
  return {
    db: deps.db,
    profileId: profile.id,
    settings: SyncSettings.parse(profile.sync ?? {}),
    ports: deps.ports,
    actor: deps.actor ?? 'system',
    now,
    today: localDate(now(), profile.timeZone),
    failures: [],
  };
}

/** What a match-only run found (the setup wizard's step 4). */
export interface MatchSummary {
  customers: PartyCounts;
  suppliers: PartyCounts;
  taxZones: TaxZoneCounts;
  businessUnits: BusinessUnitCounts;
  failures: string[];
}

/**
 * The matching part of `alignMasterData`, with the same code: tax zones ↔ VAT, vendors ↔ suppliers and customers
 * are matched (exact pairs linked, similar ones suggested with their evidence) and business units read, but nothing
 * is written to ServiceTitan or Visma: no creation, no field flows, no supplier numbers stored on vendors. The first
 * real run still does all of that (its cadence and cursors are left as they were).
 */
export async function matchMasterData(profile: AlignProfile, deps: AlignDeps): Promise<MatchSummary> {
  const ctx: AlignContext = { ...alignContext(profile, deps), matchOnly: true };
  const taxZones = await alignTaxZones(ctx);
  const suppliers = await alignVendors(ctx);
  const customers = await alignCustomers(ctx);
  const businessUnits = await alignBusinessUnits(ctx);
  markMappingsChanged(deps.db, profile.id);
  audit(
    ctx,
    'matched',
    ctx.failures.length > 0 ? 'failure' : 'success',
    `Master data matched for setup: ${customers.linked} customers and ${suppliers.linked} suppliers linked, ${customers.suggested + suppliers.suggested} suggestions waiting; nothing was written to ServiceTitan or Visma.`,
    { customers, suppliers, taxZones, businessUnits },
  );
  return { customers, suppliers, taxZones, businessUnits, failures: ctx.failures };
}

/**
 * Aligns master data of a profile: tax zones ↔ VAT first (so new customers get the right VAT zone), then vendors ↔
 * suppliers, customers (with their type and tags → segment values), and business units. Every link, creation, update, conflict and drift is audited. A broken
 * connection throws `FatalSyncError`; single records that fail are listed in `failures` and retried next run.
 */
export async function alignMasterData(profile: AlignProfile, deps: AlignDeps): Promise<AlignmentSummary> {
  const ctx = alignContext(profile, deps);
  const now = ctx.now;
  const started = now();
  const taxZones = await alignTaxZones(ctx);
  const suppliers = await alignVendors(ctx);
  let read: StCustomerRecord[] = [];
  const customers = await alignCustomers(ctx, (c) => (read = c));
  const customerSegments = await alignCustomerSegments(ctx, read);
  const businessUnits = await alignBusinessUnits(ctx);
  // Blocked documents are re-checked when links or flags change.
  markMappingsChanged(deps.db, profile.id);
  recordAlignment(deps.db, profile.id, started);
  const summary: AlignmentSummary = {
    profileId: profile.id,
    startedAt: started.toISOString(),
    finishedAt: now().toISOString(),
    suppliers,
    customers,
    customerSegments,
    taxZones,
    businessUnits,
    reviewItems: masterDataReviewItems(deps.db, profile.id).length,
    failures: ctx.failures,
  };
  audit(
    ctx,
    'aligned',
    ctx.failures.length > 0 ? 'failure' : 'success',
    `Master data aligned: ${suppliers.linked} supplier links, ${suppliers.createdInVisma + suppliers.createdInServiceTitan} parties created, ${suppliers.conflicts} new conflicts, ${taxZones.driftOpen} tax-zone problems, ${summary.reviewItems} items waiting for review.`,
    {
      suppliers,
      customers,
      customerSegments,
      taxZones,
      businessUnits,
    },
  );
  return summary;
}
