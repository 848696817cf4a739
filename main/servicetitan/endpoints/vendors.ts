import type { z } from 'zod';
import { paginate, listByIds, query } from '../paging';
import { ModificationResponse } from '../schemas/common';
import { CreateVendorRequest, UpdateVendorRequest, Vendor } from '../schemas/master-data';
import { StRequestRejectedError } from '../errors';
import type { StTransport } from '../transport';

/** Filters of the vendor list. */
export interface VendorFilter {
  ids?: number[];
  active?: 'True' | 'False' | 'Any';
  modifiedOnOrAfter?: string | Date;
  /** Only with this application's external data (ERP ids stored in ServiceTitan). */
  externalDataApplicationGuid?: string;
  pageSize?: number;
}

/** Checks an outgoing body before sending, so a bad vendor is explained instead of refused by ServiceTitan. */
function checkBody<T extends z.ZodType>(endpoint: string, schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new StRequestRejectedError(
    endpoint,
    0,
    parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`),
  );
}

/** Vendor endpoints: list, get, create, update. Writes are never retried after they may have landed. */
export function vendorEndpoints(t: StTransport) {
  const base = { module: 'inventory', method: 'GET', scope: 'tn.inv.vendors:r' } as const;
  return {
    /** Streams vendors matching `filter`. */
    list(filter: VendorFilter = {}): AsyncGenerator<Vendor> {
      const { ids, pageSize, ...rest } = filter;
      const req = { ...base, endpoint: 'Vendors_GetList', path: '/vendors', query: query(rest) };
      return ids ? listByIds(t, req, Vendor, ids) : paginate(t, req, Vendor, pageSize);
    },
    /** One vendor by id. */
    get(id: number, externalDataApplicationGuid?: string): Promise<Vendor> {
      const req = {
        ...base,
        endpoint: 'Vendors_GetById',
        path: `/vendors/${id}`,
        query: query({ externalDataApplicationGuid }),
        what: `vendor ${id}`,
      };
      return t.send(req, Vendor);
    },
    /** Creates a vendor; returns its new id. */
    async create(vendor: CreateVendorRequest): Promise<number> {
      const body = checkBody('Vendors_Create', CreateVendorRequest, vendor);
      const req = {
        ...base,
        method: 'POST',
        scope: 'tn.inv.vendors:w',
        endpoint: 'Vendors_Create',
        path: '/vendors',
        body,
      } as const;
      return (await t.send(req, ModificationResponse)).id;
    },
    /** Updates a vendor (only the fields given; `externalData` patches with `Merge` or replaces). */
    async update(id: number, changes: UpdateVendorRequest): Promise<number> {
      const body = checkBody('Vendors_Update', UpdateVendorRequest, changes);
      const req = {
        ...base,
        method: 'PATCH',
        scope: 'tn.inv.vendors:w',
        endpoint: 'Vendors_Update',
        path: `/vendors/${id}`,
        body,
        what: `vendor ${id}`,
      } as const;
      return (await t.send(req, ModificationResponse)).id;
    },
  };
}
