import type { HandlerContext, HandlerTable } from '../context';
import { created, normaliseTimestamp, paged } from '../context';
import type { SimBatch, SimBatchLine } from '../model';
import { notFound, vismaError } from '../errors';
import { journalDto } from '../dto-documents';
import { createManualJournal, releaseManualJournal } from '../manual-journal';
import { balanceRows, yearClosed } from '../gl-balances';
import type { BalanceRow } from '../gl-balances';

const n = (d: { toFixed(places: number): string }): number => Number(d.toFixed(2));

/** GeneralLedgerBalanceDto of one row (the company has one currency, so the `…InCurrency` figures are the same). */
function balanceDto(ctx: HandlerContext, row: BalanceRow): Record<string, unknown> {
  const account = row.account;
  const sub = row.subaccountNumber ? ctx.company.subaccounts.get(row.subaccountNumber) : undefined;
  return {
    branch: { number: row.branchNumber, name: ctx.company.branches.get(row.branchNumber)?.name ?? '' },
    ledger: { id: 'ACTUAL', description: 'Actual ledger' },
    balanceType: 'Actual',
    financialPeriod: row.period.period,
    account: {
      ...(account.type ? { type: account.type } : {}),
      number: account.accountCD,
      description: account.description ?? '',
    },
    ...(row.subaccountNumber
      ? { subAccountCd: row.subaccountNumber, ...(sub ? { subaccountId: String(sub.subaccountId) } : {}) }
      : {}),
    currencyId: ctx.company.baseCurrency,
    periodToDateDebit: n(row.debit),
    periodToDateCredit: n(row.credit),
    beginningBalance: n(row.beginning),
    yearToDateBalance: n(row.ending),
    periodToDateDebitInCurrency: n(row.debit),
    periodToDateCreditInCurrency: n(row.credit),
    beginningBalanceInCurrency: n(row.beginning),
    yearToDateBalanceInCurrency: n(row.ending),
    yearClosed: yearClosed(ctx.company, row.period),
    lastModifiedDateTime: row.lastModified,
  };
}

/**
 * GL balances per branch, account and subaccount. `ledger` other than ACTUAL and `balanceType` other than Actual
 * have no rows (the simulator keeps only the actual ledger); `excludeYTDAccount` has nothing to exclude.
 */
function generalLedgerBalances(ctx: HandlerContext) {
  const q = ctx.req.url.searchParams;
  const periodId = q.get('periodId') ?? undefined;
  const modifiedRaw = q.get('lastModifiedDateTime') ?? undefined;
  if (periodId === undefined && modifiedRaw === undefined)
    throw vismaError("PeriodId is mandatory if 'LastModifiedDateTime' is not provided.");
  const ledger = q.get('ledger');
  const balanceType = q.get('balanceType');
  const other =
    (ledger !== null && ledger.toUpperCase() !== 'ACTUAL') ||
    (balanceType !== null && balanceType !== 'Actual');
  const rows = other
    ? []
    : balanceRows(ctx.company, {
        periodId,
        account: q.get('account') ?? undefined,
        branch: q.get('branch') ?? undefined,
        modifiedSince: modifiedRaw === undefined ? undefined : normaliseTimestamp(modifiedRaw),
        toggleSigns: q.get('toggleBalanceSigns')?.toLowerCase() === 'true',
      });
  return paged(
    ctx,
    rows.map((r) => balanceDto(ctx, r)),
  );
}

function batchOf(ctx: HandlerContext): SimBatch {
  const batch = ctx.company.batches.get(ctx.params.journalTransactionNumber ?? '');
  if (!batch) throw notFound(`Journal transaction '${ctx.params.journalTransactionNumber}'`);
  return batch;
}

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
    const status = q.get('status');
    const releasedRaw = q.get('releasedBatch')?.toLowerCase();
    const released = releasedRaw === undefined ? undefined : releasedRaw === 'true';
    const batches = [...ctx.company.batches.values()].filter(
      (b) =>
        (periodId === null || b.financialPeriod === periodId) &&
        (module === undefined || b.module === module) &&
        (branch === null || b.branchNumber === branch) &&
        (status === null || b.status === status) &&
        (released === undefined || (b.status === 'Posted') === released) &&
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
    return { status: 200, body: journalDto(ctx.company, batchOf(ctx)) };
  },
  JournalTransactionV2_Post(ctx) {
    const batch = createManualJournal(ctx.company, ctx.req.body);
    return created(ctx, '/v2/journaltransaction', batch.batchNumber);
  },
  JournalTransactionV2_ReleaseJournalTransactionByjournalTransactionNumber(ctx) {
    return { status: 200, body: releaseManualJournal(ctx.company, batchOf(ctx)) };
  },
  GeneralLedgerBalanceV2_GetGeneralLedgerBalances: generalLedgerBalances,
};
