import type { CompanyState, SimDocument, SimDocumentKind, SimLine, SimSubaccountSegment } from './model';
import { documentKey, nextNumber, nextVersion, nowIn } from './model';
import type { DocumentAction } from './errors';
import { documentError, inProgressError, periodText } from './errors';
import { documentTotals, lineAmount } from './vat';
import { bool, dec, int, localDate, record, str } from './unwrap';
import { addDays } from './clock';
import { periodForDate } from './calendar';

type Action = 'creating' | 'updating';

const isAr = (kind: SimDocumentKind): boolean => kind !== 'supplierInvoice';

/** Creates a document from a create body (`CustomerInvoiceUpdateDto`, `CustomerCreditNoteUpdateDto`, `SupplierInvoiceUpdateDto`). */
export function createDocument(company: CompanyState, kind: SimDocumentKind, body: unknown): SimDocument {
  const b = record(body);
  const partyNumber = str(isAr(kind) ? b.customerNumber : b.supplierNumber);
  if (!partyNumber)
    throw documentError(
      'creating',
      isAr(kind) ? "'Customer' cannot be empty." : "'Supplier' cannot be empty.",
    );
  const now = nowIn(company);
  const date = localDate(isAr(kind) ? b.documentDate : b.date) ?? now.slice(0, 10);
  const doc: SimDocument = {
    kind,
    documentType: kind === 'customerCreditNote' ? 'CreditNote' : 'Invoice',
    referenceNumber: '',
    status: 'Balanced',
    hold: false,
    partyNumber,
    date,
    dueDate: addDays(date, 14),
    financialPeriod: periodForDate(company, date)?.period ?? '',
    currencyId: company.baseCurrency,
    vatZoneId: '',
    lines: [],
    taxDetails: [],
    detailTotal: '0.00',
    vatTaxableTotal: '0.00',
    vatExemptTotal: '0.00',
    vatTotal: '0.00',
    amount: '0.00',
    balance: '0.00',
    version: 0,
    created: now,
    lastModified: now,
  };
  applyHeader(company, doc, b, 'creating');
  applyLines(doc, linesOf(kind, b), 'creating');
  validate(company, doc, 'creating');
  const series =
    kind === 'customerInvoice'
      ? 'customerInvoice'
      : kind === 'customerCreditNote'
        ? 'customerCreditNote'
        : 'supplierInvoice';
  const own = str(b.referenceNumber);
  doc.referenceNumber = own && bool(b.overrideNumberSeries) ? own : nextNumber(company, series);
  if (company.documents.has(documentKey(kind, doc.referenceNumber))) {
    throw documentError('creating', `Document '${doc.referenceNumber}' already exists.`);
  }
  doc.version = nextVersion(company);
  company.documents.set(documentKey(kind, doc.referenceNumber), doc);
  return doc;
}

/** Applies an update body to an unreleased document (header fields present in the body, lines by `operation`). */
export function updateDocument(company: CompanyState, doc: SimDocument, body: unknown): void {
  if (doc.status === 'Open' || doc.status === 'Closed') {
    throw documentError('updating', `Document '${doc.referenceNumber}' is released and cannot be changed.`);
  }
  if (doc.pendingRelease) throw inProgressError('updating');
  const draft: SimDocument = structuredClone(doc);
  const b = record(body);
  applyHeader(company, draft, b, 'updating');
  applyLines(draft, linesOf(doc.kind, b), 'updating');
  validate(company, draft, 'updating');
  Object.assign(doc, draft, { version: nextVersion(company), lastModified: nowIn(company) });
}

function linesOf(kind: SimDocumentKind, b: Record<string, unknown>): Record<string, unknown>[] {
  const raw = kind === 'customerCreditNote' ? b.lines : b.invoiceLines;
  return Array.isArray(raw) ? raw.map(record) : [];
}

