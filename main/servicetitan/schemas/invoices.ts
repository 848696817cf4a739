import { z } from 'zod';
import { Address, Amount, GlAccountRef, Id, NamedRef, Timestamp } from './common';

/** One invoice line (`Accounting.V2.InvoiceItemResponse`). Amounts stay decimal strings. */
export const InvoiceItem = z.looseObject({
  id: Id,
  type: z.enum(['Service', 'Material', 'Equipment', 'PriceModifier', 'Unspecified']),
  skuId: Id,
  skuName: z.string().nullish(),
  displayName: z.string().nullish(),
  description: z.string().nullish(),
  quantity: Amount,
  cost: Amount,
  totalCost: Amount,
  price: Amount,
  total: Amount,
  taxable: z.boolean(),
  inventory: z.boolean(),
  isChargeable: z.boolean(),
  generalLedgerAccount: GlAccountRef.nullish(),
  costOfSaleAccount: GlAccountRef.nullish(),
  assetAccount: GlAccountRef.nullish(),
  businessUnit: NamedRef.nullish(),
  order: z.number().int(),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
});
export type InvoiceItem = z.infer<typeof InvoiceItem>;

/** An invoice (`Accounting.V2.InvoiceResponse`, also the export feed's `ExportInvoiceResponse`). */
export const Invoice = z.looseObject({
  id: Id,
  syncStatus: z.string().nullish(),
  referenceNumber: z.string().nullish(),
  invoiceDate: Timestamp.nullish(),
  dueDate: Timestamp.nullish(),
  subTotal: Amount,
  salesTax: Amount,
  total: Amount,
  balance: Amount,
  discountTotal: Amount,
  salesTaxCode: z.looseObject({ id: Id, name: z.string().nullish(), taxRate: z.number() }).nullish(),
  taxZoneId: Id.nullish(),
  customer: NamedRef.nullish(),
  customerAddress: Address.nullish(),
  location: NamedRef.nullish(),
  locationAddress: Address.nullish(),
  businessUnit: NamedRef.nullish(),
  termName: z.string().nullish(),
  adjustmentToId: Id.nullish(),
  job: z.looseObject({ id: Id, number: z.string().nullish(), type: z.string().nullish() }).nullish(),
  projectId: Id.nullish(),
  exportId: z.string().nullish(),
  items: z.array(InvoiceItem).nullish(),
  active: z.boolean(),
  createdOn: Timestamp,
  modifiedOn: Timestamp.nullish(),
  sentStatus: z.string(),
  reviewStatus: z.string(),
  invoiceConfiguration: z.string(),
});
export type Invoice = z.infer<typeof Invoice>;

/** An invoice line from the invoice-items export feed: the line plus its invoice id and active flag. */
export const ExportInvoiceItem = InvoiceItem.extend({ invoiceId: Id, active: z.boolean() });
export type ExportInvoiceItem = z.infer<typeof ExportInvoiceItem>;

/** Answer for one invoice of `invoices/markasexported`. */
export const MarkInvoiceExportedResult = z.looseObject({
  invoiceId: Id,
  success: z.boolean(),
  errorMessage: z.string().nullish(),
});
export type MarkInvoiceExportedResult = z.infer<typeof MarkInvoiceExportedResult>;
