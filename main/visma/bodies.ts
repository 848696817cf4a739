import { compact, wrap, wrapAmount, wrapDate } from './wire';

/** One subaccount segment value on a line (sent without the value wrapper, as Visma wants). */
export interface SegmentInput {
  segmentId: number;
  segmentValue: string;
}

/** A customer invoice / credit note line. Amounts are decimal strings. */
export interface ArLineInput {
  description: string;
  quantity?: string;
  unitPrice: string;
  accountNumber: string;
  vatCodeId?: string;
  subaccount?: SegmentInput[];
  branchNumber?: string;
  inventoryNumber?: string;
  uom?: string;
  discountPercent?: string;
  /** Project task (customer invoice lines have no project of their own; the project is on the header). */
  taskId?: string;
}

/** A new customer invoice or credit note. Dates are local `yyyy-MM-dd`. */
export interface CustomerDocumentInput {
  customerNumber: string;
  documentDate: string;
  dueDate?: string;
  /** `YYYYMM`; Visma derives it from the date when absent. */
  financialPeriod?: string;
  externalReference?: string;
  customerRefNumber?: string;
  invoiceText?: string;
  /** The document's note (Visma's "Notes" pop-up); returned by reads and lists. */
  note?: string;
  currencyId?: string;
  branchNumber?: string;
  project?: string;
  vatZoneId?: string;
  hold?: boolean;
  /** Own number (needs "allow manual numbering" in Visma); otherwise Visma numbers the document. */
  referenceNumber?: string;
  lines: ArLineInput[];
}

/** A line change on update: insert, update by line number, or delete. */
export type LineChange<L> =
  | ({ operation: 'Insert' } & L)
  | ({ operation: 'Update'; lineNumber: number } & Partial<L>)
  | { operation: 'Delete'; lineNumber: number };

/** Fields to change on an unreleased customer invoice. */
export type CustomerDocumentPatch = Partial<Omit<CustomerDocumentInput, 'lines' | 'referenceNumber'>> & {
  lines?: LineChange<ArLineInput>[];
};

/** A supplier invoice line. */
export interface ApLineInput {
  description: string;
  quantity?: string;
  unitCost: string;
  accountNumber: string;
  vatCodeId?: string;
  subaccount?: SegmentInput[];
  branchNumber?: string;
  projectId?: string;
  projectTaskId?: string;
  inventoryNumber?: string;
  uom?: string;
}

/** A new supplier invoice. */
export interface SupplierInvoiceInput {
  supplierNumber: string;
  date: string;
  dueDate?: string;
  financialPeriod?: string;
  /** The supplier's own invoice number. */
  supplierReference?: string;
  description?: string;
  /** The document's note; the supplier-invoice list returns it only with `expandNote` (the client always asks). */
  note?: string;
  currencyId?: string;
  branchNumber?: string;
  vatZoneId?: string;
  hold?: boolean;
  lines: ApLineInput[];
}

/** Fields to change on an unreleased supplier invoice. */
export type SupplierInvoicePatch = Partial<Omit<SupplierInvoiceInput, 'lines'>> & {
  lines?: LineChange<ApLineInput>[];
};

/** A customer or supplier. */
export interface PartyInput {
  number?: string;
  name: string;
  status?: 'Active' | 'OnHold' | 'Inactive';
  vatZoneId?: string;
  currencyId?: string;
  corporateId?: string;
  vatRegistrationId?: string;
  addressLine1?: string;
  postalCode?: string;
  city?: string;
  countryId?: string;
  email?: string;
  phone?: string;
  /** Customer class (customers only). */
  customerClassId?: string;
}

function segments(list: SegmentInput[] | undefined): SegmentInput[] | undefined {
  return list?.map((s) => ({ segmentId: s.segmentId, segmentValue: s.segmentValue }));
}

function arLine(line: LineChange<ArLineInput>): Record<string, unknown> {
  if (line.operation === 'Delete') return { operation: 'Delete', lineNumber: wrap(line.lineNumber) };
  const l = line as Partial<ArLineInput> & { operation: 'Insert' | 'Update'; lineNumber?: number };
  return compact({
    operation: l.operation,
    lineNumber: wrap(l.lineNumber),
    inventoryNumber: wrap(l.inventoryNumber),
    description: wrap(l.description),
    quantity: wrapAmount(l.quantity ?? (l.operation === 'Insert' ? '1' : undefined)),
    unitPriceInCurrency: wrapAmount(l.unitPrice),
    accountNumber: wrap(l.accountNumber),
    vatCodeId: wrap(l.vatCodeId),
    uom: wrap(l.uom),
    discountPercent: wrapAmount(l.discountPercent),
    subaccount: segments(l.subaccount),
    branchNumber: wrap(l.branchNumber),
    taskId: wrap(l.taskId),
  });
}

