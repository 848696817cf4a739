import { GeneralLedgerBalance, JournalTransaction } from '../schemas';
import { readAllPages } from '../paging';
import type { EndpointDeps } from './shared';
import { getOrNull, seg } from './shared';

/** Which GL batches to read: the module that wrote them and the financial period `YYYYMM`. */
export interface BatchQuery {
  module: 'AR' | 'AP' | 'GL';
  period: string;
}

/** A GL batch found for a document. */
export interface GlBatchRef {
  batchNumber: string;
  module: string;
  financialPeriod: string | undefined;
  status: string | undefined;
}

/** Journal transactions (the GL batches that releases write, by module, period and document number) and GL balances. */
export function journalEndpoints(deps: EndpointDeps) {
  const { transport, paging } = deps;

  /** Every batch of a module and period, in one paged read. Pages count lines, so batches split over pages are merged. */
  async function listGlBatches(query: BatchQuery): Promise<JournalTransaction[]> {
    const parts = await readAllPages(
      transport,
      {
        path: '/v2/journaltransaction',
        endpoint: 'GET /v2/journaltransaction',
        query: { module: query.module, periodId: query.period },
      },
      JournalTransaction,
      { ...paging, unitsOf: (b) => Math.max(1, b.lines.length) },
    );
    const merged = new Map<string, JournalTransaction>();
    for (const part of parts) {
      const seen = merged.get(part.batchNumber);
      if (!seen) merged.set(part.batchNumber, { ...part, lines: [...part.lines] });
      else
        for (const line of part.lines)
          if (!seen.lines.some((l) => l.lineNumber === line.lineNumber)) seen.lines.push(line);
    }
    return [...merged.values()];
  }

  /** Document number → batch number for every batch line of a module and period (for bulk look-ups). */
  async function glBatchNumbersByReference(query: BatchQuery): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const batch of await listGlBatches(query)) {
      for (const line of batch.lines)
        if (line.referenceNumber && !out.has(line.referenceNumber))
          out.set(line.referenceNumber, batch.batchNumber);
    }
    return out;
  }

  return {
    /**
     * The general ledger's balance rows of a financial period (`YYYYPP`), every page at the largest page size: one row
     * per branch, account and subaccount, so an account can have several (the caller sums them). Actual balances only.
     */
    listGlBalances: (period: string, filter: { account?: string } = {}): Promise<GeneralLedgerBalance[]> =>
      readAllPages(
        transport,
        {
          path: '/v2/generalLedgerBalance',
          endpoint: 'GET /v2/generalLedgerBalance',
          query: { periodId: period, account: filter.account, balanceType: 'Actual' },
        },
        GeneralLedgerBalance,
        paging,
      ),
    listGlBatches,
    glBatchNumbersByReference,
    /** The GL batch a released document wrote (its lines carry the document number as `referenceNumber`), or null. */
    findGlBatch: async (query: BatchQuery & { referenceNumber: string }): Promise<GlBatchRef | null> => {
      for (const batch of await listGlBatches(query)) {
        if (batch.lines.some((l) => l.referenceNumber === query.referenceNumber)) {
          return {
            batchNumber: batch.batchNumber,
            module: batch.module,
            financialPeriod: batch.financialPeriod,
            status: batch.status,
          };
        }
      }
      return null;
    },
    /** One GL batch by number, or null. */
    getGlBatch: async (batchNumber: string) =>
      (
        await getOrNull(
          deps,
          {
            path: `/v2/journaltransaction/${seg(batchNumber)}`,
            endpoint: 'GET /v2/journaltransaction/{journalTransactionNumber}',
          },
          JournalTransaction,
        )
      )?.value ?? null,
  };
}
