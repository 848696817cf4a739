import { z } from 'zod';
import { exportFeed, listByIds, paginate, query } from '../paging';
import type { ExportPage, RecordOptions } from '../paging';
import { ExportInvoiceItem, Invoice, MarkInvoiceExportedResult } from '../schemas/invoices';
import type { StTransport } from '../transport';

/** ServiceTitan's invoice transaction statuses. */
export type InvoiceStatus = 'Pending' | 'Posted' | 'Exported';

/** Filters of the invoice list. */
export interface InvoiceFilter {
  modifiedOnOrAfter?: string | Date;
  modifiedBefore?: string | Date;
  invoicedOnOrAfter?: string | Date;
  invoicedOnBefore?: string | Date;
  statuses?: InvoiceStatus[];
  /** Fetched in batches of 50. */
  ids?: number[];
  pageSize?: number;
}

/** One entry of `invoices/markasexported`: the Visma document number goes in `externalId`. */
export interface MarkInvoiceExported {
  invoiceId: number;
  externalId?: string | null;
  externalMessage?: string | null;
}

/** Invoice endpoints: list, export feeds and mark-as-exported. */
export function invoiceEndpoints(t: StTransport) {
  const base = { module: 'accounting', method: 'GET', scope: 'tn.acc.invoices:r' } as const;
  return {
    /**
     * Streams invoices matching `filter`, one page in memory at a time. An invoice that does not fit the schema goes
     * to `options.onRejected` (resource `invoices`) and the others keep coming; without it, it stops the list.
     */
    list(filter: InvoiceFilter = {}, options: RecordOptions = {}): AsyncGenerator<Invoice> {
      const { ids, pageSize, ...rest } = filter;
      const req = { ...base, endpoint: 'Invoices_GetList', path: '/invoices', query: query(rest) };
      const records = { ...options, resource: 'invoices' };
      return ids ? listByIds(t, req, Invoice, ids, records) : paginate(t, req, Invoice, pageSize, records);
    },
    /**
     * Streams the invoice export feed from `from` (a date such as `2026-01-01` or a saved `continueFrom`) until a page
     * says `hasMore: false` or is empty. Invoices that do not fit the schema go to `options.onRejected`.
     */
    exportFeed(from?: string, options: RecordOptions = {}): AsyncGenerator<ExportPage<Invoice>> {
      const req = { ...base, endpoint: 'Export_Invoices', path: '/export/invoices' };
      return exportFeed(t, req, Invoice, from, { ...options, resource: 'invoices' });
    },
    /** Streams the invoice-items export feed (lines with their invoice id); rejected lines go to `options.onRejected`. */
    exportItems(from?: string, options: RecordOptions = {}): AsyncGenerator<ExportPage<ExportInvoiceItem>> {
      const req = {
        ...base,
        endpoint: 'Export_InvoiceItems',
        path: '/export/invoice-items',
        scope: 'tn.acc.invoiceitems:r',
      } as const;
      return exportFeed(t, req, ExportInvoiceItem, from, { ...options, resource: 'invoice-items' });
    },
    /** Marks invoices exported (50 per call). Never retried after it may have landed. */
    async markAsExported(entries: MarkInvoiceExported[]): Promise<MarkInvoiceExportedResult[]> {
      const results: MarkInvoiceExportedResult[] = [];
      for (let i = 0; i < entries.length; i += 50) {
        const body = entries.slice(i, i + 50).map((e) => ({
          invoiceId: e.invoiceId,
          ...(e.externalId !== undefined && { externalId: e.externalId }),
          ...(e.externalMessage !== undefined && { externalMessage: e.externalMessage }),
        }));
        const req = {
          ...base,
          method: 'POST',
          scope: 'tn.acc.invoices:w',
          endpoint: 'Invoices_MarkAsExported',
          path: '/invoices/markasexported',
          body,
        } as const;
        results.push(...(await t.send(req, z.array(MarkInvoiceExportedResult))));
      }
      return results;
    },
  };
}
