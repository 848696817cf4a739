import type { SimClock } from './clock';
import { totalInvoice } from './data/invoices';
import type { BillRec, InvoiceRec, Rec, TenantData, VendorRec } from './data/types';
import { ExportFeed } from './export-feed';
import type { FeedEntry } from './export-feed';
import type { SimBehaviour } from './state';

/** Resource names used by the control API (the API's own path segments). */
export const RESOURCES = [
  'invoices',
  'ap-bills',
  'vendors',
  'customers',
  'locations',
  'jobs',
  'tax-zones',
  'business-units',
  'gl-accounts',
  'tag-types',
  'customer-contacts',
] as const;
/** A resource the control API can add to or modify. */
export type Resource = (typeof RESOURCES)[number];

/** Fixture/tenant keys for each resource. */
export const RESOURCE_KEYS: Record<Resource, keyof Omit<TenantData, 'tenantId' | 'name'>> = {
  invoices: 'invoices',
  'ap-bills': 'apBills',
  vendors: 'vendors',
  customers: 'customers',
  locations: 'locations',
  jobs: 'jobs',
  'tax-zones': 'taxZones',
  'business-units': 'businessUnits',
  'gl-accounts': 'glAccounts',
  'tag-types': 'tagTypes',
  'customer-contacts': 'customerContacts',
};

function byId<T extends Rec>(records: T[]): Map<number, T> {
  return new Map([...records].sort((a, b) => a.id - b.id).map((r) => [r.id, r]));
}

/** When a record last changed, for the initial feed order: `modifiedOn`, else `createdOn`, else never. */
function changedAt(record: Rec): number {
  const t = Date.parse(String(record.modifiedOn ?? record.createdOn));
  return Number.isNaN(t) ? -Infinity : t;
}

/** One tenant's live data: maps by id, export feeds, and the changes tests make. */
export class TenantStore {
  readonly tenantId: string;
  readonly name: string;
  readonly collections: Record<Resource, Map<number, Rec>>;
  readonly invoiceFeed: ExportFeed;
  readonly invoiceItemFeed: ExportFeed;
  /** Change sequence of each invoice: the export feeds list invoices in the order they were stored or changed. */
  private readonly invoiceSeq = new Map<number, number>();
  private seq = 0;

  constructor(
    data: TenantData,
    private readonly clock: SimClock,
    behaviour: Pick<SimBehaviour, 'exportPageSize' | 'exportEnd'>,
  ) {
    this.tenantId = data.tenantId;
    this.name = data.name;
    this.collections = {
      invoices: byId(data.invoices),
      'ap-bills': byId(data.apBills),
      vendors: byId(data.vendors),
      customers: byId(data.customers),
      locations: byId(data.locations),
      jobs: byId(data.jobs),
      'tax-zones': byId(data.taxZones),
      'business-units': byId(data.businessUnits),
      'gl-accounts': byId(data.glAccounts),
      'tag-types': byId(data.tagTypes),
      'customer-contacts': byId(data.customerContacts),
    };
    const initial = [...data.invoices].sort((a, b) => changedAt(a) - changedAt(b) || a.id - b.id);
    for (const invoice of initial) this.invoiceSeq.set(invoice.id, ++this.seq);
    const pageSize = () => behaviour.exportPageSize;
    const end = () => behaviour.exportEnd;
    this.invoiceFeed = new ExportFeed(() => this.invoiceEntries(), pageSize, end);
    this.invoiceItemFeed = new ExportFeed(() => this.itemEntries(), pageSize, end);
  }

  /** Invoices by id. */
  invoices(): Map<number, InvoiceRec> {
    return this.collections.invoices as Map<number, InvoiceRec>;
  }

  /** AP bills by id (inventory bills are the procurement ones). */
  bills(): Map<number, BillRec> {
    return this.collections['ap-bills'] as Map<number, BillRec>;
  }

