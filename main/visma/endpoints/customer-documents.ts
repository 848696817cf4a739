import type { z } from 'zod';
import { CustomerCreditNote, CustomerInvoice, ReverseInvoiceResult, parseReply } from '../schemas';
import type { CustomerDocumentInput, CustomerDocumentPatch } from '../bodies';
import { customerCreditNoteBody, customerInvoiceBody } from '../bodies';
import { readAllPages } from '../paging';
import { keyFromLocation, localDateTime } from '../wire';
import { VismaError, isUncertain } from '../errors';
import type { CreatedFilter, EndpointDeps, ModifiedFilter } from './shared';
import { createdQuery, getOrNull, modifiedQuery, seg } from './shared';
import type { DocumentStatus, ReleaseOptions, ReleaseResult } from './release';
import { actionResult, resultFromStatus, statusOf, waitForRelease } from './release';

/** Filters for listing customer invoices or credit notes (the engine finds its documents by `externalReference`). */
export type CustomerDocumentFilter = ModifiedFilter &
  CreatedFilter & {
    externalReference?: string;
    customerRefNumber?: string;
    customer?: string;
    status?: string;
    financialPeriod?: string;
    /** Document date `yyyy-MM-dd`, compared with `documentDateCondition` (default `>=`). */
    documentDate?: string;
    documentDateCondition?: '>' | '<' | '>=' | '<=';
    /** Ask for the tax details and applications too (`expandTaxDetails`, `expandApplications`; lists omit them). */
    details?: boolean;
  };

/** Outcome of a release (the former name of `ReleaseResult`). */
export type ReleaseOutcome = ReleaseResult;

/** A reversal: the new, unreleased document that reverses the original (release it to post the reversal). */
export interface ReversalResult {
  referenceNumber: string;
  documentType: 'CreditNote' | 'DebitAdj';
}

function listQuery(filter: CustomerDocumentFilter): Record<string, string | boolean | undefined> {
  return {
    externalReference: filter.externalReference,
    customerRefNumber: filter.customerRefNumber,
    customer: filter.customer,
    status: filter.status,
    financialPeriod: filter.financialPeriod,
    ...(filter.details ? { expandTaxDetails: true, expandApplications: true } : {}),
    ...(filter.documentDate
      ? {
          documentDate: localDateTime(filter.documentDate.slice(0, 10)),
          documentDateCondition: filter.documentDateCondition ?? '>=',
        }
      : {}),
    ...modifiedQuery(filter),
    ...createdQuery(filter),
  };
}

interface Kind<T> {
  /** Path of the v1 resource (`/v1/customerinvoice`). */
  base: string;
  /** Name of the number in endpoint names (`invoiceNumber`). */
  key: string;
  schema: z.ZodType<T>;
}

const INVOICE: Kind<CustomerInvoice> = {
  base: '/v1/customerinvoice',
  key: 'invoiceNumber',
  schema: CustomerInvoice,
};
const CREDIT_NOTE: Kind<CustomerCreditNote> = {
  base: '/v1/customerCreditNote',
  key: 'creditNoteNumber',
  schema: CustomerCreditNote,
};

/**
 * Customer invoices (create v2, get, list, update, delete, release, reverse) and customer credit notes (create v2,
 * get, list, delete, release).
 */
