import type { Decimal } from 'decimal.js';
import { money } from '../../../shared/money';
import type {
  ApLineInput,
  ArLineInput,
  CustomerDocumentInput,
  SupplierInvoiceInput,
  VismaClient,
} from '../../visma';
import type { PlannedDocument, PlannedLine, VismaDocKind } from '../domain';
import type { FoundDocument } from '../ports';

/** Translation between the engine's planned documents and the Visma client's request and reply shapes. */

const arLine = (l: PlannedLine): ArLineInput => ({
  description: l.description,
  quantity: l.quantity,
  unitPrice: l.unitPrice,
  accountNumber: l.accountNumber,
  ...(l.vatCodeId && { vatCodeId: l.vatCodeId }),
  ...(l.subaccount.length > 0 && { subaccount: l.subaccount }),
  ...(l.branchNumber && { branchNumber: l.branchNumber }),
});

const apLine = (l: PlannedLine): ApLineInput => ({
  description: l.description,
  quantity: l.quantity,
  unitCost: l.unitPrice,
  accountNumber: l.accountNumber,
  ...(l.vatCodeId && { vatCodeId: l.vatCodeId }),
  ...(l.subaccount.length > 0 && { subaccount: l.subaccount }),
  ...(l.branchNumber && { branchNumber: l.branchNumber }),
  ...(l.projectId && { projectId: l.projectId }),
});

/** The client input of a planned customer invoice or credit note. */
export function customerInput(d: PlannedDocument): CustomerDocumentInput {
  return {
    customerNumber: d.partyNumber,
    documentDate: d.date,
    ...(d.dueDate && { dueDate: d.dueDate }),
    financialPeriod: d.financialPeriod,
    externalReference: d.externalReference,
    ...(d.customerRefNumber && { customerRefNumber: d.customerRefNumber }),
    invoiceText: d.text,
    ...(d.branchNumber && { branchNumber: d.branchNumber }),
    ...(d.project && { project: d.project }),
    hold: d.hold,
    lines: d.lines.map(arLine),
  };
}

/** The client input of a planned supplier invoice (the external reference goes in the text). */
export function supplierInput(d: PlannedDocument): SupplierInvoiceInput {
  return {
    supplierNumber: d.partyNumber,
    date: d.date,
    ...(d.dueDate && { dueDate: d.dueDate }),
    financialPeriod: d.financialPeriod,
    ...(d.supplierReference && { supplierReference: d.supplierReference }),
    description: `${d.text} (${d.externalReference})`,
    // The marker again where a user rarely edits it: the supplier-invoice list has no filter on any text field.
    note: d.externalReference,
    ...(d.branchNumber && { branchNumber: d.branchNumber }),
    hold: d.hold,
    lines: d.lines.map(apLine),
  };
}

const released = (status: string) => status === 'Open' || status === 'Closed';

/** Status, note, error and timestamp fields shared by every document kind. */
function found(d: {
  status: string;
  note?: string | undefined;
  errorInfo?: string | undefined;
  lastModifiedDateTime?: string | undefined;
}) {
  return {
    status: d.status,
    released: released(d.status),
    ...(d.note && { note: d.note }),
    ...(d.errorInfo && { errorInfo: d.errorInfo }),
    ...(d.lastModifiedDateTime && { lastModified: d.lastModifiedDateTime }),
  };
}

/** Amounts summed per key, as 2-decimal strings, in the order the keys first appear. */
function summed<K extends string>(
  items: { key: string | undefined; amount: string }[],
  name: K,
): ({ [P in K]: string } & { amount: string })[] {
  const totals = new Map<string, Decimal>();
  for (const { key, amount } of items) {
    if (!key) continue;
    totals.set(key, (totals.get(key) ?? money(0)).plus(money(amount)));
  }
  return [...totals].map(
    ([key, total]) =>
      ({ [name]: key, amount: total.toFixed(2) }) as { [P in K]: string } & { amount: string },
  );
}

/** The GL-level fields: Visma's document type, the party's name, net amount per line account, VAT per code. */
function glFields(d: {
  documentType?: string | undefined;
  lines: { accountNumber?: string | undefined; amount: string }[];
  taxDetails: { vatId: string; vatAmount: string }[];
}) {
  return {
    ...(d.documentType && { documentType: d.documentType }),
    lineAccounts: summed(
      d.lines.map((l) => ({ key: l.accountNumber, amount: l.amount })),
      'account',
    ),
    vatDetails: summed(
      d.taxDetails.map((t) => ({ key: t.vatId, amount: t.vatAmount })),
      'vatId',
    ),
  };
}

/**
 * The invoice a credit note is applied to: a credit note made by Visma's Reverse is applied to the invoice it
 * reverses (Acumatica's reversing credit memo), so this names it. Only customer credit notes have applications that
 * point back; a supplier debit adjustment carries no such field.
 */
function appliedInvoice(kind: VismaDocKind, d: ArDoc): string | undefined {
  if (kind !== 'customerCreditNote') return undefined;
  return d.applications.find((a) => a.docType === 'Invoice' && a.refNbr)?.refNbr;
}

/** A customer invoice or credit note as the client returns it. */
export type ArDoc =
  | Awaited<ReturnType<VismaClient['listCustomerInvoices']>>[number]
  | Awaited<ReturnType<VismaClient['listCustomerCreditNotes']>>[number];
/** A supplier invoice as the client returns it. */
export type ApDoc = Awaited<ReturnType<VismaClient['listSupplierInvoices']>>[number];

/** A customer document as the engine sees it. */
export function foundAr(kind: VismaDocKind, d: ArDoc): FoundDocument {
  return {
    kind,
    number: d.referenceNumber,
    ...(d.externalReference && { externalReference: d.externalReference }),
    partyNumber: d.customerNumber,
    date: d.documentDate,
    ...(d.financialPeriod && { financialPeriod: d.financialPeriod }),
    ...found(d),
    hold: d.hold ?? d.status === 'Hold',
    amount: money(d.amount).toFixed(2),
    vatTotal: money(d.vatTotal).toFixed(2),
    ...(d.customerName && { partyName: d.customerName }),
    ...glFields(d),
    ...(d.receivablesAccount && { ledgerAccount: d.receivablesAccount }),
    ...(appliedInvoice(kind, d) && { reversalOf: appliedInvoice(kind, d) }),
  };
}

/** A supplier invoice as the engine sees it. */
export function foundAp(d: ApDoc): FoundDocument {
  return {
    kind: 'supplierInvoice',
    number: d.referenceNumber,
    ...(d.supplierReference && { supplierReference: d.supplierReference }),
    ...(d.description && { description: d.description }),
    partyNumber: d.supplierNumber,
    date: d.date,
    ...(d.financialPeriod && { financialPeriod: d.financialPeriod }),
    ...found(d),
    hold: d.hold ?? d.status === 'Hold',
    amount: money(d.amount).toFixed(2),
    vatTotal: money(d.vatTotal).toFixed(2),
    ...(d.supplierName && { partyName: d.supplierName }),
    ...glFields(d),
  };
}
