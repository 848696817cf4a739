import { SKUS } from './catalog';
import type { DocumentOptions } from './catalog';
import { glRef } from './master';
import type { MasterData } from './master';
import type { Rng } from './random';
import { item } from './items';
import { job } from './jobs';
import { cents, iso } from './types';
import type { InvoiceRec, ItemRec, Rec } from './types';

const DAY = 86_400_000;

function taxFor(zone: Rec, labour: number, material: number): number {
  const rates = zone.rates as { taxBaseType: string[]; taxRate: number }[];
  let tax = 0;
  for (const r of rates) {
    const base = r.taxBaseType.includes('Subtotal')
      ? labour + material
      : (r.taxBaseType.includes('Labor') ? labour : 0) + (r.taxBaseType.includes('Material') ? material : 0);
    tax += Math.round(base * r.taxRate);
  }
  return tax;
}

function itemsFor(
  rng: Rng,
  md: MasterData,
  bu: Rec,
  isInstall: boolean,
  when: string,
  nextItemId: () => number,
): ItemRec[] {
  const lines: [number, string, string, number, number, number][] = [];
  const service = rng.pick(SKUS.filter((s) => s[2] === 'Service'));
  lines.push([service[0], service[1], 'Service', service[3], 0, rng.pick([10, 15, 20, 30])]);
  for (let m = rng.int(0, 2); m > 0; m--) {
    const mat = rng.pick(SKUS.filter((s) => s[2] === 'Material'));
    lines.push([mat[0], mat[1], 'Material', mat[3], mat[4], rng.int(1, 6) * 10]);
  }
  if (isInstall) {
    const eq = rng.pick(SKUS.filter((s) => s[2] === 'Equipment'));
    lines.push([eq[0], eq[1], 'Equipment', eq[3], eq[4], 10]);
  }
  const items = lines.map(([skuId, name, type, price, cost, qtyTenths], order) => {
    const total = Math.round((price * qtyTenths) / 10);
    const account = type === 'Service' ? 'service' : type === 'Material' ? 'material' : 'equipment';
    return item(
      nextItemId(),
      order + 1,
      skuId,
      name,
      type,
      qtyTenths,
      price,
      cost,
      total,
      glRef(md.glAccounts, account),
      bu,
      when,
      type !== 'Service',
    );
  });
  if (rng.chance(0.15)) {
    const subtotal = items.reduce((a, i) => a + Math.round(Number(i.total) * 100), 0);
    const discount = -Math.round(subtotal * 0.1);
    items.push(
      item(
        nextItemId(),
        items.length + 1,
        9901,
        'Rabatt 10 % – serviceavtale',
        'PriceModifier',
        10,
        discount,
        0,
        discount,
        glRef(md.glAccounts, 'discount'),
        bu,
        when,
        false,
      ),
    );
  }
  return items;
}

/** Recomputes subtotal, tax, total and balance of an invoice from its lines (lines sum to subtotal). */
export function totalInvoice(invoice: InvoiceRec, zone: Rec | undefined, paid: boolean): void {
  let labour = 0;
  let material = 0;
  let subtotal = 0;
  for (const line of invoice.items ?? []) {
    const amount = Math.round(Number(line.total) * 100);
    subtotal += amount;
    if (!line.taxable) continue;
    if (line.type === 'Service') labour += amount;
    else material += amount;
  }
  const tax = zone ? taxFor(zone, labour, material) : 0;
  invoice.subTotal = cents(subtotal);
  invoice.salesTax = cents(tax);
  invoice.total = cents(subtotal + tax);
  invoice.balance = paid ? '0.00' : cents(subtotal + tax);
  invoice.discountTotal = cents(
    -(invoice.items ?? [])
      .filter((i) => i.type === 'PriceModifier')
      .reduce((a, i) => a + Math.round(Number(i.total) * 100), 0),
  );
}

