import { FIELD_LABELS, sameValue, type PartyField, type PartyFields } from './fields';
import { audit, recordFailure, type AlignContext, type PartyCounts } from './context';
import type { StVendorRecord, VismaPartyRecord } from '../master-data/records';
import { FatalSyncError } from '../ports';
import { markConflictApplied, pendingConflicts, recordConflict } from './store/conflicts';
import { loadSnapshot, saveSnapshot, type StoredSnapshot } from './store/snapshots';
import { planPair, type FieldConflict } from './three-way';

const labels = (fields: Partial<PartyFields>) =>
  (Object.keys(fields) as PartyField[]).map((f) => FIELD_LABELS[f]).join(', ');

function conflictText(vendor: StVendorRecord, number: string, c: FieldConflict): string {
  return `Vendor "${vendor.fields.name}" (ServiceTitan ${vendor.id}) and supplier ${number}: the ${FIELD_LABELS[c.field]} differs — ServiceTitan "${c.st}", Visma "${c.visma}". Neither side is changed until you choose.`;
}

function noteConflict(
  ctx: AlignContext,
  vendor: StVendorRecord,
  number: string,
  c: FieldConflict,
  counts: PartyCounts,
): void {
  if (!recordConflict(ctx.db, ctx.profileId, 'supplier', vendor.id, number, c, ctx.now().toISOString()))
    return;
  counts.conflicts++;
  audit(ctx, 'conflict.opened', 'blocked', conflictText(vendor, number, c), {
    kind: 'supplier',
    stId: vendor.id,
    vismaKey: number,
    ...c,
  });
}

/** Writes resolved conflicts to both sides; returns the fields as they now are. */
async function applyResolutions(
  ctx: AlignContext,
  vendor: StVendorRecord,
  supplier: VismaPartyRecord,
  snapshot: StoredSnapshot | null,
): Promise<{ st: PartyFields; visma: PartyFields }> {
  const st = { ...vendor.fields };
  const visma = { ...supplier.fields };
  for (const c of pendingConflicts(ctx.db, ctx.profileId, { kind: 'supplier', stId: vendor.id }).filter(
    (x) => x.status === 'resolved',
  )) {
    const value = c.chosenValue ?? '';
    if (!sameValue(c.field, st[c.field], value))
      await ctx.ports.st.updateVendor(vendor.id, { [c.field]: value }, st);
    if (!sameValue(c.field, visma[c.field], value))
      await ctx.ports.visma.updateSupplier(supplier.number, () => ({ [c.field]: value }));
    st[c.field] = value;
    visma[c.field] = value;
    if (snapshot) {
      snapshot.st[c.field] = value;
      snapshot.visma[c.field] = value;
    }
    markConflictApplied(ctx.db, c.id);
    audit(
      ctx,
      'conflict.applied',
      'success',
      `The chosen ${FIELD_LABELS[c.field]} "${value}" was written to vendor ${vendor.id} and supplier ${supplier.number}.`,
      { conflictId: c.id, field: c.field, value },
    );
  }
  return { st, visma };
}

/**
 * Keeps one vendor ↔ supplier pair equal: resolved conflicts are written first, then each field changed on one side
 * since the last sync flows to the other; fields changed on both sides become conflicts. The supplier is written
 * with If-Match; a field Visma changed in the meantime is not overwritten but becomes a conflict.
 */
export async function syncSupplierPair(
  ctx: AlignContext,
  vendor: StVendorRecord,
  supplier: VismaPartyRecord,
  counts: PartyCounts,
): Promise<void> {
  const snapshot = loadSnapshot(ctx.db, ctx.profileId, 'supplier', vendor.id);
  const usable = snapshot && snapshot.vismaKey === supplier.number ? snapshot : null;
  try {
    const current = await applyResolutions(ctx, vendor, supplier, usable);
    const open = pendingConflicts(ctx.db, ctx.profileId, { kind: 'supplier', stId: vendor.id }).filter(
      (c) => c.status === 'open',
    );
    // Open conflicts show the values as they are now, so "keep ServiceTitan/Visma" keeps the latest value.
    for (const c of open) {
      const fresh = { field: c.field, base: c.base, st: current.st[c.field], visma: current.visma[c.field] };
      recordConflict(
        ctx.db,
        ctx.profileId,
        'supplier',
        vendor.id,
        supplier.number,
        fresh,
        ctx.now().toISOString(),
      );
    }
    const blocked = new Set(open.map((c) => c.field));
    const plan = planPair(usable, current.st, current.visma, blocked);
    for (const c of plan.conflicts) noteConflict(ctx, vendor, supplier.number, c, counts);
    if (Object.keys(plan.toVisma).length > 0) {
      const late: FieldConflict[] = [];
      const written = await ctx.ports.visma.updateSupplier(supplier.number, (fresh) => {
        late.length = 0;
        const patch: Partial<PartyFields> = {};
        for (const [f, value] of Object.entries(plan.toVisma) as [PartyField, string][]) {
          if (sameValue(f, fresh.fields[f], value)) continue;
          if (fresh.fields[f] !== current.visma[f])
            late.push({ field: f, base: usable?.visma[f] ?? null, st: value, visma: fresh.fields[f] });
          else patch[f] = value;
        }
        return Object.keys(patch).length > 0 ? patch : null;
      });
      for (const c of late) {
        plan.next.st[c.field] = usable?.st[c.field] ?? current.st[c.field];
        plan.next.visma[c.field] = usable?.visma[c.field] ?? c.visma;
        noteConflict(ctx, vendor, supplier.number, c, counts);
      }
      if (written) {
        counts.updatedInVisma++;
        audit(
          ctx,
          'supplier.updated',
          'success',
          `Supplier ${supplier.number} "${current.visma.name}": ${labels(plan.toVisma)} updated from ServiceTitan vendor ${vendor.id}.`,
          {
            stId: vendor.id,
            vismaKey: supplier.number,
            changes: plan.toVisma,
          },
        );
      }
    }
    if (Object.keys(plan.toSt).length > 0) {
      await ctx.ports.st.updateVendor(vendor.id, plan.toSt, current.st);
      counts.updatedInServiceTitan++;
      audit(
        ctx,
        'vendor.updated',
        'success',
        `Vendor ${vendor.id} "${current.st.name}": ${labels(plan.toSt)} updated from Visma supplier ${supplier.number}.`,
        {
          stId: vendor.id,
          vismaKey: supplier.number,
          changes: plan.toSt,
        },
      );
    }
    const at = ctx.now().toISOString();
    saveSnapshot(
      ctx.db,
      ctx.profileId,
      'supplier',
      vendor.id,
      {
        vismaKey: supplier.number,
        ...plan.next,
        stModifiedOn: vendor.modifiedOn,
        vismaModifiedOn: supplier.modifiedOn ?? null,
      },
      at,
    );
  } catch (err) {
    if (err instanceof FatalSyncError) throw err;
    counts.failed++;
    recordFailure(
      ctx,
      'supplier.failed',
      `Vendor ${vendor.id} and supplier ${supplier.number} could not be brought in line`,
      err,
      { stId: vendor.id, vismaKey: supplier.number },
    );
  }
}
