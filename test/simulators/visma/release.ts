import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import type { CompanyState, SimBatch, SimBatchLine, SimDocument } from './model';
import { documentKey, nextNumber, nextVersion, nowIn } from './model';
import { assertLinesPostable, assertPeriodOpen } from './documents';
import { SimFault, documentError, inProgressError } from './errors';
import { utcTimestamp } from './clock';
import type { ReleasePolicy } from './release-policy';

/** What a release action answers: `Queued` means the document is still Balanced. */
export interface ReleaseAnswer {
  actionId: string;
  actionResult: 'Queued' | 'Failed' | 'Done';
  errorInfo?: string;
}

/**
 * Answers a release action under the release policy. Refused at once (400): a released document, one on hold, and one
 * whose earlier release has not finished ("The previous operation has not been completed yet.", Acumatica's text for a
 * second long-running operation on the same record). Period and account checks run when the release is carried out:
 * in the call for `instant`, in the background otherwise (a failure then lands in the document's `errorInfo`).
 */
export function requestRelease(
  company: CompanyState,
  doc: SimDocument,
  policy: ReleasePolicy,
  now = Date.now(),
): ReleaseAnswer {
  assertReleasable(doc);
  const { mode, delayMs, errorInfo } = policy.forDocument(company, doc);
  const actionId = randomUUID();
  if (mode === 'instant') {
    releaseDocument(company, doc);
    return { actionId, actionResult: 'Done' };
  }
  if (mode === 'fail-now') {
    markFailed(company, doc, errorInfo);
    return { actionId, actionResult: 'Failed', errorInfo };
  }
  // The new attempt replaces the last one: its failure text no longer applies.
  delete doc.errorInfo;
  doc.pendingRelease = {
    actionId,
    dueAt: mode === 'never' ? null : now + delayMs,
    outcome: mode === 'fail-later' ? 'fail' : 'release',
    ...(mode === 'fail-later' ? { errorInfo } : {}),
  };
  return { actionId, actionResult: 'Queued' };
}

/** Refuses a release that cannot start: already released, on hold, or still being released. */
export function assertReleasable(doc: SimDocument): void {
  if (doc.status === 'Open' || doc.status === 'Closed')
    throw documentError('releasing', `Document '${doc.referenceNumber}' is already released.`);
  if (doc.hold)
    throw documentError('releasing', `Document '${doc.referenceNumber}' is on hold and cannot be released.`);
  if (doc.pendingRelease) throw inProgressError('releasing');
}

/** Finishes every background release that is due by `now` (called before each request is answered). */
export function settleReleases(company: CompanyState, now = Date.now()): void {
  for (const doc of company.documents.values()) {
    const pending = doc.pendingRelease;
    if (!pending || pending.dueAt === null || pending.dueAt > now) continue;
    delete doc.pendingRelease;
    let failure = pending.outcome === 'fail' ? (pending.errorInfo ?? 'The release failed.') : undefined;
    if (failure === undefined) {
      try {
        releaseDocument(company, doc);
      } catch (error) {
        if (!(error instanceof SimFault)) throw error;
        failure = faultText(error);
      }
    }
    if (failure !== undefined) markFailed(company, doc, failure);
    if (pending.backgroundId) finishBackground(company, pending.backgroundId, failure);
  }
}

function markFailed(company: CompanyState, doc: SimDocument, errorInfo: string): void {
  doc.errorInfo = errorInfo;
  doc.version = nextVersion(company);
  doc.lastModified = nowIn(company);
}

function finishBackground(company: CompanyState, id: string, failure: string | undefined): void {
  const request = company.background.get(id);
  if (!request) return;
  company.background.set(id, {
    ...request,
    status: failure === undefined ? 'Finished' : 'Failed',
    statusCode: failure === undefined ? 200 : 400,
    finished: utcTimestamp(),
    ...(failure !== undefined ? { errorMessage: failure } : {}),
  });
}

/** The message of a refusal, without the `VismaId: <guid>.` prefix. */
export function faultText(fault: SimFault): string {
  const message = (fault.response.body as { message?: unknown } | undefined)?.message;
  return (typeof message === 'string' ? message : 'The release failed.').replace(
    /^VismaId:\s*[0-9a-f-]+\.\s*/i,
    '',
  );
}

