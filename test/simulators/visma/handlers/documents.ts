import { randomUUID } from 'node:crypto';
import type { HandlerContext, HandlerTable } from '../context';
import { created, dateFilter, paged } from '../context';
import type { SimDocument, SimDocumentKind } from '../model';
import { documentKey } from '../model';
import { notFound, SimFault } from '../errors';
import { createDocument, updateDocument } from '../documents';
import { releaseDocument } from '../release';
import { customerDocumentDto, supplierInvoiceDto } from '../dto-documents';
import { etagOf } from '../dto-master';
import { checkIfMatch } from './parties';
import { timestamp } from '../clock';

function find(ctx: HandlerContext, kind: SimDocumentKind, number: string | undefined): SimDocument {
  const doc = ctx.company.documents.get(documentKey(kind, number ?? ''));
  if (!doc)
    throw notFound(
      `${kind === 'supplierInvoice' ? 'Supplier invoice' : kind === 'customerInvoice' ? 'Invoice' : 'Credit note'} '${number}'`,
    );
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
      (!ar ||
        (eq('externalReference', d.externalReference) && eq('customerRefNumber', d.customerRefNumber))) &&
      (released === null || (released === '1') === (d.status === 'Open' || d.status === 'Closed')) &&
      modified(d.lastModified) &&
      createdAt(d.created) &&
      dated(`${d.date}T00:00:00`),
  );
}

function releaseResult(
  ctx: HandlerContext,
  kind: SimDocumentKind,
  number: string | undefined,
): { status: number; body: unknown } {
  releaseDocument(ctx.company, find(ctx, kind, number));
  return { status: 200, body: { actionId: randomUUID(), actionResult: 'Done' } };
}

/** Customer invoices, customer credit notes, supplier invoices and the background-request state. */
export const documentHandlers: HandlerTable = {
  CustomerInvoiceV2_Create(ctx) {
    const doc = createDocument(ctx.company, 'customerInvoice', ctx.req.body);
    return created(ctx, '/v1/customerinvoice', doc.referenceNumber);
  },
  CustomerInvoice_GetAll(ctx) {
    return paged(
      ctx,
      listOf(ctx, 'customerInvoice').map((d) => customerDocumentDto(ctx.company, d)),
    );
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
  CustomerInvoice_ReleaseInvoiceByinvoiceNumber(ctx) {
    return releaseResult(ctx, 'customerInvoice', ctx.params.invoiceNumber);
  },
  CustomerCreditNoteV2_Create(ctx) {
    const doc = createDocument(ctx.company, 'customerCreditNote', ctx.req.body);
    return created(ctx, '/v1/customerCreditNote', doc.referenceNumber);
  },
  CustomerCreditNote_GetAll(ctx) {
    return paged(
      ctx,
      listOf(ctx, 'customerCreditNote').map((d) => customerDocumentDto(ctx.company, d)),
    );
  },
  CustomerCreditNote_GetBycreditNoteNumber(ctx) {
    return {
      status: 200,
      body: customerDocumentDto(ctx.company, find(ctx, 'customerCreditNote', ctx.params.creditNoteNumber)),
    };
  },
  CustomerCreditNote_ReleaseDocumentBycreditNoteNumber(ctx) {
    return releaseResult(ctx, 'customerCreditNote', ctx.params.creditNoteNumber);
  },
  SupplierInvoice_Post(ctx) {
    const doc = createDocument(ctx.company, 'supplierInvoice', ctx.req.body);
    return created(ctx, '/v1/supplierInvoice', doc.referenceNumber, { etag: etagOf(doc.version) });
  },
  SupplierInvoice_GetAllInvoices(ctx) {
    return paged(
      ctx,
      listOf(ctx, 'supplierInvoice').map((d) => supplierInvoiceDto(ctx.company, d)),
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
  SupplierInvoice_PutByinvoiceNumber(ctx) {
    const doc = find(ctx, 'supplierInvoice', ctx.params.invoiceNumber);
    checkIfMatch(ctx, doc.version, 'Supplier invoice');
    updateDocument(ctx.company, doc, ctx.req.body);
    return { status: 204, headers: { etag: etagOf(doc.version) } };
  },
  SupplierInvoice_ReleaseInvoiceByinvoiceNumber(ctx) {
    const doc = find(ctx, 'supplierInvoice', ctx.params.invoiceNumber);
    const id = randomUUID();
    const request = {
      id,
      status: 'Started' as const,
      statusCode: 0,
      received: timestamp(),
      originalUri: ctx.req.url.pathname,
    };
    ctx.company.background.set(id, request);
    try {
      releaseDocument(ctx.company, doc);
      ctx.company.background.set(id, {
        ...request,
        status: 'Finished',
        statusCode: 200,
        finished: timestamp(),
      });
    } catch (e) {
      const message =
        e instanceof SimFault ? String((e.response.body as { message?: string }).message) : String(e);
      ctx.company.background.set(id, {
        ...request,
        status: 'Failed',
        statusCode: 400,
        finished: timestamp(),
        errorMessage: message,
      });
    }
    return { status: 202, body: { id, stateLocation: `${ctx.baseUrl}/v1/background/${id}` } };
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
        originalUri: r.originalUri,
        hasResponseContent: false,
        hasRequestContent: false,
      },
    };
  },
};
