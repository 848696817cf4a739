import Decimal from 'decimal.js';
import type { CompanyState, SimBatch, SimBatchLine, SimDocument, SimLine } from './model';
import { documentKey } from './model';
import { dateTime } from './clock';
import { subaccountDto, timeStampOf } from './dto-master';

const n = (decimal: string): number => Number(decimal);

function accountRef(company: CompanyState, accountCD: string): Record<string, unknown> {
  const a = company.accounts.get(accountCD);
  return a
    ? { type: a.type, active: a.active, number: a.accountCD, description: a.description }
    : { number: accountCD };
}

function subaccountRef(company: CompanyState, line: SimLine): Record<string, unknown> | undefined {
  if (line.subaccount.length === 0) return undefined;
  const number = line.subaccount.map((s) => s.segmentValue).join('-');
  const known = company.subaccounts.get(number);
  if (known) return subaccountDto(known, company);
  // A combination not in the subaccount list: no record of its own, so no record timestamps either.
  const { lastModifiedDateTime: _none, ...rest } = subaccountDto(
    {
      subaccountId: 0,
      subaccountNumber: number,
      description: number,
      active: true,
      segments: line.subaccount,
      lastModified: '',
    },
    company,
  );
  return rest;
}

function vatRef(company: CompanyState, vatCodeId: string | undefined): Record<string, unknown> | undefined {
  if (!vatCodeId) return undefined;
  return { id: vatCodeId, description: company.vatCodes.get(vatCodeId)?.description ?? '' };
}

function branchRef(company: CompanyState, number: string | undefined): Record<string, unknown> | undefined {
  if (!number) return undefined;
  return { number, name: company.branches.get(number)?.name ?? '' };
}

