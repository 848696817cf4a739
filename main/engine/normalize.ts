import { createHash } from 'node:crypto';
import { money, readDecimal, sum, toCents } from '../../shared/money';
import type { ApBill, ApBillExpenseItem, InventoryBill } from '../servicetitan/schemas/bills';
import type { Invoice, InvoiceItem } from '../servicetitan/schemas/invoices';
import type { BillView, SourceDocument, SourceEnvelope, SourceLine } from './domain';
import { FieldReader, UNREADABLE_AMOUNT, type RawField } from './source-fields';

const str = (v: string | number | null | undefined): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);

/** The raw text of a decimal when it reads, else `fallback` (the field reports its own fault elsewhere). */
function plainOr(raw: RawField, fallback: string): string {
  if (raw === null || raw === undefined) return fallback;
  return readDecimal(raw).ok ? String(raw).trim() : fallback;
}

// A plain loop: this runs for every line of every document read, and entries/filter/fromEntries cost several times more.
function withoutUndefined<T extends object>(o: T): T {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(o)) {
    const value = (o as Record<string, unknown>)[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept as T;
}

function withUnreadable(doc: SourceDocument, read: FieldReader): SourceDocument {
  return read.unreadable.length > 0 ? { ...doc, unreadable: read.unreadable } : doc;
}

function invoiceLine(item: InvoiceItem, read: FieldReader): SourceLine {
  const id = String(item.id);
  return withoutUndefined({
    lineId: id,
    lineType: item.type,
    skuId: str(item.skuId),
    skuCode: str(item.skuName),
    description: (item.displayName || item.description || item.skuName || item.type)
      .replace(/<[^>]*>/g, '')
      .trim(),
    quantity: read.decimal(`line ${id} quantity`, item.quantity) ?? '1',
    unitPrice: read.decimal(`line ${id} price`, item.price) ?? plainOr(item.total, '0'),
    // A line without a total counts as zero; the totals check before posting catches a real amount hidden in it.
    amount: read.money(`line ${id} total`, item.total) ?? UNREADABLE_AMOUNT,
    glAccountNumber: str(item.generalLedgerAccount?.number),
    glAccountName: str(item.generalLedgerAccount?.name),
    taxable: item.taxable,
    businessUnitId: str(item.businessUnit?.id),
  });
}

/**
 * A ServiceTitan invoice as the engine's source document. Never throws: a field it cannot read is stored as a
 * placeholder and listed in `unreadable`, and the document is blocked before posting.
 */
export function normalizeInvoice(inv: Invoice): SourceEnvelope {
  const read = new FieldReader();
  const lines = (inv.items ?? [])
    .slice()
    .sort((a, b) => a.order - b.order || a.id - b.id)
    .map((item) => invoiceLine(item, read));
  const documentDate =
    read.date('invoiceDate', inv.invoiceDate) ??
    read.date('createdOn', inv.createdOn) ??
    read.missing('invoiceDate', '');
  const doc: SourceDocument = withoutUndefined({
    kind: 'invoice' as const,
    stId: String(inv.id),
    number: inv.referenceNumber || String(inv.id),
    documentDate,
    dueDate: str(read.date('dueDate', inv.dueDate)),
    partyId: String(inv.customer?.id ?? ''),
    partyName: inv.customer?.name ?? '',
    businessUnitId: str(inv.businessUnit?.id),
    businessUnitName: str(inv.businessUnit?.name),
    jobId: str(inv.job?.id),
    jobNumber: str(inv.job?.number),
    projectId: str(inv.projectId),
    taxZoneId: str(inv.taxZoneId),
    taxZoneName: str(inv.salesTaxCode?.name),
    // Without a subtotal the lines are the subtotal; without sales tax there is none (the totals check decides).
    subTotal: read.money('subTotal', inv.subTotal) ?? toCents(sum(lines.map((l) => l.amount))),
    tax: read.money('salesTax', inv.salesTax) ?? '0.00',
    total: read.money('total', inv.total) ?? read.missing('total', UNREADABLE_AMOUNT),
    active: inv.active,
    lines,
  });
  return withoutUndefined({
    doc: withUnreadable(doc, read),
    modifiedOn: str(inv.modifiedOn),
    status: inv.syncStatus ?? 'Pending',
  });
}

function isApBill(bill: ApBill | InventoryBill): bill is ApBill {
  return 'doNotPay' in bill;
}

type BillItem = NonNullable<(ApBill | InventoryBill)['items']>[number];

function billItemLine(item: BillItem, taxable: boolean, read: FieldReader): SourceLine {
  const quantity = read.decimal(`item ${item.id} quantity`, item.quantity) ?? '1';
  const unitPrice = read.decimal(`item ${item.id} cost`, item.cost) ?? '0';
  return withoutUndefined({
    lineId: `item-${item.id}`,
    lineType: 'item',
    skuId: str(item.skuId),
    skuCode: str(item.skuCode),
    description: (item.description || item.name || item.skuCode || 'Item').trim(),
    quantity,
    unitPrice,
    amount: toCents(money(quantity).times(money(unitPrice))),
    glAccountNumber: str(item.generalLedgerAccount?.number),
    glAccountName: str(item.generalLedgerAccount?.name),
    taxable,
  });
}

function expenseLine(e: ApBillExpenseItem, taxable: boolean, read: FieldReader): SourceLine {
  return withoutUndefined({
    lineId: `expense-${e.id}`,
    lineType: 'expense',
    description: (e.description || 'Expense').trim(),
    quantity: '1',
    unitPrice: plainOr(e.amount, '0'),
    amount:
      read.money(`expense ${e.id} amount`, e.amount) ??
      read.missing(`expense ${e.id} amount`, UNREADABLE_AMOUNT),
    glAccountNumber: str(e.generalLedgerAccount?.number),
    glAccountName: str(e.generalLedgerAccount?.name),
    taxable,
    businessUnitId: str(e.businessUnit?.id),
    jobId: str(e.job?.id),
  });
}

function chargeLines(
  bill: ApBill | InventoryBill,
  first: SourceLine | undefined,
  read: FieldReader,
): SourceLine[] {
  const extras: SourceLine[] = [];
  for (const [key, label] of [
    ['shippingAmount', 'Shipping'],
    ['otherAmount', 'Other charges'],
  ] as const) {
    const raw = bill[key];
    const value = read.money(key, raw);
    if (value === undefined || money(value).isZero()) continue;
    extras.push(
      withoutUndefined({
        lineId: key,
        lineType: key === 'shippingAmount' ? 'shipping' : 'other',
        description: label,
        quantity: '1',
        unitPrice: plainOr(raw, '0'),
        amount: value,
        glAccountNumber: first?.glAccountNumber,
        glAccountName: first?.glAccountName,
        // ServiceTitan's bill tax is on the goods only; freight and other charges carry none.
        taxable: false,
      }),
    );
  }
  return extras;
}

function billLines(bill: ApBill | InventoryBill, taxable: boolean, read: FieldReader): SourceLine[] {
  const items = (bill.items ?? [])
    .slice()
    .sort((a, b) => a.order - b.order || a.id - b.id)
    .map((item) => billItemLine(item, taxable, read));
  const expenses = (isApBill(bill) ? (bill.expenseItems ?? []) : []).map((e) =>
    expenseLine(e, taxable, read),
  );
  return [...items, ...expenses, ...chargeLines(bill, items[0] ?? expenses[0], read)];
}

/** A ServiceTitan AP bill or inventory bill as the engine's source document (never throws, like invoices). */
export function normalizeBill(bill: ApBill | InventoryBill, view: BillView): SourceEnvelope {
  const read = new FieldReader();
  const tax = read.money('taxAmount', bill.taxAmount) ?? '0.00';
  const lines = billLines(bill, !money(tax).isZero(), read);
  const documentDate =
    read.date('billDate', bill.billDate) ??
    read.date('createdOn', bill.createdOn) ??
    read.missing('billDate', '');
  const doc: SourceDocument = withoutUndefined({
    kind: 'ap-bill' as const,
    stId: String(bill.id),
    number: bill.referenceNumber || String(bill.id),
    documentDate,
    dueDate: str(read.date('dueDate', bill.dueDate)),
    partyId: String(bill.vendor?.id ?? ''),
    partyName: bill.vendor?.name ?? '',
    businessUnitId: str(bill.businessUnit?.id),
    businessUnitName: str(bill.businessUnit?.name),
    jobId: str(bill.jobId),
    jobNumber: str(bill.jobNumber),
    taxZoneId: str(bill.taxZone?.id),
    taxZoneName: str(bill.taxZone?.name),
    vendorReference: str(bill.vendorNumber) ?? str(bill.referenceNumber),
    subTotal: toCents(sum(lines.map((l) => l.amount))),
    tax,
    total: read.money('billAmount', bill.billAmount) ?? read.missing('billAmount', UNREADABLE_AMOUNT),
    active: !('status' in bill && bill.status === 'Canceled'),
    lines,
  });
  const status = ('status' in bill && bill.status === 'Canceled' ? 'Canceled' : bill.syncStatus) ?? 'Pending';
  return {
    doc: withUnreadable(doc, read),
    modifiedOn: str(bill.modifiedOn) ?? str(bill.createdOn),
    status,
    views: [view],
  };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The status of a record ServiceTitan sent that could not be read at all (it is taken on, to be seen and checked). */
export const UNREADABLE_STATUS = 'Unreadable';

/**
 * A stand-in for a record that breaks ServiceTitan's API description: stored with the problems as its one unreadable
 * field, so it is blocked in the review queue with them, and replaced by the real document once ServiceTitan sends a
 * readable one.
 */
export function rejectedEnvelope(r: {
  kind: SourceDocument['kind'];
  stId: string;
  problems: string;
}): SourceEnvelope {
  const doc: SourceDocument = {
    kind: r.kind,
    stId: r.stId,
    number: r.stId,
    documentDate: '',
    partyId: '',
    partyName: '',
    subTotal: '0.00',
    tax: '0.00',
    total: '0.00',
    active: true,
    lines: [],
    unreadable: [{ field: 'record', value: JSON.stringify(r.problems.slice(0, 400)), why: 'off_spec' }],
  };
  return { doc, status: UNREADABLE_STATUS };
}

/** A stable hash of a source document's posting-relevant content (key order does not matter). */
export function hashDocument(doc: SourceDocument): string {
  return createHash('sha256').update(canonical(doc)).digest('hex');
}
