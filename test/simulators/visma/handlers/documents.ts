import { randomUUID } from 'node:crypto';
import type { HandlerContext, HandlerTable } from '../context';
import { created, dateFilter, paged } from '../context';
import type { SimBackgroundRequest, SimDocument, SimDocumentKind } from '../model';
import { documentKey } from '../model';
import { SimFault, notFound, vismaError } from '../errors';
import { createDocument, updateDocument } from '../documents';
import { deleteDocument, reverseDocument } from '../document-actions';
import { faultText, requestRelease } from '../release';
import { creditNoteDto, customerDocumentDto, supplierInvoiceDto } from '../dto-documents';
import { etagOf } from '../dto-master';
import { checkIfMatch } from './parties';
import { utcTimestamp } from '../clock';
import { record } from '../unwrap';

const LABELS: Record<SimDocumentKind, string> = {
  customerInvoice: 'Invoice',
  customerCreditNote: 'Credit note',
  supplierInvoice: 'Supplier invoice',
};

function find(
  ctx: HandlerContext,
  kind: SimDocumentKind,
  number: string | undefined,
  documentType?: string,
): SimDocument {
  const doc = ctx.company.documents.get(documentKey(kind, number ?? ''));
  if (!doc || (documentType !== undefined && doc.documentType.toLowerCase() !== documentType.toLowerCase()))
    throw notFound(`${LABELS[kind]} '${number}'`);
  return doc;
}

function listOf(ctx: HandlerContext, kind: SimDocumentKind): SimDocument[] {
  const q = ctx.req.url.searchParams;
  const ar = kind !== 'supplierInvoice';
  const eq = (name: string, value: string | undefined): boolean =>
    q.get(name) === null || q.get(name) === value;
  const modified = dateFilter(ctx, 'lastModifiedDateTime');
  const createdAt = dateFilter(ctx, 'createdDateTime');
  const dated = dateFilter(ctx, ar ? 'documentDate' : 'docDate');
  const released = q.get('released');
  return [...ctx.company.documents.values()].filter(
    (d) =>
      d.kind === kind &&
      eq(ar ? 'customer' : 'supplier', d.partyNumber) &&
      eq('status', d.status) &&
      eq('financialPeriod', d.financialPeriod) &&
      eq('branch', d.branchNumber) &&
      eq('project', d.project) &&
      (ar ||
        q.get('documentType') === null ||
        q.get('documentType')?.toLowerCase() === d.documentType.toLowerCase()) &&
      (!ar ||
        (eq('externalReference', d.externalReference) && eq('customerRefNumber', d.customerRefNumber))) &&
      (released === null || (released === '1') === (d.status === 'Open' || d.status === 'Closed')) &&
      modified(d.lastModified) &&
      createdAt(d.created) &&
      dated(`${d.date}T00:00:00`),
  );
}

function releaseResult(ctx: HandlerContext, doc: SimDocument): { status: number; body: unknown } {
  const answer = requestRelease(ctx.company, doc, ctx.release);
  return { status: 200, body: answer };
}

/** A background request for `path`, answered `202 {id, stateLocation}` as Visma does for supplier invoice actions. */
function background(
  ctx: HandlerContext,
  fill: (request: SimBackgroundRequest) => SimBackgroundRequest,
  headers: Record<string, string> = {},
): { status: number; headers: Record<string, string>; body: unknown } {
  const id = randomUUID();
  const request: SimBackgroundRequest = {
    id,
    status: 'Started',
    statusCode: 0,
    received: utcTimestamp(),
    originalUri: ctx.req.url.pathname,
  };
  ctx.company.background.set(id, fill(request));
  return { status: 202, headers, body: { id, stateLocation: `${ctx.baseUrl}/v1/background/${id}` } };
}

/** Supplier invoice release: accepted in the background; the request finishes when the release does. */
function releaseSupplierInvoice(ctx: HandlerContext, doc: SimDocument) {
  checkIfMatch(ctx, doc.version, 'Supplier invoice');
  return background(ctx, (request) => {
    try {
      const answer = requestRelease(ctx.company, doc, ctx.release);
      if (answer.actionResult === 'Queued') {
        doc.pendingRelease!.backgroundId = request.id;
        return request;
      }
      if (answer.actionResult === 'Failed')
        return failedRequest(request, answer.errorInfo ?? 'The release failed.');
      return { ...request, status: 'Finished', statusCode: 200, finished: utcTimestamp() };
    } catch (error) {
      if (error instanceof SimFault) return failedRequest(request, faultText(error));
      throw error;
    }
  });
}