function applyHeader(
  company: CompanyState,
  doc: SimDocument,
  b: Record<string, unknown>,
  action: Action,
): void {
  const ar = isAr(doc.kind);
  const party = str(ar ? b.customerNumber : b.supplierNumber);
  if (party && action === 'updating') doc.partyNumber = party;
  const date = localDate(ar ? b.documentDate : b.date);
  if (date) {
    doc.date = date;
    doc.financialPeriod = periodForDate(company, date)?.period ?? '';
    doc.dueDate = addDays(date, 14);
  }
  const due = localDate(ar ? b.documentDueDate : b.dueDate);
  if (due) doc.dueDate = due;
  const period = str(b.financialPeriod) ?? str(b.postPeriod);
  if (period) doc.financialPeriod = period;
  const hold = bool(b.hold);
  if (hold !== undefined) {
    doc.hold = hold;
    doc.status = hold ? 'Hold' : 'Balanced';
  }
  const text = str(ar ? b.invoiceText : b.description);
  if (text !== undefined) doc.text = text;
  const note = str(b.note);
  if (note !== undefined) doc.note = note;
  for (const [field, key] of [
    ['externalReference', 'externalReference'],
    ['customerRefNumber', 'customerRefNumber'],
    ['supplierReference', 'supplierReference'],
    ['currencyId', 'currencyId'],
    ['branchNumber', 'branchNumber'],
    ['project', 'project'],
  ] as const) {
    const v = str(b[key]);
    if (v !== undefined) doc[field] = v;
  }
  const zone = str(ar ? b.customerVatZoneId : b.supplierTaxZone);
  const partyZone = ar
    ? company.customers.get(doc.partyNumber)?.vatZoneId
    : company.suppliers.get(doc.partyNumber)?.vatZoneId;
  doc.vatZoneId = zone ?? partyZone ?? doc.vatZoneId;
}

function applyLines(doc: SimDocument, raw: Record<string, unknown>[], action: Action): void {
  for (const l of raw) {
    const operation = (l.operation as string | undefined) ?? 'Insert';
    const lineNumber = int(l.lineNumber);
    if (operation === 'Delete') {
      doc.lines = doc.lines.filter((x) => x.lineNumber !== lineNumber);
      continue;
    }
    let line: SimLine | undefined;
    if (operation === 'Update') {
      line = doc.lines.find((x) => x.lineNumber === lineNumber);
      if (!line) throw documentError(action, `Line ${lineNumber ?? '?'} cannot be found in the document.`);
    } else {
      line = {
        lineNumber: Math.max(0, ...doc.lines.map((x) => x.lineNumber)) + 1,
        description: '',
        quantity: '1',
        unitPrice: '0',
        discountPercent: '0',
        amount: '0.00',
        accountNumber: '',
        subaccount: [],
      };
      doc.lines.push(line);
    }
    applyLine(doc, line, l);
  }
}

function applyLine(doc: SimDocument, line: SimLine, l: Record<string, unknown>): void {
  const ar = isAr(doc.kind);
  line.description = str(ar ? l.description : l.transactionDescription) ?? line.description;
  line.quantity = dec(l.quantity) ?? line.quantity;
  line.unitPrice = dec(ar ? l.unitPriceInCurrency : l.unitCostInCurrency) ?? line.unitPrice;
  line.discountPercent = dec(l.discountPercent) ?? line.discountPercent;
  line.accountNumber = str(l.accountNumber) ?? line.accountNumber;
  for (const key of [
    'inventoryNumber',
    'vatCodeId',
    'branchNumber',
    'projectId',
    'projectTaskId',
    'uom',
  ] as const) {
    const v = str(l[key]);
    if (v !== undefined) line[key] = v;
  }
  const task = str(l.taskId);
  if (task !== undefined) line.projectTaskId = task;
  if (Array.isArray(l.subaccount))
    line.subaccount = (l.subaccount as SimSubaccountSegment[]).map((s) => ({
      segmentId: s.segmentId,
      segmentValue: s.segmentValue,
    }));
  const manual = dec(ar ? l.manualAmountInCurrency : l.costInCurrency);
  line.amount = lineAmount(line.quantity, line.unitPrice, line.discountPercent, manual);
}

