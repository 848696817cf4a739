import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import type { CompanyState, SimBatch, SimBatchLine } from './model';
import { nextNumber, nowIn } from './model';
import { periodForDate } from './calendar';
import { vismaError, periodText } from './errors';
import { bool, dec, localDate, record, str } from './unwrap';

/** A refusal of a manual journal, worded like the document refusals (**assumption** on the exact text). */
function journalError(action: 'creating' | 'releasing', detail: string) {
  return vismaError(`Error ${action} journal transaction. Error: ${detail}`);
}

function amountOf(field: unknown, where: string): Decimal {
  const raw = dec(field);
  const value = new Decimal(raw ?? 0);
  if (value.isNegative()) throw journalError('creating', `The amount cannot be negative (${where}).`);
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

function segmentsOf(company: CompanyState, raw: unknown, where: string): string | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const values = raw.map(record).map((s) => {
    const segment = company.segments.find((x) => x.segmentId === s.segmentId);
    const value = segment?.values.find((v) => v.valueId === s.segmentValue);
    if (!value?.active)
      throw journalError(
        'creating',
        `Subaccount segment ${String(s.segmentId)} value '${String(s.segmentValue)}' cannot be found in the system (${where}).`,
      );
    return value.valueId;
  });
  return values.join('-');
}

function lineOf(company: CompanyState, raw: Record<string, unknown>, lineNumber: number): SimBatchLine {
  const where = `line ${lineNumber}`;
  const accountNumber = str(raw.accountNumber);
  if (!accountNumber) throw journalError('creating', `'Account' cannot be empty on ${where}.`);
  const account = company.accounts.get(accountNumber);
  if (!account)
    throw journalError('creating', `Account '${accountNumber}' cannot be found in the system (${where}).`);
  if (!account.active) throw journalError('creating', `Account '${accountNumber}' is inactive (${where}).`);
  // Acumatica: a control account takes postings only from its own module (`allowManualEntry: false`).
  if (account.controlAccountModule)
    throw journalError(
      'creating',
      `Account '${accountNumber}' is a control account of the ${account.controlAccountModule} module and cannot be used in a journal transaction (${where}).`,
    );
  const branch = str(raw.branch);
  if (branch && !company.branches.has(branch))
    throw journalError('creating', `Branch '${branch}' cannot be found in the system (${where}).`);
  const vatCodeId = str(raw.vatCodeId) ?? str(raw.vatId);
  if (vatCodeId && !company.vatCodes.has(vatCodeId))
    throw journalError('creating', `TaxID '${vatCodeId}' cannot be found in the system (${where}).`);
  const subaccountNumber = segmentsOf(company, raw.subaccount, where);
  const description = str(raw.transactionDescription) ?? '';
  return {
    lineNumber,
    accountNumber,
    ...(subaccountNumber ? { subaccountNumber } : {}),
    referenceNumber: str(raw.referenceNumber) ?? '',
    debit: amountOf(raw.debitAmountInCurrency, where).toFixed(2),
    credit: amountOf(raw.creditAmountInCurrency, where).toFixed(2),
    description,
    ...(vatCodeId ? { vatCodeId } : {}),
    partyNumber: '',
    ...(branch ? { branchNumber: branch } : {}),
  };
}

/**
 * Creates a manual GL batch from a `JournalTransactionUpdateDto`: module GL, `Balanced` (or `Hold`), numbered from the
 * batch series (or its own number with `overrideNumberSeries`). It counts in the balances only once released.
 */
export function createManualJournal(company: CompanyState, body: unknown): SimBatch {
  const b = record(body);
  const now = nowIn(company);
  const date = localDate(b.transactionDate) ?? now.slice(0, 10);
  const financialPeriod = str(b.financialPeriod) ?? str(b.postPeriod) ?? periodForDate(company, date)?.period;
  if (!financialPeriod)
    throw journalError(
      'creating',
      `The date ${date} does not fall in any financial period defined in the system.`,
    );
  assertGlPeriodOpen(company, financialPeriod, 'creating');
  const ledger = str(b.ledger);
  if (ledger && ledger.toUpperCase() !== 'ACTUAL')
    throw journalError('creating', `Ledger '${ledger}' cannot be found in the system.`);
  const branch = str(b.branch);
  if (branch && !company.branches.has(branch))
    throw journalError('creating', `Branch '${branch}' cannot be found in the system.`);
  const raw = Array.isArray(b.journalTransactionLines) ? b.journalTransactionLines.map(record) : [];
  const inserted = raw.filter((l) => (l.operation ?? 'Insert') === 'Insert');
  if (inserted.length === 0)
    throw journalError('creating', 'The journal transaction must have at least one line.');
  const own = str(b.batchNumber);
  const batchNumber = own && bool(b.overrideNumberSeries) ? own : nextNumber(company, 'batch');
  if (company.batches.has(batchNumber))
    throw journalError('creating', `Journal transaction '${batchNumber}' already exists.`);
  const batch: SimBatch = {
    module: 'GL',
    batchNumber,
    status: bool(b.hold) ? 'Hold' : 'Balanced',
    transactionDate: date,
    financialPeriod,
    description: str(b.description) ?? '',
    currencyId: str(b.currencyId) ?? company.baseCurrency,
    ...(branch ? { branchNumber: branch } : {}),
    lines: inserted.map((l, i) => lineOf(company, l, i + 1)),
    lastModified: now,
  };
  company.batches.set(batch.batchNumber, batch);
  return batch;
}

function assertGlPeriodOpen(company: CompanyState, period: string, action: 'creating' | 'releasing'): void {
  const p = company.periods.get(period);
  if (!p) throw journalError(action, `Financial period ${periodText(period)} is not defined in the system.`);
  if (p.closedInGeneralLedger)
    throw journalError(action, `The financial period ${periodText(period)} is closed in the General Ledger.`);
}

/**
 * Releases a manual batch (and posts it: "post on release", see `gl-balances.ts`). Refused: a batch already posted
 * (every AR/AP batch), one on hold, one out of balance, one in a period closed in the General Ledger.
 */
export function releaseManualJournal(
  company: CompanyState,
  batch: SimBatch,
): { actionId: string; actionResult: 'Done' } {
  if (batch.status === 'Posted')
    throw journalError('releasing', `Journal transaction '${batch.batchNumber}' is already released.`);
  if (batch.status === 'Hold')
    throw journalError(
      'releasing',
      `Journal transaction '${batch.batchNumber}' is on hold and cannot be released.`,
    );
  const debit = batch.lines.reduce((s, l) => s.plus(l.debit), new Decimal(0));
  const credit = batch.lines.reduce((s, l) => s.plus(l.credit), new Decimal(0));
  if (!debit.equals(credit))
    throw journalError(
      'releasing',
      `The batch is out of balance: debit ${debit.toFixed(2)}, credit ${credit.toFixed(2)}.`,
    );
  assertGlPeriodOpen(company, batch.financialPeriod, 'releasing');
  batch.status = 'Posted';
  batch.lastModified = nowIn(company);
  return { actionId: randomUUID(), actionResult: 'Done' };
}
