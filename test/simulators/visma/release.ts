import Decimal from 'decimal.js';
import type { CompanyState, SimBatch, SimBatchLine, SimDocument } from './model';
import { nextNumber, nextVersion } from './model';
import { assertLinesPostable, assertPeriodOpen } from './documents';
import { documentError } from './errors';
import { timestamp } from './clock';

/**
 * Releases a Balanced document: checks the period and accounts again, sets it Open and writes the GL batch
 * (module AR or AP, own batch series, lines carrying the document number as `referenceNumber`).
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
  doc.version = nextVersion(company);
  doc.lastModified = timestamp();
  return batch;
}

function glBatch(company: CompanyState, doc: SimDocument): SimBatch {
  const module = doc.kind === 'supplierInvoice' ? 'AP' : 'AR';
  // Invoices debit the control account (AR) or credit it (AP); a credit note turns the AR entry around.
  const controlOnDebit = doc.kind === 'customerInvoice';
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
    transactionDate: doc.date,
    financialPeriod: doc.financialPeriod,
    description: `${labels[doc.kind]} ${doc.referenceNumber}`,
    currencyId: doc.currencyId,
    ...(doc.branchNumber ? { branchNumber: doc.branchNumber } : {}),
    lines,
    lastModified: timestamp(),
  };
}

const labels: Record<SimDocument['kind'], string> = {
  customerInvoice: 'Customer invoice',
  customerCreditNote: 'Customer credit note',
  supplierInvoice: 'Supplier invoice',
};
