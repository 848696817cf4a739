import { expect } from 'vitest';
import { money } from '../../../shared/money';
import { listOutbox } from '../../../main/engine/outbox/store';
import { loadLinks } from '../../../main/engine/mapping/rule-store';
import { listReview } from '../../../main/engine/review';
import { findMarker, formatMarker, markerOf } from '../../../main/engine/lifecycle/markers';
import type { SourceKind } from '../../../main/engine/domain';
import type { SimDocument } from '../../simulators/visma/model';
import type { Harness } from './harness';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';

type Rec = Record<string, unknown>;

/** Every document stored in the Visma simulator. */
export function vismaDocuments(h: Harness): SimDocument[] {
  return [...h.visma.company().documents.values()];
}

/** The marker a Visma document was posted with (AR: external reference; AP: the marker in the note or the text). */
export function sourceKeyOf(doc: SimDocument): string | undefined {
  if (doc.kind !== 'supplierInvoice') return doc.externalReference;
  const found = findMarker((doc as { note?: string }).note) ?? findMarker(doc.text);
  return found ? formatMarker(found) : undefined;
}

/** The marker of a ServiceTitan document of the harness's tenant. */
export function keyOf(h: Pick<Harness, 'config'>, kind: SourceKind, stId: string | number): string {
  return markerOf(kind, h.config.servicetitan.tenantId, String(stId));
}

/** Asserts that no ServiceTitan document exists twice in Visma; returns the documents by source key. */
export function expectNoDuplicates(h: Harness): Map<string, SimDocument> {
  const byKey = new Map<string, SimDocument>();
  const duplicates: string[] = [];
  for (const doc of vismaDocuments(h)) {
    const key = sourceKeyOf(doc);
    expect(key, `Visma document ${doc.referenceNumber} has no source key`).toBeDefined();
    if (byKey.has(key!)) duplicates.push(key!);
    byKey.set(key!, doc);
  }
  expect(duplicates, 'documents posted twice').toEqual([]);
  return byKey;
}

/** ServiceTitan documents that were eligible when the test started. */
export function eligibleSources(h: Harness): { invoices: Rec[]; bills: Rec[] } {
  const invoices = h.st
    .records('invoices')
    .filter(
      (i) =>
        ['Posted'].includes(String(i.syncStatus)) && i.active === true && !money(String(i.total)).isZero(),
    );
  const bills = h.st.records('ap-bills').filter((b) => b.syncStatus === 'Posted' && b.status !== 'Canceled');
  return { invoices, bills };
}

/**
 * Every eligible document is either in Visma exactly once, with ServiceTitan's total and VAT, the mapped accounts,
 * cost center and party — or in the review queue with a reason. Returns the counts.
 */
export function expectAllPostedOrExplained(
  h: Harness,
  eligible: { invoices: Rec[]; bills: Rec[] },
): { posted: number; review: number } {
  const byKey = expectNoDuplicates(h);
  const review = new Map(listReview(h.db, h.config.id).map((r) => [`${r.sourceType}:${r.stId}`, r]));
  const customerLinks = loadLinks(h.db, h.config.id, 'customer');
  const supplierLinks = loadLinks(h.db, h.config.id, 'supplier');
  const company = h.visma.company();
  const rules = SEED_MAPPINGS.rules;
  let posted = 0;
  const missing: string[] = [];
  for (const inv of eligible.invoices) {
    const doc = byKey.get(keyOf(h, 'invoice', String(inv.id)));
    const item = review.get(`invoice:${String(inv.id)}`);
    if (!doc) {
      if (!item) missing.push(`invoice ${String(inv.id)}`);
      else expect(item.text.length).toBeGreaterThan(10);
      continue;
    }
    posted++;
    expect(doc.amount).toBe(money(String(inv.total)).abs().toFixed(2));
    expect(doc.vatTotal).toBe(money(String(inv.salesTax)).abs().toFixed(2));
    expect(doc.kind).toBe(money(String(inv.total)).isNegative() ? 'customerCreditNote' : 'customerInvoice');
    expect(doc.customerRefNumber).toBe(inv.referenceNumber);
    const customer = inv.customer as { id: number; name: string };
    expect(doc.partyNumber).toBe(customerLinks.get(String(customer.id)));
    expect(company.customers.get(doc.partyNumber)?.name).toBe(customer.name);
    const items = ((inv.items as Rec[]) ?? []).filter((i) => !money(String(i.total)).isZero());
    const zone = h.st.get('tax-zones', Number(inv.taxZoneId));
    const separateRates = ((zone?.rates as unknown[] | undefined) ?? []).length > 1;
    const expectedAccount = (i: Rec) => {
      // Materials in the zone with separate labour/material rates carry 15 % VAT: the 15 % account (accountByVatCode).
      if (separateRates && i.type !== 'Service') return rules.accountByVatCode['31']!.account;
      const gl = String((i.generalLedgerAccount as { number: string }).number);
      return rules.revenueByGlAccount[gl]?.account ?? gl;
    };
    expect(doc.lines.map((l) => l.accountNumber).sort()).toEqual(items.map(expectedAccount).sort());
    const bu = String((inv.businessUnit as { id: number }).id);
    for (const line of doc.lines)
      expect(line.subaccount).toEqual([
        { segmentId: 1, segmentValue: rules.businessUnitDimensions[bu]!.costCenter },
      ]);
  }
  for (const bill of eligible.bills) {
    const doc = byKey.get(keyOf(h, 'ap-bill', String(bill.id)));
    const item = review.get(`ap-bill:${String(bill.id)}`);
    if (!doc) {
      if (!item) missing.push(`bill ${String(bill.id)}`);
      continue;
    }
    posted++;
    expect(doc.amount).toBe(money(String(bill.billAmount)).toFixed(2));
    expect(doc.vatTotal).toBe(money(String(bill.taxAmount)).toFixed(2));
    expect(doc.supplierReference).toBe(bill.vendorNumber);
    const vendor = bill.vendor as { id: number; name: string };
    expect(doc.partyNumber).toBe(supplierLinks.get(String(vendor.id)));
    expect(company.suppliers.get(doc.partyNumber)?.name).toBe(vendor.name);
  }
  expect(missing, 'eligible documents neither in Visma nor in the review queue').toEqual([]);
  return { posted, review: review.size };
}

/** Outbox rows per state. */
export function statesOf(h: Harness): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of listOutbox(h.db, h.config.id)) out[r.state] = (out[r.state] ?? 0) + 1;
  return out;
}