  /** Vendors by id. */
  vendors(): Map<number, VendorRec> {
    return this.collections.vendors as Map<number, VendorRec>;
  }

  /** A fresh, increasing `modifiedOn` for a change made now. */
  stamp(): string {
    return this.clock.stamp();
  }

  /** The next free id of a resource. */
  nextId(resource: Resource): number {
    let max = 0;
    for (const id of this.collections[resource].keys()) if (id > max) max = id;
    return max + 1;
  }

  /** Stores a record (new or replaced) and refreshes the feeds; a stored invoice moves to the end of the feeds. */
  put(resource: Resource, record: Rec): void {
    this.collections[resource].set(record.id, record);
    if (resource === 'invoices') this.invoiceSeq.set(record.id, ++this.seq);
    this.changed();
  }

  /** Shallow-merges `patch` into a record and stamps it modified now. Returns undefined when there is no such record. */
  modify(resource: Resource, id: number, patch: Record<string, unknown>): Rec | undefined {
    const current = this.collections[resource].get(id);
    if (!current) return undefined;
    const modifiedOn = typeof patch.modifiedOn === 'string' ? patch.modifiedOn : this.stamp();
    const next = { ...current, ...patch, id, modifiedOn } as Rec;
    if (resource === 'invoices') this.retotal(next as InvoiceRec, patch, modifiedOn);
    this.put(resource, next);
    return next;
  }

  /** Adds an invoice modelled on an existing one (new ids, dated now, status Posted), with `patch` applied. */
  addInvoice(patch: Record<string, unknown> = {}): InvoiceRec {
    const template =
      [...this.invoices().values()].find((i) => !i.adjustmentToId) ?? [...this.invoices().values()][0];
    if (!template)
      throw new Error('This tenant has no invoice to model a new one on; pass a complete invoice.');
    const now = this.stamp();
    const id = typeof patch.id === 'number' ? patch.id : this.nextId('invoices');
    let itemId = 1;
    for (const i of this.invoices().values())
      for (const it of i.items ?? []) itemId = Math.max(itemId, it.id + 1);
    const copy = structuredClone(template);
    const invoice: InvoiceRec = {
      ...copy,
      id,
      referenceNumber: String(id),
      syncStatus: 'Posted',
      exportId: null,
      createdOn: now,
      modifiedOn: now,
      invoiceDate: `${now.slice(0, 10)}T00:00:00Z`,
      items: (copy.items ?? []).map((it) => ({ ...it, id: itemId++, createdOn: now, modifiedOn: now })),
      ...patch,
    };
    this.retotal(invoice, patch, String(invoice.modifiedOn));
    this.put('invoices', invoice);
    return invoice;
  }

  private retotal(invoice: InvoiceRec, patch: Record<string, unknown>, modifiedOn: string): void {
    for (const item of invoice.items ?? []) item.modifiedOn = modifiedOn;
    if (!('items' in patch) || 'subTotal' in patch || 'total' in patch) return;
    const zone = this.collections['tax-zones'].get(Number(invoice.taxZoneId));
    totalInvoice(invoice, zone, invoice.balance === '0.00' && invoice.total !== '0.00');
  }

  private *invoiceEntries(): Iterable<FeedEntry> {
    for (const invoice of this.invoices().values())
      yield { seq: this.invoiceSeq.get(invoice.id) ?? 0, id: invoice.id, record: invoice };
  }

  /** Lines follow their invoice's place in the feed (they change with it). */
  private *itemEntries(): Iterable<FeedEntry> {
    for (const invoice of this.invoices().values()) {
      const seq = this.invoiceSeq.get(invoice.id) ?? 0;
      for (const item of invoice.items ?? [])
        yield { seq, id: item.id, record: { ...item, active: invoice.active, invoiceId: invoice.id } };
    }
  }

  private changed(): void {
    this.invoiceFeed.invalidate();
    this.invoiceItemFeed.invalidate();
  }
}