function customerHeader(input: Partial<Omit<CustomerDocumentInput, 'lines'>>): Record<string, unknown> {
  return compact({
    customerNumber: wrap(input.customerNumber),
    referenceNumber: wrap(input.referenceNumber),
    overrideNumberSeries: input.referenceNumber !== undefined ? { value: true } : undefined,
    documentDate: wrapDate(input.documentDate),
    documentDueDate: wrapDate(input.dueDate),
    financialPeriod: wrap(input.financialPeriod),
    externalReference: wrap(input.externalReference),
    customerRefNumber: wrap(input.customerRefNumber),
    invoiceText: wrap(input.invoiceText),
    note: wrap(input.note),
    currencyId: wrap(input.currencyId),
    branchNumber: wrap(input.branchNumber),
    project: wrap(input.project),
    customerVatZoneId: wrap(input.vatZoneId),
    hold: wrap(input.hold),
  });
}

/** `CustomerInvoiceUpdateDto` for create (`POST /v2/customerinvoice`) or update (`PUT`). */
export function customerInvoiceBody(
  input: CustomerDocumentInput | CustomerDocumentPatch,
): Record<string, unknown> {
  const lines =
    'lines' in input && input.lines
      ? input.lines.map((l) => arLine('operation' in l ? l : { operation: 'Insert', ...l }))
      : undefined;
  return compact({ ...customerHeader(input), invoiceLines: lines });
}

/** `CustomerCreditNoteUpdateDto` (lines under `lines`). */
export function customerCreditNoteBody(input: CustomerDocumentInput): Record<string, unknown> {
  return compact({
    ...customerHeader(input),
    lines: input.lines.map((l) => arLine({ operation: 'Insert', ...l })),
  });
}

function apLine(line: LineChange<ApLineInput>): Record<string, unknown> {
  if (line.operation === 'Delete') return { operation: 'Delete', lineNumber: wrap(line.lineNumber) };
  const l = line as Partial<ApLineInput> & { operation: 'Insert' | 'Update'; lineNumber?: number };
  return compact({
    operation: l.operation,
    lineNumber: wrap(l.lineNumber),
    inventoryNumber: wrap(l.inventoryNumber),
    transactionDescription: wrap(l.description),
    quantity: wrapAmount(l.quantity ?? (l.operation === 'Insert' ? '1' : undefined)),
    uom: wrap(l.uom),
    unitCostInCurrency: wrapAmount(l.unitCost),
    accountNumber: wrap(l.accountNumber),
    subaccount: segments(l.subaccount),
    vatCodeId: wrap(l.vatCodeId),
    branchNumber: wrap(l.branchNumber),
    projectId: wrap(l.projectId),
    projectTaskId: wrap(l.projectTaskId),
  });
}

/** `SupplierInvoiceUpdateDto` for create or update. */
export function supplierInvoiceBody(
  input: SupplierInvoiceInput | SupplierInvoicePatch,
  create: boolean,
): Record<string, unknown> {
  return compact({
    documentType: create ? { value: 'Invoice' } : undefined,
    supplierNumber: wrap(input.supplierNumber),
    date: wrapDate(input.date),
    dueDate: wrapDate(input.dueDate),
    financialPeriod: wrap(input.financialPeriod),
    supplierReference: wrap(input.supplierReference),
    description: wrap(input.description),
    note: wrap(input.note),
    currencyId: wrap(input.currencyId),
    branchNumber: wrap(input.branchNumber),
    supplierTaxZone: wrap(input.vatZoneId),
    hold: wrap(input.hold),
    invoiceLines: input.lines?.map((l) => apLine('operation' in l ? l : { operation: 'Insert', ...l })),
  });
}

/** `CustomerUpdateDto` / `SupplierUpdateDto` (same field names for what we send). */
export function partyBody(input: Partial<PartyInput>): Record<string, unknown> {
  const address = compact({
    addressLine1: wrap(input.addressLine1),
    postalCode: wrap(input.postalCode),
    city: wrap(input.city),
    countryId: wrap(input.countryId),
  });
  const contact = compact({ email: wrap(input.email), phone1: wrap(input.phone) });
  return compact({
    number: wrap(input.number),
    name: wrap(input.name),
    status: wrap(input.status),
    vatZoneId: wrap(input.vatZoneId),
    currencyId: wrap(input.currencyId),
    corporateId: wrap(input.corporateId),
    vatRegistrationId: wrap(input.vatRegistrationId),
    customerClassId: wrap(input.customerClassId),
    mainAddress: Object.keys(address).length ? { value: address } : undefined,
    mainContact: Object.keys(contact).length ? { value: contact } : undefined,
  });
}
