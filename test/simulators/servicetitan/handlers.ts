import type { BillRec, InvoiceRec, Rec, VendorRec } from './data/types';
import { BadRequest, byActive, byIds, dateParam, idParam, modifiedCreated, oneOf, pageOf } from './filters';
import type { Filter } from './filters';
import type { SimResponse } from '../common/http';
import { project } from './spec';
import type { StSpecs } from './spec';
import type { Resource, TenantStore } from './store';
import { vendorFromCreate, vendorView, applyVendorUpdate } from './vendors';

/** What a handler gets: the tenant's data and the parsed request. */
export interface HandlerContext {
  store: TenantStore;
  specs: StSpecs;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  /** Queues a webhook event about an invoice (sent only when webhooks are configured). */
  emitInvoiceEvent: (type: string, invoice: InvoiceRec) => void;
}

type Handler = (ctx: HandlerContext) => SimResponse;

const ok = (body: unknown): SimResponse => ({ status: 200, body });

let traceCounter = 0;

/** The spec's `ApiErrorResponse`. */
export function apiError(status: number, title: string, errors: Record<string, string[]> = {}): SimResponse {
  return {
    status,
    body: {
      type: `https://httpstatuses.io/${status}`,
      title,
      status,
      traceId: `sim-${(++traceCounter).toString(36)}`,
      errors,
      data: {},
    },
  };
}

const named = (field: string) => (r: Rec) => (r[field] as { id?: number } | null)?.id;
const bothInclusive =
  (param: string, field: string): Filter =>
  (q) => {
    const raw = q.get(param);
    if (raw == null) return undefined;
    const limit = Date.parse(raw);
    if (Number.isNaN(limit)) throw new BadRequest(param, `'${raw}' is not a date.`);
    return (r) => Date.parse(String(r[field])) <= limit;
  };
/** A comma list of ids (at most 50) that must contain the record field. */
const idList =
  (param: string, field: string): Filter =>
  (q) => {
    const ids = q
      .get(param)
      ?.split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (!ids) return undefined;
    if (ids.length > 50) throw new BadRequest(param, `The ${param} filter accepts at most 50 ids.`);
    const set = new Set(ids.map(Number));
    return (r) => set.has(Number(r[field]));
  };
const activeState: Filter = (q) => {
  const v = q.get('activeState') ?? 'ActiveOnly';
  if (v === 'All') return undefined;
  return (r) => r.active === (v === 'ActiveOnly');
};
const contains =
  (param: string, field: string): Filter =>
  (q) => {
    const v = q.get(param)?.toLowerCase();
    return v ? (r) => (typeof r[field] === 'string' ? r[field] : '').toLowerCase().includes(v) : undefined;
  };

const invoiceFilters: Filter[] = [
  byIds,
  ...modifiedCreated,
  activeState,
  oneOf('statuses', 'syncStatus'),
  idParam('jobId', named('job')),
  idParam('customerId', named('customer')),
  idParam('businessUnitId', named('businessUnit')),
  idParam('batchId', named('batch')),
  idParam('adjustmentToId', (r) => r.adjustmentToId),
  dateParam('invoicedOnOrAfter', 'invoiceDate', true),
  dateParam('invoicedOnBefore', 'invoiceDate', false),
  oneOf('number', 'referenceNumber'),
];

const billFilters: Filter[] = [
  byIds,
  ...modifiedCreated,
  oneOf('syncStatuses', 'syncStatus'),
  dateParam('dateFrom', 'createdOn', true),
  bothInclusive('dateTo', 'createdOn'),
  oneOf('jobNumber', 'jobNumber'),
  idParam('batchId', named('batch')),
];
const apBillFilters: Filter[] = [
  ...billFilters,
  (q) => {
    const type = q.get('billType') ?? 'Procurement';
    return type === 'NotSet' ? undefined : (r) => r.billType === type;
  },
  oneOf('statuses', 'status'),
  oneOf('sources', 'source'),
];
const inventoryBillFilters: Filter[] = [...billFilters, () => (r) => r.billType === 'Procurement'];