export function customerDocumentEndpoints(deps: EndpointDeps) {
  const { transport, paging } = deps;

  const get = async <T>(kind: Kind<T>, number: string): Promise<T | null> =>
    (
      await getOrNull(
        deps,
        { path: `${kind.base}/${seg(number)}`, endpoint: `GET ${kind.base}/{${kind.key}}` },
        kind.schema,
      )
    )?.value ?? null;

  const status = async (kind: Kind<CustomerInvoice> | Kind<CustomerCreditNote>, number: string) => {
    const doc = await get<CustomerInvoice | CustomerCreditNote>(kind, number);
    return doc ? statusOf(doc) : null;
  };

  async function release(
    kind: Kind<CustomerInvoice> | Kind<CustomerCreditNote>,
    number: string,
    options: ReleaseOptions = {},
  ): Promise<ReleaseResult> {
    const endpoint = `POST ${kind.base}/{${kind.key}}/action/release`;
    const reread = async (): Promise<ReleaseResult | null> => {
      const s = await status(kind, number);
      return s ? resultFromStatus(s) : null;
    };
    let first: ReleaseResult;
    try {
      const reply = await transport.send({
        method: 'POST',
        path: `${kind.base}/${seg(number)}/action/release`,
        endpoint,
      });
      first = actionResult(reply.data, endpoint);
    } catch (error) {
      // An unanswered release is settled by reading the status back: an Open document was released.
      if (!isUncertain(error)) throw error;
      const seen = await reread();
      if (seen?.actionResult !== 'Done') throw error;
      return seen;
    }
    return waitForRelease(
      deps,
      first,
      async () => {
        const seen = await reread();
        return seen ? { ...seen, ...(first.actionId ? { actionId: first.actionId } : {}) } : first;
      },
      options,
    );
  }

  async function remove(
    kind: Kind<CustomerInvoice> | Kind<CustomerCreditNote>,
    number: string,
  ): Promise<boolean> {
    try {
      await transport.send({
        method: 'DELETE',
        path: `${kind.base}/${seg(number)}`,
        endpoint: `DELETE ${kind.base}/{${kind.key}}`,
      });
      return true;
    } catch (error) {
      if (error instanceof VismaError && error.code === 'not_found') return false;
      // A delete is safe to confirm by reading: gone means deleted.
      if (isUncertain(error) && (await get(kind, number)) === null) return true;
      throw error;
    }
  }

  async function create(path: string, endpoint: string, body: Record<string, unknown>): Promise<string> {
    const reply = await transport.send({ method: 'POST', path, endpoint, body });
    return keyFromLocation(reply.headers.location, endpoint);
  }

  const list = async <T>(kind: Kind<T>, filter: CustomerDocumentFilter) =>
    readAllPages(
      transport,
      { path: kind.base, endpoint: `GET ${kind.base}`, query: listQuery(filter) },
      kind.schema,
      paging,
    );

  return {
    /** Creates a customer invoice (`POST /v2/customerinvoice`, arrives Balanced); returns its number. Lost answer → UncertainWriteError. */
    createCustomerInvoice: (input: CustomerDocumentInput) =>
      create('/v2/customerinvoice', 'POST /v2/customerinvoice', customerInvoiceBody(input)),
    /** One customer invoice, or null. */
    getCustomerInvoice: (number: string) => get(INVOICE, number),
    /** A customer invoice's release state (one GET), or null when Visma does not have it. */
    getCustomerInvoiceStatus: (number: string): Promise<DocumentStatus | null> => status(INVOICE, number),
    /** Customer invoices matching the filter (all pages). */
    listCustomerInvoices: (filter: CustomerDocumentFilter = {}) => list(INVOICE, filter),
    /** Changes an unreleased customer invoice (fields present in `patch`, lines by operation). */
    updateCustomerInvoice: async (number: string, patch: CustomerDocumentPatch) => {
      await transport.send({
        method: 'PUT',
        path: `/v1/customerinvoice/${seg(number)}`,
        endpoint: 'PUT /v1/customerinvoice/{invoiceNumber}',
        body: customerInvoiceBody(patch),
      });
    },
    /** Changes an unreleased customer credit note (fields present in `patch`, lines by operation). */
    updateCustomerCreditNote: async (number: string, patch: CustomerDocumentPatch) => {
      await transport.send({
        method: 'PUT',
        path: `/v1/customerCreditNote/${seg(number)}`,
        endpoint: 'PUT /v1/customerCreditNote/{creditNoteNumber}',
        body: customerCreditNoteBody(patch),
      });
    },
    /** Deletes an unreleased customer invoice; false when Visma no longer has it. A released one is refused (reverse it). */
    deleteCustomerInvoice: (number: string): Promise<boolean> => remove(INVOICE, number),
    /** Asks Visma to release a customer invoice and returns what it answered (`Queued` is not released yet). */
    releaseCustomerInvoice: (number: string, options?: ReleaseOptions) => release(INVOICE, number, options),
    /**
     * Reverses a released customer invoice: Visma creates an unreleased credit note with the same lines (release it to
     * post the reversal). Returns the credit note's number.
     */
    reverseCustomerInvoice: async (number: string): Promise<ReversalResult> => {
      const endpoint = 'POST /v1/customerinvoice/{invoiceNumber}/action/reverse';
      const reply = await transport.send({
        method: 'POST',
        path: `/v1/customerinvoice/${seg(number)}/action/reverse`,
        endpoint,
        body: { returnCreditNote: false },
      });
      const result = parseReply(ReverseInvoiceResult, reply.data, endpoint);
      if (result.actionResult === 'Failed' || !result.referenceNumber)
        throw new VismaError({
          code: 'validation',
          endpoint,
          ...(result.errorInfo ? { detail: result.errorInfo } : {}),
          message: `Visma did not reverse invoice ${number}${result.errorInfo ? ` (Visma: "${result.errorInfo}")` : ` (answer: ${result.actionResult}, no credit note number)`}.`,
        });
      return { referenceNumber: result.referenceNumber, documentType: 'CreditNote' };
    },
    /** Creates a customer credit note (`POST /v2/customerCreditNote`); returns its number. */
    createCustomerCreditNote: (input: CustomerDocumentInput) =>
      create('/v2/customerCreditNote', 'POST /v2/customerCreditNote', customerCreditNoteBody(input)),
    /** One customer credit note, or null. */
    getCustomerCreditNote: (number: string) => get(CREDIT_NOTE, number),
    /** A customer credit note's release state (one GET), or null. */
    getCustomerCreditNoteStatus: (number: string): Promise<DocumentStatus | null> =>
      status(CREDIT_NOTE, number),
    /** Customer credit notes matching the filter (all pages). */
    listCustomerCreditNotes: (filter: CustomerDocumentFilter = {}) => list(CREDIT_NOTE, filter),
    /** Deletes an unreleased customer credit note; false when Visma no longer has it. */
    deleteCustomerCreditNote: (number: string): Promise<boolean> => remove(CREDIT_NOTE, number),
    /** Asks Visma to release a customer credit note and returns what it answered. */
    releaseCustomerCreditNote: (number: string, options?: ReleaseOptions) =>
      release(CREDIT_NOTE, number, options),
  };
}
