import { Customer, Supplier } from '../schemas';
import type { PartyInput } from '../bodies';
import { partyBody } from '../bodies';
import { readAllPages } from '../paging';
import { keyFromLocation } from '../wire';
import { etagFrom, updateWithEtag } from '../etag';
import type { EndpointDeps, ModifiedFilter } from './shared';
import { getOrNull, modifiedQuery, seg } from './shared';

/** A list filter for customers and suppliers. */
export type PartyFilter = ModifiedFilter & { name?: string; status?: string };

/** Customers (list/get/create/update) and suppliers (the same, updates guarded by ETag/If-Match). */
export function partyEndpoints(deps: EndpointDeps) {
  const { transport, paging } = deps;
  const getSupplier = async (number: string) => {
    const found = await getOrNull(
      deps,
      { path: `/v1/supplier/${seg(number)}`, endpoint: 'GET /v1/supplier/{supplierCd}' },
      Supplier,
    );
    return found ? { supplier: found.value, etag: etagFrom(found.headers, found.value.timeStamp) } : null;
  };
  return {
    /** Customers (paged). */
    listCustomers: async (filter: PartyFilter = {}) =>
      readAllPages(
        transport,
        {
          path: '/v1/customer',
          endpoint: 'GET /v1/customer',
          query: { name: filter.name, status: filter.status, ...modifiedQuery(filter) },
        },
        Customer,
        paging,
      ),
    /** One customer, or null. */
    getCustomer: async (number: string) =>
      (
        await getOrNull(
          deps,
          { path: `/v1/customer/${seg(number)}`, endpoint: 'GET /v1/customer/{customerCd}' },
          Customer,
        )
      )?.value ?? null,
    /** Creates a customer; returns its number (from `Location`). A lost answer throws UncertainWriteError. */
    createCustomer: async (input: PartyInput) => {
      const endpoint = 'POST /v1/customer';
      const reply = await transport.send({
        method: 'POST',
        path: '/v1/customer',
        endpoint,
        body: partyBody(input),
      });
      return keyFromLocation(reply.headers.location, endpoint);
    },
    /** Changes the given fields of a customer (204). */
    updateCustomer: async (number: string, patch: Partial<PartyInput>) => {
      await transport.send({
        method: 'PUT',
        path: `/v1/customer/${seg(number)}`,
        endpoint: 'PUT /v1/customer/{customerCd}',
        body: partyBody(patch),
      });
    },
    /** Suppliers (paged). */
    listSuppliers: async (filter: PartyFilter = {}) =>
      readAllPages(
        transport,
        {
          path: '/v1/supplier',
          endpoint: 'GET /v1/supplier',
          query: { name: filter.name, status: filter.status, ...modifiedQuery(filter) },
        },
        Supplier,
        paging,
      ),
    /** One supplier with its ETag, or null. */
    getSupplier,
    /** Creates a supplier; returns its number. */
    createSupplier: async (input: PartyInput) => {
      const endpoint = 'POST /v1/supplier';
      const reply = await transport.send({
        method: 'POST',
        path: '/v1/supplier',
        endpoint,
        body: partyBody(input),
      });
      return keyFromLocation(reply.headers.location, endpoint);
    },
    /**
     * Updates a supplier with `If-Match`. `change` gets the fresh supplier and returns the fields to set (or null for
     * nothing); on 412 it is re-read and `change` re-applied. Returns false when nothing needed changing.
     */
    updateSupplier: (
      number: string,
      change: Partial<PartyInput> | ((current: Supplier) => Partial<PartyInput> | null),
    ) =>
      updateWithEtag<Supplier>({
        endpoint: 'PUT /v1/supplier/{supplierCd}',
        read: async () => {
          const found = await getSupplier(number);
          return found ? { value: found.supplier, etag: found.etag } : null;
        },
        change: (current) => {
          const patch = typeof change === 'function' ? change(current) : change;
          return patch ? partyBody(patch) : null;
        },
        write: async (body, etag) => {
          await transport.send({
            method: 'PUT',
            path: `/v1/supplier/${seg(number)}`,
            endpoint: 'PUT /v1/supplier/{supplierCd}',
            body,
            ...(etag ? { ifMatch: etag } : {}),
          });
        },
        maxAttempts: deps.maxConflictAttempts,
        sleep: deps.sleep,
        random: deps.random,
      }),
  };
}