function failedRequest(request: SimBackgroundRequest, message: string): SimBackgroundRequest {
  return { ...request, status: 'Failed', statusCode: 400, finished: utcTimestamp(), errorMessage: message };
}

/** Supplier invoice reversal: a debit adjustment, reported through the background request's content. */
function reverseSupplierInvoice(ctx: HandlerContext, doc: SimDocument) {
  checkIfMatch(ctx, doc.version, 'Supplier invoice');
  if (doc.documentType !== 'Invoice')
    throw vismaError(`Error reversing document. Error: Only supplier invoices can be reversed here.`);
  const reversal = reverseDocument(ctx.company, doc);
  return background(
    ctx,
    (request) => ({
      ...request,
      status: 'Finished',
      statusCode: 200,
      finished: utcTimestamp(),
      content: {
        refNbr: reversal.referenceNumber,
        docType: reversal.documentType,
        actionId: randomUUID(),
        actionResult: 'Done',
      },
    }),
    { etag: etagOf(doc.version) },
  );
}

function reverseCustomerInvoice(ctx: HandlerContext, doc: SimDocument) {
  const reversal = reverseDocument(ctx.company, doc);
  const body: Record<string, unknown> = {
    referenceNumber: reversal.referenceNumber,
    actionId: randomUUID(),
    actionResult: 'Done',
  };
  if (record(ctx.req.body).returnCreditNote === true)
    body.creditNoteDto = creditNoteDto(ctx.company, reversal);
  return { status: 200, body };
}

function removed(ctx: HandlerContext, doc: SimDocument) {
  deleteDocument(ctx.company, doc);
  return { status: 204 };
}

const expanded = (ctx: HandlerContext, name: string): boolean =>
  ctx.req.url.searchParams.get(name)?.toLowerCase() === 'true';
const expandNote = (ctx: HandlerContext): boolean => expanded(ctx, 'expandNote');

/** Customer lists carry tax details and applications only when asked (SPEC: `expandTaxDetails`, `expandApplications`). */
function customerList(ctx: HandlerContext, kind: 'customerInvoice' | 'customerCreditNote') {
  const expand = {
    taxDetails: expanded(ctx, 'expandTaxDetails'),
    applications: expanded(ctx, 'expandApplications'),
  };
  return paged(
    ctx,
    listOf(ctx, kind).map((d) => customerDocumentDto(ctx.company, d, expand)),
  );
}

