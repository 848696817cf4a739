import { BackgroundAccepted, BackgroundState, SupplierInvoice, parseReply } from '../schemas';
import type { SupplierInvoiceInput, SupplierInvoicePatch } from '../bodies';
import { supplierInvoiceBody } from '../bodies';
import { readAllPages } from '../paging';
import { keyFromLocation } from '../wire';
import { etagFrom, updateWithEtag } from '../etag';
import { VismaError, isUncertain } from '../errors';
import { mapVismaError } from '../error-map';
import type { EndpointDeps, ModifiedFilter } from './shared';
import { getOrNull, modifiedQuery, seg } from './shared';

/** Filters for listing supplier invoices (the engine finds AP documents by supplier + date + supplierReference). */
export type SupplierInvoiceFilter = ModifiedFilter & {
  supplier?: string;
  /** Document date `yyyy-MM-dd`, compared with `dateCondition` (default `>=`). */
  date?: string;
  dateCondition?: '>' | '<' | '>=' | '<=';
  status?: string;
  financialPeriod?: string;
};

/** Supplier invoices: create, get (with ETag), list, update with If-Match, release (background API). */
export function supplierInvoiceEndpoints(deps: EndpointDeps) {
  const { transport, paging } = deps;
  const get = async (number: string) => {
    const found = await getOrNull(
      deps,
      { path: `/v1/supplierInvoice/${seg(number)}`, endpoint: 'GET /v1/supplierInvoice/{invoiceNumber}' },
      SupplierInvoice,
    );
    return found ? { invoice: found.value, etag: etagFrom(found.headers, found.value.timeStamp) } : null;
  };

  /** Follows a background request until it finishes (Visma answers a supplier invoice release with 202). */
  async function awaitBackground(id: string, endpoint: string): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const reply = await transport.send({
        method: 'GET',
        path: `/v1/background/${seg(id)}`,
        endpoint: 'GET /v1/background/{requestId}',
      });
      const state = parseReply(BackgroundState, reply.data, 'GET /v1/background/{requestId}');
      if (state.status === 'Finished') return;
      if (state.status === 'Failed') {
        const mapped = mapVismaError(
          state.statusCode ?? 400,
          { message: state.errorMessage ?? '' },
          endpoint,
        );
        throw new VismaError({
          ...mapped,
          code: mapped.code === 'validation' ? 'release_failed' : mapped.code,
        });
      }
      await deps.sleep(Math.min(5_000, 250 * 2 ** attempt));
    }
    throw new VismaError({
      code: 'uncertain',
      endpoint,
      message: 'Visma has not finished releasing the supplier invoice yet. Check its status later.',
    });
  }

  return {
    /** Creates a supplier invoice (arrives Balanced); returns its number. Lost answer → UncertainWriteError. */
    createSupplierInvoice: async (input: SupplierInvoiceInput) => {
      const endpoint = 'POST /v1/supplierInvoice';
      const reply = await transport.send({
        method: 'POST',
        path: '/v1/supplierInvoice',
        endpoint,
        body: supplierInvoiceBody(input, true),
      });
      return keyFromLocation(reply.headers.location, endpoint);
    },
    /** One supplier invoice with its ETag, or null. */
    getSupplierInvoice: get,
    /** Supplier invoices matching the filter (all pages). */
    listSupplierInvoices: (filter: SupplierInvoiceFilter = {}) =>
      readAllPages(
        transport,
        {
          path: '/v1/supplierInvoice',
          endpoint: 'GET /v1/supplierInvoice',
          query: {
            supplier: filter.supplier,
            status: filter.status,
            financialPeriod: filter.financialPeriod,
            ...(filter.date
              ? {
                  docDate: `${filter.date.slice(0, 10)}T00:00:00`,
                  docDateCondition: filter.dateCondition ?? '>=',
                }
              : {}),
            ...modifiedQuery(filter),
          },
        },
        SupplierInvoice,
        paging,
      ),
    /** Updates an unreleased supplier invoice with If-Match; `change` is re-applied to fresh data after a 412. */
    updateSupplierInvoice: (
      number: string,
      change: SupplierInvoicePatch | ((current: SupplierInvoice) => SupplierInvoicePatch | null),
    ) =>
      updateWithEtag<SupplierInvoice>({
        endpoint: 'PUT /v1/supplierInvoice/{invoiceNumber}',
        read: async () => {
          const found = await get(number);
          return found ? { value: found.invoice, etag: found.etag } : null;
        },
        change: (current) => {
          const patch = typeof change === 'function' ? change(current) : change;
          return patch ? supplierInvoiceBody(patch, false) : null;
        },
        write: async (body, etag) => {
          await transport.send({
            method: 'PUT',
            path: `/v1/supplierInvoice/${seg(number)}`,
            endpoint: 'PUT /v1/supplierInvoice/{invoiceNumber}',
            body,
            ...(etag ? { ifMatch: etag } : {}),
          });
        },
        maxAttempts: deps.maxConflictAttempts,
        sleep: deps.sleep,
        random: deps.random,
      }),
    /** Releases a supplier invoice and waits for the background job; throws a mapped error when Visma refuses. */
    releaseSupplierInvoice: async (number: string): Promise<void> => {
      const endpoint = 'POST /v1/supplierInvoice/{invoiceNumber}/action/release';
      try {
        const reply = await transport.send({
          method: 'POST',
          path: `/v1/supplierInvoice/${seg(number)}/action/release`,
          endpoint,
        });
        await awaitBackground(parseReply(BackgroundAccepted, reply.data, endpoint).id, endpoint);
      } catch (error) {
        if (!isUncertain(error)) throw error;
        const found = await get(number);
        if (found && (found.invoice.status === 'Open' || found.invoice.status === 'Closed')) return;
        throw error;
      }
    },
  };
}
