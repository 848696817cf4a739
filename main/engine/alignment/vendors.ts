import { crashPoint } from '../crash-point';
import { saveRecords } from '../master-data/cache';
import { loadLinks, setLink } from '../mapping/rule-store';
import { getCursor, setCursor } from '../source-store';
import {
  audit,
  emptyPartyCounts,
  recordFailure,
  type AlignContext,
  type PartyCounts,
  saveCreatedPair,
} from './context';
import { matchParties, type MatchParty } from './matcher';
import type { StVendorRecord, VismaPartyRecord } from '../master-data/records';
import { FatalSyncError } from '../ports';
import { syncSupplierPair } from './supplier-pair';
import {
  listSuggestions,
  offerSuggestion,
  retireLinkedSuggestions,
  decideSuggestion,
} from './store/suggestions';

const asMatch = (key: string, f: StVendorRecord['fields']): MatchParty => ({
  key,
  name: f.name,
  street: f.street,
  zip: f.zip,
  phone: f.phone,
  email: f.email,
});

function link(
  ctx: AlignContext,
  vendorId: string,
  number: string,
  origin: 'created' | 'matched' | 'import',
  counts: PartyCounts,
): void {
  setLink(ctx.db, ctx.profileId, 'supplier', vendorId, number, origin, ctx.actor);
  counts.linked++;
}

/** Links kept in ServiceTitan's external data (a reinstall, or a create that landed before a crash) are restored. */
function restoreFromExternalData(
  ctx: AlignContext,
  vendors: StVendorRecord[],
  suppliers: Map<string, VismaPartyRecord>,
  counts: PartyCounts,
): void {
  const links = loadLinks(ctx.db, ctx.profileId, 'supplier');
  const taken = new Set(links.values());
  for (const v of vendors) {
    if (
      links.has(v.id) ||
      !v.linkedSupplier ||
      !suppliers.has(v.linkedSupplier) ||
      taken.has(v.linkedSupplier)
    )
      continue;
    link(ctx, v.id, v.linkedSupplier, 'import', counts);
    taken.add(v.linkedSupplier);
  }
}

function matchUnlinked(
  ctx: AlignContext,
  vendors: StVendorRecord[],
  suppliers: VismaPartyRecord[],
  counts: PartyCounts,
): void {
  const links = loadLinks(ctx.db, ctx.profileId, 'supplier');
  const taken = new Set(links.values());
  const freeVendors = vendors.filter((v) => !links.has(v.id));
  const freeSuppliers = suppliers.filter((s) => !taken.has(s.number));
  const result = matchParties(
    freeVendors.map((v) => asMatch(v.id, v.fields)),
    freeSuppliers.map((s) => asMatch(s.number, s.fields)),
    { suggestThreshold: ctx.settings.masterData.suggestThreshold },
  );
  for (const pair of result.autoLinks) {
    link(ctx, pair.stId, pair.vismaKey, 'matched', counts);
    audit(
      ctx,
      'supplier.matched',
      'success',
      `Vendor ${pair.stId} matched supplier ${pair.vismaKey} (${pair.reasons.join(', ')}).`,
      { ...pair },
    );
  }
  const at = ctx.now().toISOString();
  for (const pair of result.suggestions) {
    if (!offerSuggestion(ctx.db, ctx.profileId, { kind: 'supplier', ...pair }, at)) continue;
    counts.suggested++;
    audit(
      ctx,
      'supplier.suggested',
      'info',
      `Vendor ${pair.stId} may be supplier ${pair.vismaKey} (${Math.round(pair.confidence * 100)} %: ${pair.reasons.join(', ')}); waiting for a decision.`,
      { ...pair },
    );
  }
}

/** Vendor ids and supplier numbers that have an open match suggestion (they wait instead of being created). */
function undecided(ctx: AlignContext): { vendors: Set<string>; suppliers: Set<string> } {
  const open = listSuggestions(ctx.db, ctx.profileId, 'supplier');
  return { vendors: new Set(open.map((s) => s.stId!)), suppliers: new Set(open.map((s) => s.vismaKey!)) };
}

async function createSuppliers(
  ctx: AlignContext,
  vendors: StVendorRecord[],
  suppliers: VismaPartyRecord[],
  counts: PartyCounts,
): Promise<void> {
  if (!ctx.settings.createSuppliers || ctx.matchOnly) return;
  const links = loadLinks(ctx.db, ctx.profileId, 'supplier');
  const waiting = undecided(ctx).vendors;
  const taken = new Set(links.values());
  for (const v of vendors.filter((x) => !links.has(x.id) && !waiting.has(x.id))) {
    const intent = `md-intent:supplier:${v.id}`;
    const landed = getCursor(ctx.db, ctx.profileId, intent)
      ? suppliers.find((s) => !taken.has(s.number) && s.fields.name === v.fields.name)
      : undefined;
    try {
      let number = landed?.number;
      if (!number) {
        setCursor(ctx.db, ctx.profileId, intent, ctx.now().toISOString());
        crashPoint('align.supplier.before-create');
        number = await ctx.ports.visma.createSupplierRecord(v.fields);
        crashPoint('align.supplier.after-create');
        counts.createdInVisma++;
        audit(
          ctx,
          'supplier.created',
          'success',
          `Supplier ${number} "${v.fields.name}" created in Visma from ServiceTitan vendor ${v.id}.`,
          { stId: v.id, vismaKey: number },
        );
      }
      link(ctx, v.id, number, 'created', counts);
      taken.add(number);
      saveCreatedPair(ctx, 'supplier', v.id, number, v.fields, { st: v.modifiedOn });
    } catch (err) {
      if (err instanceof FatalSyncError) throw err;
      counts.failed++;
      recordFailure(
        ctx,
        'supplier.failed',
        `Vendor ${v.id} "${v.fields.name}" could not be created as a Visma supplier`,
        err,
        { stId: v.id },
      );
    }
  }
}