function validate(company: CompanyState, doc: SimDocument, action: Action): void {
  const ar = isAr(doc.kind);
  const party = ar ? company.customers.get(doc.partyNumber) : company.suppliers.get(doc.partyNumber);
  const label = ar ? 'Customer' : 'Supplier';
  if (!party) throw documentError(action, `${label} '${doc.partyNumber}' cannot be found in the system.`);
  if (party.status === 'Inactive') throw documentError(action, `${label} '${doc.partyNumber}' is inactive.`);
  if (!company.vatZones.has(doc.vatZoneId))
    throw documentError(action, `VAT zone '${doc.vatZoneId}' cannot be found in the system.`);
  assertPeriodOpen(company, doc, action);
  if (doc.branchNumber && !company.branches.has(doc.branchNumber))
    throw documentError(action, `Branch '${doc.branchNumber}' cannot be found in the system.`);
  if (doc.project && !company.projects.has(doc.project))
    throw documentError(action, `Project '${doc.project}' cannot be found in the system.`);
  if (doc.lines.length === 0) throw documentError(action, 'The document must have at least one line.');
  for (const line of doc.lines) validateLine(company, doc, line, action);
  Object.assign(doc, documentTotals(doc.lines, company.vatCodes));
  doc.balance = doc.amount;
}

function validateLine(
  company: CompanyState,
  doc: SimDocument,
  line: SimLine,
  action: Action | 'releasing',
): void {
  const where = `line ${line.lineNumber}`;
  if (!line.accountNumber) throw documentError(action, `'Account' cannot be empty on ${where}.`);
  const account = company.accounts.get(line.accountNumber);
  if (!account)
    throw documentError(action, `Account '${line.accountNumber}' cannot be found in the system (${where}).`);
  if (!account.active) throw documentError(action, `Account '${line.accountNumber}' is inactive (${where}).`);
  for (const seg of line.subaccount) {
    const segment = company.segments.find((s) => s.segmentId === seg.segmentId);
    const value = segment?.values.find((v) => v.valueId === seg.segmentValue);
    if (!value?.active)
      throw documentError(
        action,
        `Subaccount segment ${seg.segmentId} value '${seg.segmentValue}' cannot be found in the system (${where}).`,
      );
  }
  if (line.projectId && !company.projects.has(line.projectId))
    throw documentError(action, `Project '${line.projectId}' cannot be found in the system (${where}).`);
  if (!line.vatCodeId) return;
  const code = company.vatCodes.get(line.vatCodeId);
  if (!code)
    throw documentError(action, `TaxID '${line.vatCodeId}' cannot be found in the system (${where}).`);
  const zone = company.vatZones.get(doc.vatZoneId);
  if (!code.zones.includes(doc.vatZoneId)) {
    throw documentError(
      action,
      `VAT '${code.vatId}' is not valid for VAT zone '${doc.vatZoneId}' (${zone?.description ?? ''}) (${where}).`,
    );
  }
  if (account.taxCategory) {
    const category = company.vatCategories.get(account.taxCategory);
    if (!category?.vatIds.includes(code.vatId)) {
      throw documentError(
        action,
        `VAT '${code.vatId}' is not included in VAT category '${account.taxCategory}' of account '${account.accountCD}' (${where}).`,
      );
    }
  }
  const wanted = isAr(doc.kind) ? 'Output' : 'Input';
  if (code.groupType !== wanted)
    throw documentError(
      action,
      `VAT '${code.vatId}' is a ${code.groupType.toLowerCase()} VAT code and cannot be used on this document (${where}).`,
    );
}

/** Refuses when the document's period is missing or closed in its ledger. */
export function assertPeriodOpen(company: CompanyState, doc: SimDocument, action: DocumentAction): void {
  if (!doc.financialPeriod)
    throw documentError(
      action,
      `The date ${doc.date} does not fall in any financial period defined in the system.`,
    );
  const period = company.periods.get(doc.financialPeriod);
  if (!period)
    throw documentError(
      action,
      `Financial period ${periodText(doc.financialPeriod)} is not defined in the system.`,
    );
  const ar = isAr(doc.kind);
  if (ar ? period.closedInCustomerLedger : period.closedInSupplierLedger) {
    throw documentError(
      action,
      `The financial period ${periodText(doc.financialPeriod)} is closed in the ${ar ? 'Customer' : 'Supplier'} Ledger.`,
    );
  }
  if (period.closedInGeneralLedger)
    throw documentError(
      action,
      `The financial period ${periodText(doc.financialPeriod)} is closed in the General Ledger.`,
    );
}

/** Re-checks accounts before a release (an account may have been deactivated since the document was created). */
export function assertLinesPostable(company: CompanyState, doc: SimDocument): void {
  for (const line of doc.lines) validateLine(company, doc, line, 'releasing');
}