/** Generates jobs and invoices (with adjustments), spread over the `spanDays` days before `anchor`. */
export function generateInvoices(
  rng: Rng,
  md: MasterData,
  options: DocumentOptions,
): { jobs: Rec[]; invoices: InvoiceRec[] } {
  const jobs: Rec[] = [];
  const invoices: InvoiceRec[] = [];
  let itemId = 1_000_001;
  const nextItemId = () => itemId++;
  const span = options.spanDays * DAY;
  for (let i = 0; i < options.invoices; i++) {
    const id = 60_001 + i;
    // Spread creation evenly; identical modifiedOn values happen on purpose (every 7th shares its neighbour's).
    const createdMs = options.anchor - span + Math.floor((span * i) / Math.max(1, options.invoices));
    const when = iso(createdMs);
    const modified =
      i % 7 === 6 && invoices.length
        ? (invoices[invoices.length - 1]!.modifiedOn ?? when)
        : iso(createdMs + rng.int(1, 3600) * 1000);
    const location = rng.pick(md.locations);
    const customer = md.customers.find((c) => c.id === location.customerId) ?? md.customers[0]!;
    const isAdjustment = i > 20 && rng.chance(0.05);
    const original = isAdjustment ? invoices[rng.int(0, invoices.length - 1)] : undefined;
    const bu = rng.pick(md.businessUnits);
    const isInstall = String(bu.name).includes('Install');
    const zone = md.taxZones.find((z) => z.id === location.taxZoneId) ?? md.taxZones[0]!;
    const jobId = 40_001 + jobs.length;
    let items: ItemRec[];
    if (original) {
      // Credit part of the original (net-negative) or add a forgotten line (positive).
      const credit = rng.chance(0.6);
      const source = (original.items ?? [])[0];
      const amount = source ? Math.round(Number(source.total) * 100) : 100_000;
      const gl = glRef(md.glAccounts, credit ? 'discount' : 'material');
      items = [
        item(
          nextItemId(),
          1,
          credit ? 9902 : 9103,
          credit ? 'Kreditering – reklamasjon' : 'Tilleggsmateriell etterfakturert',
          credit ? 'PriceModifier' : 'Material',
          10,
          credit ? -amount : 48_500,
          0,
          credit ? -amount : 48_500,
          gl,
          bu,
          when,
          false,
        ),
      ];
    } else {
      items = itemsFor(rng, md, bu, isInstall, when, nextItemId);
      jobs.push(
        job(
          jobId,
          customer,
          location,
          bu,
          id,
          when,
          isInstall && rng.chance(0.5) ? 80_001 + (jobs.length % 25) : null,
        ),
      );
    }
    const roll = rng.float();
    const syncStatus = roll < 0.8 ? 'Posted' : roll < 0.95 ? 'Pending' : 'Exported';
    const paid = syncStatus !== 'Pending' && rng.chance(0.3);
    const invoice: InvoiceRec = {
      id,
      syncStatus,
      budgetCodeId: null,
      referenceNumber: original ? `${String(original.referenceNumber)}-K${i}` : String(100_000 + i),
      invoiceDate: iso(
        Date.UTC(
          new Date(createdMs).getUTCFullYear(),
          new Date(createdMs).getUTCMonth(),
          new Date(createdMs).getUTCDate(),
        ),
      ),
      dueDate: iso(createdMs + (customer.type === 'Commercial' ? 30 : 14) * DAY),
      subTotal: '0.00',
      salesTax: '0.00',
      salesTaxCode: {
        id: zone.id,
        name: zone.name,
        taxRate: (zone.rates as { taxRate: number }[])[0]?.taxRate ?? 0,
      },
      taxZoneId: zone.id,
      total: '0.00',
      balance: '0.00',
      invoiceType: original ? { id: 2, name: 'Adjustment' } : { id: 1, name: 'Standard' },
      customer: { id: customer.id, name: customer.name },
      customerAddress: strip(customer.address as Record<string, unknown>),
      location: { id: location.id, name: location.name },
      locationAddress: strip(location.address as Record<string, unknown>),
      businessUnit: { id: bu.id, name: bu.name },
      termName: customer.type === 'Commercial' ? 'Netto 30 dager' : 'Netto 14 dager',
      createdBy: 'kontor',
      batch:
        syncStatus === 'Pending'
          ? null
          : {
              id: 5000 + Math.floor(i / 25),
              number: String(5000 + Math.floor(i / 25)),
              name: `Bunt ${5000 + Math.floor(i / 25)}`,
            },
      depositedOn: null,
      createdOn: when,
      modifiedOn: modified,
      adjustmentToId: original ? original.id : null,
      job: original
        ? original.job
        : { id: jobId, number: String(jobId), type: isInstall ? 'Installasjon' : 'Service' },
      projectId: original ? original.projectId : jobs[jobs.length - 1]!.projectId,
      royalty: { status: 'Pending', date: null, sentOn: null, memo: null },
      employeeInfo: { id: 21, name: 'Kontor Oslo', modifiedOn: when },
      commissionEligibilityDate: null,
      sentStatus: rng.chance(0.8) ? 'Sent' : 'NotSent',
      reviewStatus: 'Reviewed',
      assignedTo: null,
      summary: `<p>${isInstall ? 'Installasjon' : 'Service'} hos ${String(customer.name)}</p>`,
      items,
      customFields: [],
      active: true,
      discountTotal: '0.00',
      importId: null,
      exportId: syncStatus === 'Exported' ? `VISMA-${id}` : null,
      materialSkuId: null,
      membershipId: null,
      paidOn: paid ? iso(createdMs + 5 * DAY) : null,
      invoiceConfiguration: 'JobInvoice',
    };
    for (const line of items) line.modifiedOn = modified;
    totalInvoice(invoice, zone, paid);
    invoices.push(invoice);
  }
  return { jobs, invoices };
}

function strip(address: Record<string, unknown>): Record<string, unknown> {
  const { street, unit, city, state, zip, country } = address;
  return { street, unit, city, state, zip, country };
}
