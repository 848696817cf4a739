import { z } from 'zod';
import { listByIds, paginate, query } from '../paging';
import type { RecordOptions } from '../paging';
import {
  ApBill,
  InventoryBill,
  MarkApBillExportedResult,
  MarkInventoryBillExportedResult,
} from '../schemas/bills';
import type { StTransport } from '../transport';

/** Sync statuses of AP and inventory bills. */
export type BillSyncStatus = 'Pending' | 'Posted' | 'Exported' | 'PostedAndExported';

/** Filters of the AP bill and inventory bill lists. */
export interface BillFilter {
  /** `Procurement` (ServiceTitan's default: bills from received POs) or `ApBill` (standalone). */
  billType?: 'NotSet' | 'Procurement' | 'ApBill';
  syncStatuses?: BillSyncStatus[];
  /** Bills created on or after / on or before (ServiceTitan's `dateFrom`/`dateTo`). */
  dateFrom?: string | Date;
  dateTo?: string | Date;
  modifiedOnOrAfter?: string | Date;
  modifiedBefore?: string | Date;
  ids?: number[];
  pageSize?: number;
}

async function markInBatches<T>(ids: number[], send: (batch: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 50) out.push(...(await send(ids.slice(i, i + 50))));
  return out;
}

/** AP bill endpoints: list, get one, mark as exported. */
export function apBillEndpoints(t: StTransport) {
  const base = { module: 'accounting', method: 'GET', scope: 'tn.acc.apbills:r' } as const;
  return {
    /** Streams AP bills matching `filter`; a bill that does not fit the schema goes to `options.onRejected` (`ap-bills`). */
    list(filter: BillFilter = {}, options: RecordOptions = {}): AsyncGenerator<ApBill> {
      const { ids, pageSize, ...rest } = filter;
      const req = { ...base, endpoint: 'ApBills_GetListPaginated', path: '/ap-bills', query: query(rest) };
      const records = { ...options, resource: 'ap-bills' };
      return ids ? listByIds(t, req, ApBill, ids, records) : paginate(t, req, ApBill, pageSize, records);
    },
    /** One AP bill by id. */
    get(billId: number): Promise<ApBill> {
      const req = {
        ...base,
        endpoint: 'ApBills_GetById',
        path: `/ap-bills/${billId}`,
        what: `AP bill ${billId}`,
      };
      return t.send(req, ApBill);
    },
    /** Marks AP bills exported (50 per call). Never retried after it may have landed. */
    markAsExported(billIds: number[]): Promise<MarkApBillExportedResult[]> {
      return markInBatches(billIds, (batch) =>
        t.send(
          {
            ...base,
            method: 'POST',
            scope: 'tn.acc.apbills:w',
            endpoint: 'ApBills_MarkAsExported',
            path: '/ap-bills/markasexported',
            body: { billIds: batch },
          },
          z.array(MarkApBillExportedResult),
        ),
      );
    },
  };
}

/** Inventory bill endpoints: paginated list, mark as exported. */
export function inventoryBillEndpoints(t: StTransport) {
  const base = { module: 'accounting', method: 'GET', scope: 'tn.acc.inventorybills:r' } as const;
  return {
    /** Streams inventory bills (the paginated variant); rejected bills go to `options.onRejected` (`inventory-bills`). */
    list(filter: BillFilter = {}, options: RecordOptions = {}): AsyncGenerator<InventoryBill> {
      const { ids, pageSize, ...rest } = filter;
      const req = {
        ...base,
        endpoint: 'InventoryBills_GetListPaginated',
        path: '/inventory-bills/paginated',
        query: query(rest),
      };
      const records = { ...options, resource: 'inventory-bills' };
      return ids
        ? listByIds(t, req, InventoryBill, ids, records)
        : paginate(t, req, InventoryBill, pageSize, records);
    },
    /** Marks inventory bills exported (50 per call). Never retried after it may have landed. */
    markAsExported(inventoryBillIds: number[]): Promise<MarkInventoryBillExportedResult[]> {
      return markInBatches(inventoryBillIds, (batch) =>
        t.send(
          {
            ...base,
            method: 'POST',
            scope: 'tn.acc.inventorybills:w',
            endpoint: 'InventoryBills_MarkAsExported',
            path: '/inventory-bills/markasexported',
            body: { inventoryBillIds: batch },
          },
          z.array(MarkInventoryBillExportedResult),
        ),
      );
    },
  };
}
