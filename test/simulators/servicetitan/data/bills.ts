import { SKUS } from './catalog';
import type { DocumentOptions } from './catalog';
import { glRef } from './master';
import type { MasterData } from './master';
import type { Rng } from './random';
import { cents, iso } from './types';
import type { BillRec, Rec } from './types';

const DAY = 86_400_000;

/** Generates AP bills: procurement bills from received purchase orders, and standalone bills with expense lines. */
export function generateBills(rng: Rng, md: MasterData, jobs: Rec[], options: DocumentOptions): BillRec[] {
  const bills: BillRec[] = [];
  let lineId = 2_000_001;
  const span = options.spanDays * DAY;
  const activeVendors = md.vendors.filter((v) => v.active);
  for (let i = 0; i < options.bills; i++) {
    const id = 80_001 + i;
    const createdMs = options.anchor - span + Math.floor((span * i) / Math.max(1, options.bills)) + 3_600_000;
    const when = iso(createdMs);
    const procurement = i % 10 < 7;
    const vendor = procurement ? activeVendors[i % 5]! : rng.pick(activeVendors.slice(3));
    const bu = rng.pick(md.businessUnits);
    const forJob = procurement && jobs.length > 0 && rng.chance(0.4) ? rng.pick(jobs) : undefined;
    let net = 0;
    const items: Rec[] = [];
    const expenseItems: Rec[] = [];
    if (procurement) {
      const poId = 90_001 + i;
      for (let n = rng.int(1, 4), order = 1; n > 0; n--, order++) {
        const sku = rng.pick(SKUS.filter((s) => s[2] !== 'Service'));
        const qty = rng.int(1, 12);
        net += sku[4] * qty;
        items.push({
          order,
          name: sku[1],
          description: sku[1],
          quantity: String(qty),
          cost: cents(sku[4]),
          allocatedTax: null,
          allocatedShipping: null,
          allocatedOtherCosts: null,
          fullyLandedUnitCost: cents(sku[4]),
          inventoryLocation: { id: 1, name: 'Hovedlager Oslo', type: 'Warehouse' },
          vendorPartNumber: `VP-${sku[0]}`,
          serialNumber: null,
          generalLedgerAccount: glRef(md.glAccounts, 'inventory'),
          costOfSaleAccount: glRef(md.glAccounts, sku[2] === 'Equipment' ? 'cogsEquipment' : 'cogsMaterial'),
          assetAccount: glRef(md.glAccounts, 'inventory'),
          id: lineId++,
          skuId: sku[0],
          receiptItemId: poId * 10 + order,
          skuType: sku[2],
          skuCode: `SKU-${sku[0]}`,
          budgetCodeId: null,
        });
      }
      void poId;
    } else {
      const kinds: [string, string, number, number][] = [
        ['fuel', 'Drivstoff servicebiler', 80_000, 900_000],
        ['tools', 'Småverktøy og rekvisita', 20_000, 600_000],
        ['office', 'Kontorrekvisita', 5_000, 150_000],
        ['phone', 'Mobilabonnement', 40_000, 250_000],
        ['rent', 'Husleie verksted', 1_500_000, 3_000_000],
      ];
      for (let n = rng.int(1, 3); n > 0; n--) {
        const [key, text, min, max] = rng.pick(kinds);
        const amount = rng.int(min / 100, max / 100) * 100;
        net += amount;
        expenseItems.push({
          id: lineId++,
          amount: cents(amount),
          description: text,
          generalLedgerAccount: glRef(md.glAccounts, key),
          job: null,
          businessUnit: { id: bu.id, name: bu.name },
          budgetCodeId: null,
          projectLabelIds: null,
        });
      }
    }
    const tax = Math.round(net * 0.25);
    const shipping = procurement && rng.chance(0.5) ? rng.int(1, 5) * 9_900 : 0;
    const roll = rng.float();
    const syncStatus = roll < 0.75 ? 'Posted' : roll < 0.95 ? 'Pending' : 'Exported';
    bills.push({
      id,
      purchaseOrderId: procurement ? 90_001 + i : null,
      syncStatus,
      status: syncStatus === 'Pending' ? 'Unreconciled' : 'Reconciled',
      source: procurement ? 'Purchasing' : 'Standalone',
      billType: procurement ? 'Procurement' : 'ApBill',
      postDate: syncStatus === 'Pending' ? null : when,
      referenceNumber: `B${id}`,
      vendorNumber: `${String(vendor.name).slice(0, 3).toUpperCase()}-${20_000 + i}`,
      summary: procurement ? `Varemottak innkjøpsordre ${90_001 + i}` : 'Driftskostnader',
      billDate: when,
      earlyDiscountDate: null,
      billAmount: cents(net + tax + shipping),
      vendorInvoiceTotal: cents(net + tax + shipping),
      taxAmount: cents(tax),
      shippingAmount: cents(shipping),
      landedCostMethod: 'None',
      otherAmount: '0.00',
      createdBy: 'innkjøp',
      createdOn: when,
      modifiedOn: when,
      termName: 'Netto 30 dager',
      dueDate: iso(createdMs + 30 * DAY),
      doNotPay: false,
      dateCanceled: null,
      canceledBy: null,
      shipToDescription: procurement ? 'Hovedlager Oslo' : null,
      batch: null,
      businessUnit: { id: bu.id, name: bu.name },
      taxZone: { id: md.taxZones[0]!.id, name: md.taxZones[0]!.name },
      vendor: { id: vendor.id, name: vendor.name },
      remittanceVendorInfo: null,
      shipTo: procurement
        ? { street: 'Strandkaien 4', unit: null, city: 'Oslo', state: 'Oslo', zip: '0150', country: 'NO' }
        : null,
      budgetCodeId: null,
      items,
      expenseItems,
      customFields: [],
      jobId: forJob ? forJob.id : null,
      jobNumber: forJob ? String(forJob.jobNumber) : null,
      dateReconciled: syncStatus === 'Pending' ? null : when,
    });
  }
  return bills;
}