function inventoryBillView(specs: StSpecs, bill: BillRec): Rec {
  const header = project(bill, specs.properties('accounting-v2', 'Accounting.V2.InventoryBillResponse'));
  const itemKeys = specs.properties('accounting-v2', 'Accounting.V2.InventoryBillItemResponse');
  header.items = ((bill.items as Rec[] | null) ?? []).map((item) => ({
    ...project(item, itemKeys),
    inventoryLocation: (item.inventoryLocation as { name?: string } | null)?.name ?? null,
  }));
  return header as Rec;
}

function markExported(store: TenantStore, id: number, patch: Record<string, unknown>): boolean {
  return store.modify('ap-bills', id, { syncStatus: 'Exported', ...patch }) !== undefined;
}

function getById(resource: Resource, what: string): Handler {
  return ({ store, params }) => {
    const record = store.collections[resource].get(Number(params.id));
    return record ? ok(record) : apiError(404, `${what} ${params.id} was not found.`);
  };
}

function lister(resource: Resource, filters: Filter[]): Handler {
  return ({ store, query }) => ok(pageOf(store.collections[resource].values(), query, filters));
}

/** Handlers by operationId for every endpoint the connector uses. */
export const handlers: Record<string, Handler> = {
  Invoices_GetList: lister('invoices', invoiceFilters),
  Export_Invoices: ({ store, specs, query }) => {
    const page = store.invoiceFeed.page(query.get('from'));
    const keys = specs.properties('accounting-v2', 'Accounting.V2.ExportInvoiceResponse');
    return ok({ ...page, data: page.data.map((r) => project(r, keys)) });
  },
  Export_InvoiceItems: ({ store, specs, query }) => {
    const page = store.invoiceItemFeed.page(query.get('from'));
    const keys = specs.properties('accounting-v2', 'Accounting.V2.ExportInvoiceItemResponse');
    return ok({ ...page, data: page.data.map((r) => project(r, keys)) });
  },
  Invoices_MarkAsExported: ({ store, body, emitInvoiceEvent }) => {
    const entries = body as {
      invoiceId: number;
      externalId?: string | null;
      externalMessage?: string | null;
    }[];
    return ok(
      entries.map((e) => {
        const patch: Record<string, unknown> = { syncStatus: 'Exported' };
        if (e.externalId != null) patch.exportId = e.externalId;
        const updated = store.modify('invoices', e.invoiceId, patch) as InvoiceRec | undefined;
        if (!updated)
          return {
            invoiceId: e.invoiceId,
            success: false,
            errorMessage: `Invoice ${e.invoiceId} was not found.`,
          };
        emitInvoiceEvent('tn.acc.invoice-exported', updated);
        return { invoiceId: e.invoiceId, success: true, errorMessage: null };
      }),
    );
  },
  ApBills_GetListPaginated: lister('ap-bills', apBillFilters),
  ApBills_GetById: ({ store, params }) => {
    const bill = store.bills().get(Number(params.billId));
    return bill ? ok(bill) : apiError(404, `AP bill ${params.billId} was not found.`);
  },
  ApBills_MarkAsExported: ({ store, body }) => {
    const { billIds } = body as { billIds: number[] };
    return ok(
      billIds.map((billId) =>
        markExported(store, billId, {})
          ? { billId, success: true, errorMessage: null }
          : { billId, success: false, errorMessage: `AP bill ${billId} was not found.` },
      ),
    );
  },
  InventoryBills_GetListPaginated: ({ store, specs, query }) => {
    const page = pageOf(store.bills().values(), query, inventoryBillFilters);
    return ok({ ...page, data: page.data.map((b) => inventoryBillView(specs, b as BillRec)) });
  },
  InventoryBills_GetList: ({ store, specs, query }) => {
    const page = pageOf(store.bills().values(), query, inventoryBillFilters);
    return ok(page.data.map((b) => inventoryBillView(specs, b as BillRec)));
  },
  InventoryBills_MarkAsExported: ({ store, body }) => {
    const { inventoryBillIds } = body as { inventoryBillIds: number[] };
    return ok(
      inventoryBillIds.map((inventoryBillId) => {
        const bill = store.bills().get(inventoryBillId);
        if (bill?.billType !== 'Procurement') {
          return {
            inventoryBillId,
            success: false,
            errorMessage: `Inventory bill ${inventoryBillId} was not found.`,
          };
        }
        markExported(store, inventoryBillId, {});
        return { inventoryBillId, success: true, errorMessage: null };
      }),
    );
  },
  Vendors_GetList: ({ store, specs, query }) => {
    const guid = query.get('externalDataApplicationGuid') ?? undefined;
    const key = query.get('externalDataKey');
    const values = query.get('externalDataValues')?.split(',');
    const byExternal: Filter = () =>
      key && guid
        ? (r) => {
            const v = (r as VendorRec).external[guid]?.[key];
            return v !== undefined && (!values || values.includes(v));
          }
        : undefined;
    const page = pageOf(store.vendors().values(), query, [byIds, byActive, ...modifiedCreated, byExternal]);
    return ok({ ...page, data: page.data.map((v) => vendorView(specs, v as VendorRec, guid)) });
  },
  Vendors_GetById: ({ store, specs, params, query }) => {
    const vendor = store.vendors().get(Number(params.id));
    if (!vendor) return apiError(404, `Vendor ${params.id} was not found.`);
    return ok(vendorView(specs, vendor, query.get('externalDataApplicationGuid') ?? undefined));
  },
  Vendors_Create: ({ store, body }) => {
    const vendor = vendorFromCreate(store.nextId('vendors'), body as Record<string, unknown>, store.stamp());
    store.put('vendors', vendor);
    return ok({ id: vendor.id });
  },
  Vendors_Update: ({ store, params, body }) => {
    const vendor = store.vendors().get(Number(params.id));
    if (!vendor) return apiError(404, `Vendor ${params.id} was not found.`);
    store.put('vendors', applyVendorUpdate(vendor, body as Record<string, unknown>, store.stamp()));
    return ok({ id: vendor.id });
  },
  TaxZones_GetList: lister('tax-zones', [byIds, byActive, ...modifiedCreated]),
  BusinessUnits_GetList: lister('business-units', [
    byIds,
    byActive,
    contains('name', 'name'),
    ...modifiedCreated,
  ]),
  BusinessUnits_Get: getById('business-units', 'Business unit'),
  GlAccounts_GetList: lister('gl-accounts', [
    byIds,
    byActive,
    oneOf('names', 'name'),
    oneOf('numbers', 'number'),
    oneOf('types', 'type'),
    ...modifiedCreated,
  ]),
  Customers_GetList: lister('customers', [byIds, byActive, contains('name', 'name'), ...modifiedCreated]),
  Customers_Get: getById('customers', 'Customer'),
  Locations_GetList: lister('locations', [
    byIds,
    byActive,
    idParam('customerId', (r) => r.customerId),
    ...modifiedCreated,
  ]),
  Jobs_GetList: lister('jobs', [
    byIds,
    idParam('projectId', (r) => r.projectId),
    idParam('customerId', (r) => r.customerId),
    idParam('invoiceId', (r) => r.invoiceId),
    idParam('businessUnitId', (r) => r.businessUnitId),
    oneOf('jobStatus', 'jobStatus'),
    ...modifiedCreated,
  ]),
  Jobs_Get: getById('jobs', 'Job'),
  TagTypes_GetList: lister('tag-types', [byActive, ...modifiedCreated]),
  Customers_GetModifiedContactsList: ({ store, query }) => {
    if (!query.get('customerIds') && !query.get('modifiedOnOrAfter') && !query.get('modifiedBefore'))
      throw new BadRequest(
        'customerIds',
        'Either customerIds, modifiedBefore or modifiedOnOrAfter parameter must be specified.',
      );
    return ok(
      pageOf(store.collections['customer-contacts'].values(), query, [
        idList('customerIds', 'customerId'),
        ...modifiedCreated,
      ]),
    );
  },
};
