import { BackgroundAccepted, ReverseSupplierInvoiceResult, SupplierInvoice, parseReply } from '../schemas';
import type { SupplierInvoiceInput, SupplierInvoicePatch } from '../bodies';
import { supplierInvoiceBody } from '../bodies';
import { readAllPages } from '../paging';
import { keyFromLocation, localDateTime } from '../wire';
import { etagFrom, updateWithEtag } from '../etag';
import { VismaError, isUncertain } from '../errors';
import type { CreatedFilter, EndpointDeps, ModifiedFilter } from './shared';
import { createdQuery, getOrNull, modifiedQuery, seg } from './shared';
import type { DocumentStatus, ReleaseOptions, ReleaseResult } from './release';
import {
  actionResult,
  backgroundResult,
  readBackgroundContent,
  resultFromStatus,
  statusOf,
  waitForRelease,
} from './release';
import type { ReversalResult } from './customer-documents';

/**
 * Filters for listing supplier invoices. The list has no text filter, so documents are found by supplier + date, or by
 * `lastModifiedDateTime`/`createdDateTime` and matched in memory (the note is always returned: `expandNote=true`).
 */
export type SupplierInvoiceFilter = ModifiedFilter &
  CreatedFilter & {
    supplier?: string;
    /** Document date `yyyy-MM-dd`, compared with `dateCondition` (default `>=`). */
    date?: string;
    dateCondition?: '>' | '<' | '>=' | '<=';
    status?: string;
    financialPeriod?: string;
    /** `Invoice` (ours) or `DebitAdj` (the reversals). */
    documentType?: 'Invoice' | 'DebitAdj';
  };

/** Which supplier document: an invoice (default) or a debit adjustment (a reversal). */
export interface SupplierDocumentRef {
  documentType?: 'Invoice' | 'DebitAdj';
}

/** The path of a supplier document: the plain form for invoices, the typed form otherwise. */
function documentPath(number: string, ref: SupplierDocumentRef = {}): { path: string; template: string } {
  const type = ref.documentType ?? 'Invoice';
  return type === 'Invoice'
    ? { path: `/v1/supplierInvoice/${seg(number)}`, template: '/v1/supplierInvoice/{invoiceNumber}' }
    : {
        path: `/v1/supplierInvoice/${seg(type)}/${seg(number)}`,
        template: '/v1/supplierInvoice/{documentType}/{invoiceNumber}',
      };
}

