import type { HandlerTable } from '../context';
import { normaliseTimestamp, paged } from '../context';
import type { SimBatch, SimBatchLine } from '../model';
import { notFound, vismaError } from '../errors';
import { journalDto } from '../dto-documents';

/**
 * Journal transactions (v2). As in Visma, `pageSize`/`totalCount` count *lines*, so one batch can be split across
 * pages: each page holds the batches whose lines fall on it, with just those lines.
 */
export const journalHandlers: HandlerTable = {
  JournalTransactionV2_GetAllJournalTransactions(ctx) {
    const q = ctx.req.url.searchParams;
    const periodId = q.get('periodId');
    const modifiedRaw = q.get('lastModifiedDateTime');
    if (periodId === null && modifiedRaw === null)
      throw vismaError("PeriodId is mandatory if 'LastModifiedDateTime' is not provided.");
    const modified = modifiedRaw === null ? undefined : normaliseTimestamp(modifiedRaw);
    const module = q.get('module')?.toUpperCase();
    const branch = q.get('branch');
    const batches = [...ctx.company.batches.values()].filter(
      (b) =>
        (periodId === null || b.financialPeriod === periodId) &&
        (module === undefined || b.module === module) &&
        (branch === null || b.branchNumber === branch) &&
        (modified === undefined || normaliseTimestamp(b.lastModified) >= modified),
    );
    const lines: { batch: SimBatch; line: SimBatchLine }[] = batches.flatMap((batch) =>
      batch.lines.map((line) => ({ batch, line })),
    );
    const page = paged(ctx, lines);
    const slice = (page.body as { batch: SimBatch; line: SimBatchLine; metadata: unknown }[]) ?? [];
    const grouped = new Map<string, { batch: SimBatch; lines: SimBatchLine[]; metadata: unknown }>();
    for (const entry of slice) {
      const g = grouped.get(entry.batch.batchNumber) ?? {
        batch: entry.batch,
        lines: [],
        metadata: entry.metadata,
      };
      g.lines.push(entry.line);
      grouped.set(entry.batch.batchNumber, g);
    }
    return {
      status: 200,
      body: [...grouped.values()].map((g) => ({
        ...journalDto(ctx.company, g.batch, g.lines),
        metadata: g.metadata,
      })),
    };
  },
  JournalTransactionV2_GetSpecificJournalTransactionsByjournalTransactionNumber(ctx) {
    const batch = ctx.company.batches.get(ctx.params.journalTransactionNumber ?? '');
    if (!batch) throw notFound(`Journal transaction '${ctx.params.journalTransactionNumber}'`);
    return { status: 200, body: journalDto(ctx.company, batch) };
  },
};