function taxDetails(company: CompanyState, doc: SimDocument): Record<string, unknown>[] {
  return doc.taxDetails.map((t, i) => ({
    taxId: t.vatId,
    recordId: i + 1,
    vatId: { number: t.vatId, description: company.vatCodes.get(t.vatId)?.description ?? '' },
    vatRate: n(t.rate),
    taxableAmount: n(t.taxable),
    vatAmount: n(t.vat),
  }));
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function arLine(company: CompanyState, line: SimLine): Record<string, unknown> {
  return defined({
    lineNumber: line.lineNumber,
    inventoryNumber: line.inventoryNumber,
    description: line.description,
    quantity: n(line.quantity),
    unitPrice: n(line.unitPrice),
    unitPriceInCurrency: n(line.unitPrice),
    amount: n(line.amount),
    amountInCurrency: n(line.amount),
    discountPercent: n(line.discountPercent),
    account: accountRef(company, line.accountNumber),
    vatCode: vatRef(company, line.vatCodeId),
    uom: line.uom,
    subaccount: subaccountRef(company, line),
    branchNumber: branchRef(company, line.branchNumber),
    projectTask: line.projectTaskId ? { id: line.projectTaskId, description: line.projectTaskId } : undefined,
    lineType: 'Service',
  });
}

/** What a customer document answer expands: a single GET shows everything, a list only what `expand…=true` asks for. */
export interface CustomerDocumentExpand {
  taxDetails: boolean;
  applications: boolean;
}

const EXPAND_ALL: CustomerDocumentExpand = { taxDetails: true, applications: true };

/**
 * ArAdjustDto: how a reversal pairs a credit note with the invoice it reverses (Acumatica applies the reversing
 * credit memo to the original invoice; the application is released with the credit note).
 */
function applications(company: CompanyState, doc: SimDocument): Record<string, unknown>[] {
  const other =
    doc.kind === 'customerCreditNote' && doc.reversalOf
      ? company.documents.get(documentKey('customerInvoice', doc.reversalOf))
      : doc.kind === 'customerInvoice' && doc.reversedBy
        ? company.documents.get(documentKey('customerCreditNote', doc.reversedBy))
        : undefined;
  if (!other) return [];
  const creditNote = doc.kind === 'customerCreditNote' ? doc : other;
  const released = creditNote.status === 'Open' || creditNote.status === 'Closed';
  return [
    {
      docType: other.documentType,
      customerCD: other.partyNumber,
      refNbr: other.referenceNumber,
      amountPaid: n(creditNote.amount),
      cashDiscountTaken: 0,
      balance: n(other.balance),
      pendingPPD: false,
      released,
      hold: false,
      voided: false,
      status: other.status,
      applicationDate: dateTime(creditNote.date),
      applicationPeriod: creditNote.financialPeriod,
    },
  ];
}

/** CustomerInvoiceDto or CustomerCreditNoteDto (lines under `invoiceLines` or `lines`). */
export function customerDocumentDto(
  company: CompanyState,
  doc: SimDocument,
  expand: CustomerDocumentExpand = EXPAND_ALL,
): Record<string, unknown> {
  const customer = company.customers.get(doc.partyNumber);
  const zone = company.vatZones.get(doc.vatZoneId);
  const project = doc.project ? company.projects.get(doc.project) : undefined;
  const lines = doc.lines.map((l) => arLine(company, l));
  return defined({
    documentType: doc.documentType,
    referenceNumber: doc.referenceNumber,
    status: doc.status,
    hold: doc.hold,
    customer: { number: doc.partyNumber, name: customer?.name ?? '' },
    documentDate: dateTime(doc.date),
    documentDueDate: dateTime(doc.dueDate),
    postPeriod: doc.financialPeriod,
    financialPeriod: doc.financialPeriod,
    currencyId: doc.currencyId,
    exchangeRate: 1,
    externalReference: doc.externalReference,
    customerRefNumber: doc.customerRefNumber,
    invoiceText: doc.text,
    note: doc.note,
    errorInfo: doc.errorInfo,
    customerVatZone: zone ? { id: zone.id, description: zone.description } : undefined,
    branchNumber: branchRef(company, doc.branchNumber),
    project: project ? { id: project.projectID, description: project.description } : undefined,
    account: accountRef(company, company.receivablesAccount),
    detailTotal: n(doc.detailTotal),
    detailTotalInCurrency: n(doc.detailTotal),
    vatTaxableTotal: n(doc.vatTaxableTotal),
    vatTaxableTotalInCurrency: n(doc.vatTaxableTotal),
    vatExemptTotal: n(doc.vatExemptTotal),
    vatExemptTotalInCurrency: n(doc.vatExemptTotal),
    vatTotal: n(doc.vatTotal),
    vatTotalInCurrency: n(doc.vatTotal),
    amount: n(doc.amount),
    amountInCurrency: n(doc.amount),
    balance: n(doc.balance),
    balanceInCurrency: n(doc.balance),
    roundingDiff: 0,
    taxDetails: expand.taxDetails ? taxDetails(company, doc) : undefined,
    applications: expand.applications ? applications(company, doc) : undefined,
    ...(doc.kind === 'customerInvoice' ? { invoiceLines: lines } : { lines }),
    createdDateTime: doc.created,
    lastModifiedDateTime: doc.lastModified,
  });
}

/** CreditNoteDto: the credit note a customer invoice reversal created (lines under `invoiceLines`). */
export function creditNoteDto(company: CompanyState, doc: SimDocument): Record<string, unknown> {
  const {
    lines,
    taxDetails: _details,
    customerVatZone: _zone,
    roundingDiff: _diff,
    applications: _applications,
    ...header
  } = customerDocumentDto(company, doc);
  return { ...header, invoiceLines: lines };
}

/**
 * SupplierInvoiceDto, with `timeStamp`. `withNote`: the note is part of the answer (a single GET always; the list
 * only with `expandNote=true`).
 */
export function supplierInvoiceDto(
  company: CompanyState,
  doc: SimDocument,
  withNote = true,
): Record<string, unknown> {
  const supplier = company.suppliers.get(doc.partyNumber);
  const zone = company.vatZones.get(doc.vatZoneId);
  return defined({
    documentType: doc.documentType,
    referenceNumber: doc.referenceNumber,
    status: doc.status,
    hold: doc.hold,
    supplier: { internalId: supplier?.internalId ?? 0, number: doc.partyNumber, name: supplier?.name ?? '' },
    date: dateTime(doc.date),
    dueDate: dateTime(doc.dueDate),
    postPeriod: doc.financialPeriod,
    financialPeriod: doc.financialPeriod,
    currencyId: doc.currencyId,
    exchangeRate: 1,
    supplierReference: doc.supplierReference,
    description: doc.text,
    note: withNote ? doc.note : undefined,
    errorInfo: doc.errorInfo,
    supplierTaxZone: zone ? { id: zone.id, description: zone.description } : undefined,
    branchNumber: branchRef(company, doc.branchNumber),
    taxCalculationMode: 'TaxSetting',
    detailTotal: n(doc.detailTotal),
    detailTotalInCurrency: n(doc.detailTotal),
    vatTaxableTotal: n(doc.vatTaxableTotal),
    vatTaxableTotalInCurrency: n(doc.vatTaxableTotal),
    vatExemptTotal: n(doc.vatExemptTotal),
    vatExemptTotalInCurrency: n(doc.vatExemptTotal),
    vatTotal: n(doc.vatTotal),
    vatTotalInCurrency: n(doc.vatTotal),
    vatAmount: n(doc.vatTotal),
    amount: n(doc.amount),
    balance: n(doc.balance),
    balanceInCurrency: n(doc.balance),
    roundingDiff: 0,
    taxDetailLines: taxDetails(company, doc),
    invoiceLines: doc.lines.map((line) =>
      defined({
        lineNumber: line.lineNumber,
        inventoryNumber: line.inventoryNumber,
        transactionDescription: line.description,
        quantity: n(line.quantity),
        uom: line.uom,
        unitCost: n(line.unitPrice),
        unitCostInCurrency: n(line.unitPrice),
        cost: n(line.amount),
        costInCurrency: n(line.amount),
        discountPercent: n(line.discountPercent),
        account: accountRef(company, line.accountNumber),
        subaccount: subaccountRef(company, line),
        vatCode: vatRef(company, line.vatCodeId),
        branchNumber: branchRef(company, line.branchNumber),
        project: line.projectId
          ? { id: line.projectId, description: company.projects.get(line.projectId)?.description ?? '' }
          : undefined,
        projectTask: line.projectTaskId
          ? { id: line.projectTaskId, description: line.projectTaskId }
          : undefined,
      }),
    ),
    documentVersionNumber: doc.version,
    createdDateTime: doc.created,
    lastModifiedDateTime: doc.lastModified,
    timeStamp: timeStampOf(doc.version),
  });
}

/** JournalTransactionDto holding `lines` (all of the batch, or the slice that fell on this page). */
export function journalDto(
  company: CompanyState,
  batch: SimBatch,
  lines: SimBatchLine[] = batch.lines,
): Record<string, unknown> {
  const debit = n(batch.lines.reduce((s, l) => s.plus(l.debit), new Decimal(0)).toFixed(2));
  const credit = n(batch.lines.reduce((s, l) => s.plus(l.credit), new Decimal(0)).toFixed(2));
  const module = `Module${batch.module}`;
  return defined({
    module,
    batchNumber: batch.batchNumber,
    status: batch.status,
    hold: batch.status === 'Hold',
    transactionDate: dateTime(batch.transactionDate),
    postPeriod: batch.financialPeriod,
    financialPeriod: batch.financialPeriod,
    ledger: 'ACTUAL',
    currencyId: batch.currencyId,
    exchangeRate: 1,
    description: batch.description,
    debitTotal: debit,
    debitTotalInCurrency: debit,
    creditTotal: credit,
    creditTotalInCurrency: credit,
    lastModifiedDateTime: batch.lastModified,
    branch: batch.branchNumber,
    journalTransactionLines: lines.map((l) =>
      defined({
        lineNumber: l.lineNumber,
        accountNumber: l.accountNumber,
        description: l.description,
        subaccount: l.subaccountNumber ? { subaccountNumber: l.subaccountNumber } : undefined,
        referenceNumber: l.referenceNumber,
        debitAmount: n(l.debit),
        debitAmountInCurrency: n(l.debit),
        creditAmount: n(l.credit),
        creditAmountInCurrency: n(l.credit),
        transactionDescription: l.description,
        vatCode: vatRef(company, l.vatCodeId),
        branch: l.branchNumber,
        customerSupplier: l.partyNumber,
        module,
      }),
    ),
  });
}
