/**
 * Adversarial but spec-valid ServiceTitan documents: the spec types amounts as any string and allows null in most
 * fields, so a real tenant can send all of this. Deterministic for an index, built on a generated document so every
 * required field is there. Feed them to the simulator with `addDocuments` / `POST /__sim/tenants/{t}/raw/{resource}`.
 */
import type { BillRec, InvoiceRec, Rec } from './data/types';

/** Amount strings that are valid (`type: string`) but not plain decimals. */
export const ODD_AMOUNTS = [
  '1e3',
  '',
  ' 12.50 ',
  '-0',
  '12,50',
  '١٢٣٫٤٥',
  'NaN',
  '+5',
  '.5',
  '0.000000000000000000001',
  '99999999999999999999999999999999.99',
  '1 234,56',
] as const;

/** Texts with control characters, right-to-left marks and scripts, markup, emoji, and one very long text. */
export const ODD_TEXTS = [
  '\u0000\u0001\u0007\u001b[31mrød\u001b[0m',
  '\u202eenilno\u202c Rørlegger',
  'שלום مرحبا Ærlig',
  '😀 linje 1\nlinje 2\r\n\tinnrykk',
  '<script>alert(1)</script><p>Faktura</p>',
  "'; DROP TABLE invoices; --",
  '',
  ' ',
  'x'.repeat(100_000),
] as const;

/** Date-times far in the past and future, with .NET's seven fractional digits and odd offsets. */
export const ODD_DATES = [
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.9999999Z',
  '1900-02-28T12:00:00.1234567+14:00',
  '2038-01-19T03:14:08Z',
  '1970-01-01T00:00:00-12:00',
] as const;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const orNull = <T>(value: T, i: number, every: number): T | null => (i % every === 0 ? null : value);

/** Invoice number `i` (ids from 900 001): odd amounts, nulls where the spec allows them, odd texts and dates. */
export function oddInvoice(base: InvoiceRec, i: number): InvoiceRec {
  const invoice = structuredClone(base);
  const id = 900_001 + i;
  const items = (invoice.items ?? []).map((item, k) => ({
    ...item,
    id: 90_000_000 + i * 100 + k,
    quantity: orNull(pick(ODD_AMOUNTS, i + k), i + k, 7),
    price: pick(ODD_AMOUNTS, i + k + 1),
    total: orNull(pick(ODD_AMOUNTS, i + k + 2), i + k, 5),
    description: pick(ODD_TEXTS, i + k),
    displayName: orNull(pick(ODD_TEXTS, i + k + 3), i, 4),
    createdOn: pick(ODD_DATES, i + k),
    modifiedOn: pick(ODD_DATES, i + k + 1),
  }));
  return {
    ...invoice,
    id,
    referenceNumber: orNull(`${pick(ODD_TEXTS, i).slice(0, 40)}-${id}`, i, 6),
    subTotal: orNull(pick(ODD_AMOUNTS, i), i, 5),
    salesTax: pick(ODD_AMOUNTS, i + 1),
    total: orNull(pick(ODD_AMOUNTS, i + 2), i, 3),
    balance: orNull(pick(ODD_AMOUNTS, i + 3), i, 4),
    discountTotal: pick(ODD_AMOUNTS, i + 4),
    customer: orNull(invoice.customer, i, 3),
    customerAddress: orNull(
      { street: pick(ODD_TEXTS, i), unit: null, city: null, state: null, zip: '', country: null },
      i,
      2,
    ),
    location: orNull(invoice.location, i, 4),
    businessUnit: orNull(invoice.businessUnit, i, 5),
    job: orNull(invoice.job, i, 6),
    summary: orNull(pick(ODD_TEXTS, i), i, 7),
    createdOn: pick(ODD_DATES, i),
    invoiceDate: orNull(pick(ODD_DATES, i + 1), i, 4),
    dueDate: orNull(pick(ODD_DATES, i + 2), i, 3),
    modifiedOn: orNull(pick(ODD_DATES, i + 3), i, 4),
    items: i % 8 === 0 ? null : items,
  };
}

/** AP bill number `i` (ids from 800 001): odd amounts and texts, null dates and parties, odd lines. */
export function oddApBill(base: BillRec, i: number): BillRec {
  const bill = structuredClone(base);
  const items = ((bill.items as Rec[] | null) ?? []).map((item, k) => ({
    ...item,
    id: 80_000_000 + i * 100 + k,
    quantity: orNull(pick(ODD_AMOUNTS, i + k), i + k, 5),
    cost: pick(ODD_AMOUNTS, i + k + 1),
    description: pick(ODD_TEXTS, i + k),
  }));
  const expenseItems = ((bill.expenseItems as Rec[] | null) ?? []).map((item, k) => ({
    ...item,
    id: 81_000_000 + i * 100 + k,
    amount: pick(ODD_AMOUNTS, i + k),
    description: orNull(pick(ODD_TEXTS, i + k), k, 2),
  }));
  return {
    ...bill,
    id: 800_001 + i,
    referenceNumber: orNull(pick(ODD_TEXTS, i).slice(0, 60), i, 5),
    summary: orNull(pick(ODD_TEXTS, i + 1), i, 4),
    billAmount: orNull(pick(ODD_AMOUNTS, i), i, 6),
    taxAmount: pick(ODD_AMOUNTS, i + 1),
    shippingAmount: orNull(pick(ODD_AMOUNTS, i + 2), i, 3),
    vendorInvoiceTotal: pick(ODD_AMOUNTS, i + 3),
    vendor: orNull(bill.vendor, i, 3),
    businessUnit: orNull(bill.businessUnit, i, 4),
    billDate: orNull(pick(ODD_DATES, i), i, 5),
    dueDate: orNull(pick(ODD_DATES, i + 1), i, 3),
    createdOn: orNull(pick(ODD_DATES, i + 2), i, 4),
    modifiedOn: orNull(pick(ODD_DATES, i + 3), i, 2),
    items: i % 7 === 0 ? null : items,
    expenseItems: i % 9 === 0 ? null : expenseItems,
  };
}