async function createVendor(
  ctx: AlignContext,
  s: VismaPartyRecord,
  counts: PartyCounts,
): Promise<string | undefined> {
  try {
    crashPoint('align.vendor.before-create');
    const id = await ctx.ports.st.createVendor(s.fields, s.number);
    crashPoint('align.vendor.after-create');
    counts.createdInServiceTitan++;
    audit(
      ctx,
      'vendor.created',
      'success',
      `Vendor ${id} "${s.fields.name}" created in ServiceTitan from Visma supplier ${s.number}.`,
      { stId: id, vismaKey: s.number },
    );
    link(ctx, id, s.number, 'created', counts);
    saveCreatedPair(ctx, 'supplier', id, s.number, s.fields, { visma: s.modifiedOn });
    return id;
  } catch (err) {
    if (err instanceof FatalSyncError) throw err;
    counts.failed++;
    recordFailure(
      ctx,
      'vendor.failed',
      `Supplier ${s.number} "${s.fields.name}" could not be created as a ServiceTitan vendor`,
      err,
      { vismaKey: s.number },
    );
    return undefined;
  }
}

/** Unlinked active suppliers: create the vendor (setting `create`), or ask first (`ask`: a suggestion waits). */
async function handleUnlinkedSuppliers(
  ctx: AlignContext,
  suppliers: VismaPartyRecord[],
  counts: PartyCounts,
): Promise<void> {
  const mode = ctx.settings.masterData.suppliersToServiceTitan;
  const taken = new Set(loadLinks(ctx.db, ctx.profileId, 'supplier').values());
  const waiting = undecided(ctx).suppliers;
  const accepted = new Map(
    (
      ctx.db
        .prepare(
          "SELECT id, visma_key FROM md_suggestions WHERE profile_id = ? AND kind = 'create-vendor' AND status = 'accepted'",
        )
        .all(ctx.profileId) as { id: number; visma_key: string }[]
    ).map((r) => [r.visma_key, r.id]),
  );
  const at = ctx.now().toISOString();
  // Asking about inactive suppliers is noise; with `create` every supplier gets its vendor (inactive stays inactive).
  const wanted = (x: VismaPartyRecord) =>
    mode === 'create' || x.fields.active === 'active' || accepted.has(x.number);
  for (const s of suppliers.filter((x) => !taken.has(x.number) && !waiting.has(x.number) && wanted(x))) {
    const decision = accepted.get(s.number);
    if (!ctx.matchOnly && (mode === 'create' || decision !== undefined)) {
      const id = await createVendor(ctx, s, counts);
      if (id && decision !== undefined) decideSuggestion(ctx.db, decision, 'obsolete', at);
    } else if (
      mode !== 'off' &&
      decision === undefined &&
      offerSuggestion(
        ctx.db,
        ctx.profileId,
        {
          kind: 'create-vendor',
          stId: null,
          vismaKey: s.number,
          confidence: 1,
          reasons: [`Visma supplier "${s.fields.name}" has no ServiceTitan vendor`],
        },
        at,
      )
    ) {
      counts.suggested++;
      audit(
        ctx,
        'vendor.create-proposed',
        'info',
        `Visma supplier ${s.number} "${s.fields.name}" has no ServiceTitan vendor; creating one waits for your decision.`,
        { vismaKey: s.number },
      );
    }
  }
}

/**
 * Vendors ↔ suppliers: restore links from external data, match unlinked pairs (exact → link, similar → suggest),
 * create missing records per settings, write the supplier number into each linked vendor's external data, and
 * bring every linked pair in line field by field.
 */
export async function alignVendors(ctx: AlignContext): Promise<PartyCounts> {
  const counts = emptyPartyCounts();
  const [vendors, supplierList] = await Promise.all([
    ctx.ports.st.vendorRecords(),
    ctx.ports.visma.supplierRecords(),
  ]);
  const suppliers = new Map(supplierList.map((s) => [s.number, s]));
  const names = vendors.map((v) => ({ id: v.id, name: v.fields.name, active: v.fields.active === 'active' }));
  // Kept for the mapping view (vendors by number and name); the engine itself reads vendors live.
  saveRecords(ctx.db, ctx.profileId, 'st', 'vendor', names, (r) => r.id, true, ctx.now().toISOString());
  restoreFromExternalData(ctx, vendors, suppliers, counts);
  matchUnlinked(ctx, vendors, supplierList, counts);
  await createSuppliers(ctx, vendors, supplierList, counts);
  await handleUnlinkedSuppliers(ctx, supplierList, counts);
  retireLinkedSuggestions(ctx.db, ctx.profileId, 'supplier', ctx.now().toISOString());
  const links = loadLinks(ctx.db, ctx.profileId, 'supplier');
  // Matching only (the setup wizard): the supplier numbers reach the vendors, and the pairs align, on the first sync.
  if (ctx.matchOnly) return counts;
  for (const v of vendors) {
    const number = links.get(v.id);
    if (!number || v.linkedSupplier === number) continue;
    try {
      await ctx.ports.st.linkVendor(v.id, number);
    } catch (err) {
      if (err instanceof FatalSyncError) throw err;
      recordFailure(
        ctx,
        'vendor.failed',
        `The supplier number ${number} could not be stored on vendor ${v.id}`,
        err,
        { stId: v.id },
      );
    }
  }
  if (!ctx.settings.masterData.updateSuppliers) return counts;
  for (const v of vendors) {
    const s = suppliers.get(links.get(v.id) ?? '');
    if (s) await syncSupplierPair(ctx, v, s, counts);
  }
  return counts;
}
