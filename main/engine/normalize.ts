import { createHash } from 'node:crypto';
import { money, sum, toCents } from '../../shared/money';
import type { ApBill, ApBillExpenseItem, InventoryBill } from '../servicetitan/schemas/bills';
import type { Invoice } from '../servicetitan/schemas/invoices';
import type { BillView, SourceDocument, SourceEnvelope, SourceLine } from './domain';

const str = (v: string | number | null | undefined): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);
const amount = (v: string | null | undefined): string => toCents(money(v ?? '0'));

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A ServiceTitan invoice as the engine's source document. */
export function normalizeInvoice(inv: Invoice): SourceEnvelope {
  const lines: SourceLine[] = (inv.items ?? [])
    .slice()
    .sort((a, b) => a.order - b.order || a.id - b.id)
    .map((item) =>
      withoutUndefined({
        lineId: String(item.id),
        lineType: item.type,
        skuId: str(item.skuId),
        skuCode: str(item.skuName),
        description: (item.displayName || item.description || item.skuName || item.type)
          .replace(/<[^>]*>/g, '')
          .trim(),
        quantity: item.quantity ?? '1',
        unitPrice: item.price ?? item.total ?? '0',
        amount: amount(item.total),
        glAccountNumber: str(item.generalLedgerAccount?.number),
        glAccountName: str(item.generalLedgerAccount?.name),
        taxable: item.taxable,
        businessUnitId: str(item.businessUnit?.id),
      }),
    );
  const doc: SourceDocument = withoutUndefined({
    kind: 'invoice' as const,
    stId: String(inv.id),
    number: inv.referenceNumber || String(inv.id),
    documentDate: inv.invoiceDate ?? inv.createdOn,
    dueDate: str(inv.dueDate),
    partyId: String(inv.customer?.id ?? ''),
    partyName: inv.customer?.name ?? '',
    businessUnitId: str(inv.businessUnit?.id),
    businessUnitName: str(inv.businessUnit?.name),
    jobId: str(inv.job?.id),
    jobNumber: str(inv.job?.number),
    projectId: str(inv.projectId),
    taxZoneId: str(inv.taxZoneId),
    taxZoneName: str(inv.salesTaxCode?.name),
    subTotal: amount(inv.subTotal),
    tax: amount(inv.salesTax),
    total: amount(inv.total),
    active: inv.active,
    lines,
  });
  return withoutUndefined({ doc, modifiedOn: str(inv.modifiedOn), status: inv.syncStatus ?? 'Pending' });
}

function isApBill(bill: ApBill | InventoryBill): bill is ApBill {
  return 'doNotPay' in bill;
}

function billLines(bill: ApBill | InventoryBill, taxable: boolean): SourceLine[] {
  const items: SourceLine[] = (bill.items ?? [])
    .slice()
    .sort((a, b) => a.order - b.order || a.id - b.id)
    .map((item) =>
      withoutUndefined({
        lineId: `item-${item.id}`,
        lineType: 'item',
        skuId: str(item.skuId),
        skuCode: str(item.skuCode),
        description: (item.description || item.name || item.skuCode || 'Item').trim(),
        quantity: item.quantity ?? '1',
        unitPrice: item.cost ?? '0',
        amount: toCents(money(item.quantity ?? '1').times(money(item.cost ?? '0'))),
        glAccountNumber: str(item.generalLedgerAccount?.number),
        glAccountName: str(item.generalLedgerAccount?.name),
        taxable,
      }),
    );
  const expenseItems: ApBillExpenseItem[] = isApBill(bill) ? (bill.expenseItems ?? []) : [];
  const expenses: SourceLine[] = expenseItems.map((e) =>
    withoutUndefined({
      lineId: `expense-${e.id}`,
      lineType: 'expense',
      description: (e.description || 'Expense').trim(),
      quantity: '1',
      unitPrice: e.amount,
      amount: amount(e.amount),
      glAccountNumber: str(e.generalLedgerAccount?.number),
      glAccountName: str(e.generalLedgerAccount?.name),
      taxable,
      businessUnitId: str(e.businessUnit?.id),
      jobId: str(e.job?.id),
    }),
  );
  const extras: SourceLine[] = [];
  for (const [key, label] of [
    ['shippingAmount', 'Shipping'],
    ['otherAmount', 'Other charges'],
  ] as const) {
    const value = (bill as Record<string, unknown>)[key];
    if (typeof value === 'string' && !money(value).isZero()) {
      const first = items[0] ?? expenses[0];
      extras.push(
        withoutUndefined({
          lineId: key,
          lineType: key === 'shippingAmount' ? 'shipping' : 'other',
          description: label,
          quantity: '1',
          unitPrice: value,
          amount: amount(value),
          glAccountNumber: first?.glAccountNumber,
          glAccountName: first?.glAccountName,
          // ServiceTitan's bill tax is on the goods only; freight and other charges carry none.
          taxable: false,
        }),
      );
    }
  }
  return [...items, ...expenses, ...extras];
}

/** A ServiceTitan AP bill or inventory bill as the engine's source document. */
export function normalizeBill(bill: ApBill | InventoryBill, view: BillView): SourceEnvelope {
  const tax = amount(bill.taxAmount);
  const lines = billLines(bill, !money(tax).isZero());
  const subTotal = toCents(sum(lines.map((l) => l.amount)));
  const total = bill.billAmount ? amount(bill.billAmount) : toCents(money(subTotal).plus(tax));
  const doc: SourceDocument = withoutUndefined({
    kind: 'ap-bill' as const,
    stId: String(bill.id),
    number: bill.referenceNumber || String(bill.id),
    documentDate: bill.billDate ?? bill.createdOn ?? '',
    dueDate: str(bill.dueDate),
    partyId: String(bill.vendor?.id ?? ''),
    partyName: bill.vendor?.name ?? '',
    businessUnitId: str(bill.businessUnit?.id),
    businessUnitName: str(bill.businessUnit?.name),
    jobId: str(bill.jobId),
    jobNumber: str(bill.jobNumber),
    taxZoneId: str(bill.taxZone?.id),
    taxZoneName: str(bill.taxZone?.name),
    vendorReference: str(bill.vendorNumber) ?? str(bill.referenceNumber),
    subTotal,
    tax,
    total,
    active: !('status' in bill && bill.status === 'Canceled'),
    lines,
  });
  const status = ('status' in bill && bill.status === 'Canceled' ? 'Canceled' : bill.syncStatus) ?? 'Pending';
  return { doc, modifiedOn: str(bill.modifiedOn) ?? str(bill.createdOn), status, views: [view] };
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

/** A stable hash of a source document's posting-relevant content (key order does not matter). */
export function hashDocument(doc: SourceDocument): string {
  return createHash('sha256').update(canonical(doc)).digest('hex');
}