/** Customer invoices, customer credit notes, supplier invoices and the background-request state. */
export const documentHandlers: HandlerTable = {
  CustomerInvoiceV2_Create(ctx) {
    const doc = createDocument(ctx.company, 'customerInvoice', ctx.req.body);
    return created(ctx, '/v1/customerinvoice', doc.referenceNumber);
  },
  CustomerInvoice_GetAll(ctx) {
    return customerList(ctx, 'customerInvoice');
  },
  CustomerInvoice_GetByinvoiceNumber(ctx) {
    return {
      status: 200,
      body: customerDocumentDto(ctx.company, find(ctx, 'customerInvoice', ctx.params.invoiceNumber)),
    };
  },
  CustomerInvoice_UpdateByinvoiceNumber(ctx) {
    updateDocument(ctx.company, find(ctx, 'customerInvoice', ctx.params.invoiceNumber), ctx.req.body);
    return { status: 204 };
  },
  CustomerInvoice_DeleteByinvoiceNumber(ctx) {
    return removed(ctx, find(ctx, 'customerInvoice', ctx.params.invoiceNumber));
  },
  CustomerInvoice_ReleaseInvoiceByinvoiceNumber(ctx) {
    return releaseResult(ctx, find(ctx, 'customerInvoice', ctx.params.invoiceNumber));
  },
  CustomerInvoice_ReverseInvoiceByinvoiceNumber(ctx) {
    return reverseCustomerInvoice(ctx, find(ctx, 'customerInvoice', ctx.params.invoiceNumber));
  },
  CustomerCreditNoteV2_Create(ctx) {
    const doc = createDocument(ctx.company, 'customerCreditNote', ctx.req.body);
    return created(ctx, '/v1/customerCreditNote', doc.referenceNumber);
  },
  CustomerCreditNote_GetAll(ctx) {
    return customerList(ctx, 'customerCreditNote');
  },
  CustomerCreditNote_GetBycreditNoteNumber(ctx) {
    return {
      status: 200,
      body: customerDocumentDto(ctx.company, find(ctx, 'customerCreditNote', ctx.params.creditNoteNumber)),
    };
  },
  CustomerCreditNote_UpdateBycreditNoteNumber(ctx) {
    updateDocument(ctx.company, find(ctx, 'customerCreditNote', ctx.params.creditNoteNumber), ctx.req.body);
    return { status: 204 };
  },
  CustomerCreditNote_DeleteBycreditNoteNumber(ctx) {
    return removed(ctx, find(ctx, 'customerCreditNote', ctx.params.creditNoteNumber));
  },
  CustomerCreditNote_ReleaseDocumentBycreditNoteNumber(ctx) {
    return releaseResult(ctx, find(ctx, 'customerCreditNote', ctx.params.creditNoteNumber));
  },
  SupplierInvoice_Post(ctx) {
    const doc = createDocument(ctx.company, 'supplierInvoice', ctx.req.body);
    return created(ctx, '/v1/supplierInvoice', doc.referenceNumber, { etag: etagOf(doc.version) });
  },
  SupplierInvoice_GetAllInvoices(ctx) {
    const withNote = expandNote(ctx);
    return paged(
      ctx,
      listOf(ctx, 'supplierInvoice').map((d) => supplierInvoiceDto(ctx.company, d, withNote)),
    );
  },
  SupplierInvoice_GetByinvoiceNumber(ctx) {
    const doc = find(ctx, 'supplierInvoice', ctx.params.invoiceNumber);
    return {
      status: 200,
      headers: { etag: etagOf(doc.version) },
      body: supplierInvoiceDto(ctx.company, doc),
    };
  },
  SupplierInvoice_GetByTypeBydocumentTypeinvoiceNumber(ctx) {
    const doc = find(ctx, 'supplierInvoice', ctx.params.invoiceNumber, ctx.params.documentType);
    return {
      status: 200,
      headers: { etag: etagOf(doc.version) },
      body: supplierInvoiceDto(ctx.company, doc),
    };
  },
  SupplierInvoice_PutByinvoiceNumber(ctx) {
    const doc = find(ctx, 'supplierInvoice', ctx.params.invoiceNumber);
    checkIfMatch(ctx, doc.version, 'Supplier invoice');
    updateDocument(ctx.company, doc, ctx.req.body);
    return { status: 204, headers: { etag: etagOf(doc.version) } };
  },
  SupplierInvoice_DeleteByinvoiceNumber(ctx) {
    return removed(ctx, find(ctx, 'supplierInvoice', ctx.params.invoiceNumber));
  },
  SupplierInvoice_DeleteBydocumentTypeinvoiceNumber(ctx) {
    return removed(ctx, find(ctx, 'supplierInvoice', ctx.params.invoiceNumber, ctx.params.documentType));
  },
  SupplierInvoice_ReleaseInvoiceByinvoiceNumber(ctx) {
    return releaseSupplierInvoice(ctx, find(ctx, 'supplierInvoice', ctx.params.invoiceNumber));
  },
  SupplierInvoice_ReleaseInvoiceByTypeBydocumentTypeinvoiceNumber(ctx) {
    return releaseSupplierInvoice(
      ctx,
      find(ctx, 'supplierInvoice', ctx.params.invoiceNumber, ctx.params.documentType),
    );
  },
  SupplierInvoice_ReverseInvoiceBydocumentTypeinvoiceNumber(ctx) {
    return reverseSupplierInvoice(
      ctx,
      find(ctx, 'supplierInvoice', ctx.params.invoiceNumber, ctx.params.documentType),
    );
  },
  Background_GetBackgroundApiOperationByrequestId(ctx) {
    const r = ctx.company.background.get(ctx.params.requestId ?? '');
    if (!r) throw notFound(`Background request '${ctx.params.requestId}'`);
    return {
      status: 200,
      body: {
        id: r.id,
        status: r.status,
        statusCode: r.statusCode,
        receivedUtc: r.received,
        startedUtc: r.received,
        ...(r.finished ? { finishedUtc: r.finished } : {}),
        ...(r.errorMessage ? { errorMessage: r.errorMessage } : {}),
        webhookAddress: 'none',
        originalUri: r.originalUri,
        hasResponseContent: r.content !== undefined,
        ...(r.content !== undefined
          ? { contentLocation: `${ctx.baseUrl}/v1/background/${r.id}/content` }
          : {}),
        hasRequestContent: false,
      },
    };
  },
  Background_GetBackgroundApiOperationContentByrequestId(ctx) {
    const r = ctx.company.background.get(ctx.params.requestId ?? '');
    if (r?.content === undefined) throw notFound(`Background response content '${ctx.params.requestId}'`);
    return { status: 200, body: r.content };
  },
};