/** Supplier invoices: create, get (with ETag), list, update with If-Match, delete, release and reverse (background API). */
export function supplierInvoiceEndpoints(deps: EndpointDeps) {
  const { transport, paging } = deps;
  const get = async (number: string, ref: SupplierDocumentRef = {}) => {
    const { path, template } = documentPath(number, ref);
    const found = await getOrNull(deps, { path, endpoint: `GET ${template}` }, SupplierInvoice);
    return found ? { invoice: found.value, etag: etagFrom(found.headers, found.value.timeStamp) } : null;
  };
  const status = async (number: string, ref: SupplierDocumentRef = {}): Promise<DocumentStatus | null> => {
    const found = await get(number, ref);
    return found ? statusOf(found.invoice) : null;
  };

  /**
   * A release answer: 200 with an action result, or 202 with a background job. The job is not read here: a sync
   * follows every queued release through one list of changed documents, where a read per job would cost one more
   * call per bill; a caller that waits (`waitMs`) polls the job.
   */
  function releaseAnswer(data: unknown, status202: boolean, endpoint: string): ReleaseResult {
    if (!status202) return actionResult(data, endpoint);
    return { actionId: parseReply(BackgroundAccepted, data, endpoint).id, actionResult: 'InProcess' };
  }

  async function release(number: string, options: ReleaseOptions & SupplierDocumentRef = {}) {
    const { path, template } = documentPath(number, options);
    const endpoint = `POST ${template}/action/release`;
    let first: ReleaseResult;
    try {
      const reply = await transport.send({ method: 'POST', path: `${path}/action/release`, endpoint });
      first = releaseAnswer(reply.data, reply.status === 202, endpoint);
    } catch (error) {
      if (!isUncertain(error)) throw error;
      const seen = await status(number, options);
      if (!seen?.released) throw error;
      return resultFromStatus(seen);
    }
    // The background job is the cheap thing to poll; the document status tells the same.
    const actionId = first.actionId;
    return waitForRelease(
      deps,
      first,
      async () =>
        actionId && first.actionResult === 'InProcess'
          ? backgroundResult(deps, actionId, endpoint)
          : resultFromStatus(
              (await status(number, options)) ?? { referenceNumber: number, status: '', released: false },
            ),
      options,
    );
  }

  async function reverse(number: string): Promise<ReversalResult> {
    const endpoint = 'POST /v1/supplierInvoice/{documentType}/{invoiceNumber}/action/reverse';
    const reply = await transport.send({
      method: 'POST',
      path: `/v1/supplierInvoice/Invoice/${seg(number)}/action/reverse`,
      endpoint,
    });
    const id = parseReply(BackgroundAccepted, reply.data, endpoint).id;
    let state = await backgroundResult(deps, id, endpoint);
    for (let attempt = 0; state.actionResult === 'InProcess' && attempt < 20; attempt++) {
      await deps.sleep(Math.min(2_000, 100 * 2 ** attempt));
      state = await backgroundResult(deps, id, endpoint);
    }
    if (state.actionResult !== 'Done')
      throw new VismaError({
        code: state.actionResult === 'Failed' ? 'validation' : 'uncertain',
        endpoint,
        ...(state.errorInfo ? { detail: state.errorInfo } : {}),
        message:
          state.actionResult === 'Failed'
            ? `Visma did not reverse supplier invoice ${number} (Visma: "${state.errorInfo ?? ''}").`
            : `Visma has not finished reversing supplier invoice ${number} yet. Look for its debit adjustment later.`,
      });
    const content = parseReply(ReverseSupplierInvoiceResult, await readBackgroundContent(deps, id), endpoint);
    if (!content.refNbr)
      throw new VismaError({
        code: 'bad_response',
        endpoint,
        message: `Visma reversed supplier invoice ${number} but did not say the number of the debit adjustment.`,
      });
    return { referenceNumber: content.refNbr, documentType: 'DebitAdj' };
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
    /** One supplier invoice (or debit adjustment) with its ETag, or null. */
    getSupplierInvoice: get,
    /** A supplier document's release state (one GET), or null. */
    getSupplierInvoiceStatus: status,
    /** Supplier invoices matching the filter (all pages), each with its note. */
    listSupplierInvoices: async (filter: SupplierInvoiceFilter = {}) =>
      readAllPages(
        transport,
        {
          path: '/v1/supplierInvoice',
          endpoint: 'GET /v1/supplierInvoice',
          query: {
            supplier: filter.supplier,
            status: filter.status,
            financialPeriod: filter.financialPeriod,
            documentType: filter.documentType,
            expandNote: true,
            ...(filter.date
              ? {
                  docDate: localDateTime(filter.date.slice(0, 10)),
                  docDateCondition: filter.dateCondition ?? '>=',
                }
              : {}),
            ...modifiedQuery(filter),
            ...createdQuery(filter),
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
    /** Deletes an unreleased supplier invoice (or debit adjustment); false when Visma no longer has it. */
    deleteSupplierInvoice: async (number: string, ref: SupplierDocumentRef = {}): Promise<boolean> => {
      const { path, template } = documentPath(number, ref);
      try {
        await transport.send({ method: 'DELETE', path, endpoint: `DELETE ${template}` });
        return true;
      } catch (error) {
        if (error instanceof VismaError && error.code === 'not_found') return false;
        if (isUncertain(error) && (await get(number, ref)) === null) return true;
        throw error;
      }
    },
    /**
     * Asks Visma to release a supplier invoice (Visma runs it as a background job) and returns what it answered: the
     * job's state is read once (`InProcess` while it runs); `waitMs` polls it until it finishes.
     */
    releaseSupplierInvoice: (number: string, options?: ReleaseOptions & SupplierDocumentRef) =>
      release(number, options),
    /**
     * Reverses a released supplier invoice: Visma creates an unreleased debit adjustment with the same lines (release
     * it with `{ documentType: 'DebitAdj' }` to post the reversal). Returns its number.
     */
    reverseSupplierInvoice: reverse,
  };
}
