import type { z } from 'zod';
import { CustomerCreditNote, CustomerInvoice, ReleaseActionResult, parseReply } from '../schemas';
import type { CustomerDocumentInput, CustomerDocumentPatch } from '../bodies';
import { customerCreditNoteBody, customerInvoiceBody } from '../bodies';
import { readAllPages } from '../paging';
import { keyFromLocation } from '../wire';
import { VismaError, isUncertain } from '../errors';
import { withoutVismaId } from '../error-map';
import type { EndpointDeps, ModifiedFilter } from './shared';
import { getOrNull, modifiedQuery, seg } from './shared';

/** Filters for listing customer invoices or credit notes (the engine finds its documents by `externalReference`). */
export type CustomerDocumentFilter = ModifiedFilter & {
  externalReference?: string;
  customerRefNumber?: string;
  customer?: string;
  status?: string;
  financialPeriod?: string;
};

/** Outcome of a release. */
export interface ReleaseOutcome {
  actionResult: 'Queued' | 'InProcess' | 'Done';
}

function listQuery(filter: CustomerDocumentFilter): Record<string, string | undefined> {
  return {
    externalReference: filter.externalReference,
    customerRefNumber: filter.customerRefNumber,
    customer: filter.customer,
    status: filter.status,
    financialPeriod: filter.financialPeriod,
    ...modifiedQuery(filter),
  };
}

/** Customer invoices (create v2, get, list, update, release) and customer credit notes (create v2, get, list, release). */
export function customerDocumentEndpoints(deps: EndpointDeps) {
  const { transport, paging } = deps;

  async function release<T extends { status: string }>(
    path: string,
    endpoint: string,
    reread: () => Promise<T | null>,
  ): Promise<ReleaseOutcome> {
    try {
      const reply = await transport.send({ method: 'POST', path, endpoint });
      const result = parseReply(ReleaseActionResult, reply.data, endpoint);
      if (result.actionResult === 'Failed') {
        throw new VismaError({
          code: 'release_failed',
          endpoint,
          detail: result.errorInfo,
          message: `Visma could not release the document${result.errorInfo ? `: ${withoutVismaId(result.errorInfo)}` : '.'}`,
        });
      }
      return { actionResult: result.actionResult };
    } catch (error) {
      // A release is safe to confirm by reading the status back: an Open document was released.
      if (!isUncertain(error)) throw error;
      const doc = await reread();
      if (doc && (doc.status === 'Open' || doc.status === 'Closed')) return { actionResult: 'Done' };
      throw error;
    }
  }

  async function create(path: string, endpoint: string, body: Record<string, unknown>): Promise<string> {
    const reply = await transport.send({ method: 'POST', path, endpoint, body });
    return keyFromLocation(reply.headers.location, endpoint);
  }

  const getOne = async <T>(path: string, endpoint: string, schema: z.ZodType<T>) =>
    (await getOrNull(deps, { path, endpoint }, schema))?.value ?? null;
  const getInvoice = (number: string) =>
    getOne(`/v1/customerinvoice/${seg(number)}`, 'GET /v1/customerinvoice/{invoiceNumber}', CustomerInvoice);
  const getCreditNote = (number: string) =>
    getOne(
      `/v1/customerCreditNote/${seg(number)}`,
      'GET /v1/customerCreditNote/{creditNoteNumber}',
      CustomerCreditNote,
    );

  return {
    /** Creates a customer invoice (`POST /v2/customerinvoice`, arrives Balanced); returns its number. Lost answer → UncertainWriteError. */
    createCustomerInvoice: (input: CustomerDocumentInput) =>
      create('/v2/customerinvoice', 'POST /v2/customerinvoice', customerInvoiceBody(input)),
    /** One customer invoice, or null. */
    getCustomerInvoice: getInvoice,
    /** Customer invoices matching the filter (all pages). */
    listCustomerInvoices: (filter: CustomerDocumentFilter = {}) =>
      readAllPages(
        transport,
        { path: '/v1/customerinvoice', endpoint: 'GET /v1/customerinvoice', query: listQuery(filter) },
        CustomerInvoice,
        paging,
      ),
    /** Changes an unreleased customer invoice (fields present in `patch`, lines by operation). */
    updateCustomerInvoice: async (number: string, patch: CustomerDocumentPatch) => {
      await transport.send({
        method: 'PUT',
        path: `/v1/customerinvoice/${seg(number)}`,
        endpoint: 'PUT /v1/customerinvoice/{invoiceNumber}',
        body: customerInvoiceBody(patch),
      });
    },
    /** Releases a customer invoice (Balanced → Open, GL batch written). */
    releaseCustomerInvoice: (number: string) =>
      release(
        `/v1/customerinvoice/${seg(number)}/action/release`,
        'POST /v1/customerinvoice/{invoiceNumber}/action/release',
        () => getInvoice(number),
      ),
    /** Creates a customer credit note (`POST /v2/customerCreditNote`); returns its number. */
    createCustomerCreditNote: (input: CustomerDocumentInput) =>
      create('/v2/customerCreditNote', 'POST /v2/customerCreditNote', customerCreditNoteBody(input)),
    /** One customer credit note, or null. */
    getCustomerCreditNote: getCreditNote,
    /** Customer credit notes matching the filter (all pages). */
    listCustomerCreditNotes: (filter: CustomerDocumentFilter = {}) =>
      readAllPages(
        transport,
        { path: '/v1/customerCreditNote', endpoint: 'GET /v1/customerCreditNote', query: listQuery(filter) },
        CustomerCreditNote,
        paging,
      ),
    /** Releases a customer credit note. */
    releaseCustomerCreditNote: (number: string) =>
      release(
        `/v1/customerCreditNote/${seg(number)}/action/release`,
        'POST /v1/customerCreditNote/{creditNoteNumber}/action/release',
        () => getCreditNote(number),
      ),
  };
}