/**
 * Releases a Balanced document now: checks the period and accounts again, sets it Open and writes the GL batch
 * (module AR or AP, own batch series, lines carrying the document number as `referenceNumber`). A reversing document
 * settles the one it reverses: both end Closed with no balance.
 */
export function releaseDocument(company: CompanyState, doc: SimDocument): SimBatch {
  if (doc.status === 'Open' || doc.status === 'Closed')
    throw documentError('releasing', `Document '${doc.referenceNumber}' is already released.`);
  if (doc.hold)
    throw documentError('releasing', `Document '${doc.referenceNumber}' is on hold and cannot be released.`);
  assertPeriodOpen(company, doc, 'releasing');
  assertLinesPostable(company, doc);
  const batch = glBatch(company, doc);
  company.batches.set(batch.batchNumber, batch);
  doc.status = 'Open';
  doc.batchNumber = batch.batchNumber;
  delete doc.errorInfo;
  doc.version = nextVersion(company);
  doc.lastModified = nowIn(company);
  if (doc.reversalOf) settleReversal(company, doc);
  return batch;
}

function settleReversal(company: CompanyState, reversing: SimDocument): void {
  const kind = reversing.kind === 'customerCreditNote' ? 'customerInvoice' : reversing.kind;
  const original = company.documents.get(documentKey(kind, reversing.reversalOf!));
  if (!original) return;
  for (const d of [original, reversing]) {
    d.balance = '0.00';
    d.status = 'Closed';
    d.version = nextVersion(company);
    d.lastModified = nowIn(company);
  }
}

function glBatch(company: CompanyState, doc: SimDocument): SimBatch {
  const module = doc.kind === 'supplierInvoice' ? 'AP' : 'AR';
  // Invoices debit the control account (AR) or credit it (AP); credit notes and debit adjustments turn it around.
  const controlOnDebit = doc.kind === 'customerInvoice' || doc.documentType === 'DebitAdj';
  const controlAccount = module === 'AR' ? company.receivablesAccount : company.payablesAccount;
  const lines: SimBatchLine[] = [];
  const push = (
    accountNumber: string,
    amount: string,
    onDebit: boolean,
    description: string,
    extra: Partial<SimBatchLine> = {},
  ): void => {
    if (new Decimal(amount).isZero()) return;
    lines.push({
      lineNumber: lines.length + 1,
      accountNumber,
      referenceNumber: doc.referenceNumber,
      debit: onDebit ? amount : '0.00',
      credit: onDebit ? '0.00' : amount,
      description,
      partyNumber: doc.partyNumber,
      ...(doc.branchNumber ? { branchNumber: doc.branchNumber } : {}),
      ...extra,
    });
  };
  const party =
    module === 'AR'
      ? company.customers.get(doc.partyNumber)?.name
      : company.suppliers.get(doc.partyNumber)?.name;
  push(controlAccount, doc.amount, controlOnDebit, party ?? doc.partyNumber);
  for (const line of doc.lines) {
    const sub = line.subaccount.map((s) => s.segmentValue).join('-');
    push(line.accountNumber, line.amount, !controlOnDebit, line.description, {
      ...(sub ? { subaccountNumber: sub } : {}),
      ...(line.vatCodeId ? { vatCodeId: line.vatCodeId } : {}),
    });
  }
  for (const detail of doc.taxDetails) {
    const code = company.vatCodes.get(detail.vatId);
    if (code) push(code.glAccount, detail.vat, !controlOnDebit, code.description, { vatCodeId: code.vatId });
  }
  return {
    module,
    batchNumber: nextNumber(company, 'batch'),
    status: 'Posted',
    transactionDate: doc.date,
    financialPeriod: doc.financialPeriod,
    description: `${label(doc)} ${doc.referenceNumber}`,
    currencyId: doc.currencyId,
    ...(doc.branchNumber ? { branchNumber: doc.branchNumber } : {}),
    lines,
    lastModified: nowIn(company),
  };
}

function label(doc: SimDocument): string {
  if (doc.kind === 'customerInvoice') return 'Customer invoice';
  if (doc.kind === 'customerCreditNote') return 'Customer credit note';
  return doc.documentType === 'DebitAdj' ? 'Supplier debit adjustment' : 'Supplier invoice';
}
