import { z } from 'zod';
import { Address, Amount, AmountText, GlAccountRef, Id, NamedRef, Timestamp } from './common';

const billItemFields = {
  id: Id,
  order: z.number().int(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  quantity: Amount,
  cost: Amount,
  skuId: Id,
  skuType: z.string(),
  skuCode: z.string(),
  receiptItemId: Id.nullish(),
  generalLedgerAccount: GlAccountRef.nullish(),
  costOfSaleAccount: GlAccountRef.nullish(),
  assetAccount: GlAccountRef.nullish(),
};

/** A stock line on an AP bill (`Accounting.V2.ApBillItemResponse`). */
export const ApBillItem = z.looseObject({
  ...billItemFields,
  inventoryLocation: z
    .looseObject({ id: Id, name: z.string().nullish(), type: z.string().nullish() })
    .nullish(),
});
export type ApBillItem = z.infer<typeof ApBillItem>;

/** An expense line on an AP bill (`Accounting.V2.ApBillExpenseItemResponse`). */
export const ApBillExpenseItem = z.looseObject({
  id: Id,
  amount: AmountText,
  description: z.string().nullish(),
  generalLedgerAccount: GlAccountRef.nullish(),
  job: NamedRef.nullish(),
  businessUnit: NamedRef.nullish(),
});
export type ApBillExpenseItem = z.infer<typeof ApBillExpenseItem>;

const billHeaderFields = {
  id: Id,
  purchaseOrderId: Id.nullish(),
  syncStatus: z.string().nullish(),
  referenceNumber: z.string().nullish(),
  vendorNumber: z.string().nullish(),
  summary: z.string().nullish(),
  billDate: Timestamp.nullish(),
  dueDate: Timestamp.nullish(),
  postDate: Timestamp.nullish(),
  billAmount: Amount,
  taxAmount: Amount,
  shippingAmount: Amount,
  otherAmount: Amount,
  termName: z.string().nullish(),
  createdOn: Timestamp.nullish(),
  modifiedOn: Timestamp.nullish(),
  businessUnit: NamedRef.nullish(),
  taxZone: NamedRef.nullish(),
  vendor: NamedRef.nullish(),
  shipTo: Address.nullish(),
  jobId: Id.nullish(),
  jobNumber: z.string().nullish(),
  landedCostMethod: z.string(),
};

/** An AP bill (`Accounting.V2.ApBillResponse`): procurement (from a PO receipt) or standalone. */
export const ApBill = z.looseObject({
  ...billHeaderFields,
  status: z.string().nullish(),
  source: z.string().nullish(),
  billType: z.string().nullish(),
  vendorInvoiceTotal: Amount,
  doNotPay: z.boolean(),
  items: z.array(ApBillItem).nullish(),
  expenseItems: z.array(ApBillExpenseItem).nullish(),
});
export type ApBill = z.infer<typeof ApBill>;

/** An inventory bill (`Accounting.V2.InventoryBillResponse`): the older, smaller bill shape. */
export const InventoryBill = z.looseObject({
  ...billHeaderFields,
  items: z.array(z.looseObject({ ...billItemFields, inventoryLocation: z.string().nullish() })).nullish(),
});
export type InventoryBill = z.infer<typeof InventoryBill>;

/** Answer for one bill of `ap-bills/markasexported`. */
export const MarkApBillExportedResult = z.looseObject({
  billId: Id,
  success: z.boolean(),
  errorMessage: z.string().nullish(),
});
export type MarkApBillExportedResult = z.infer<typeof MarkApBillExportedResult>;

/** Answer for one bill of `inventory-bills/markasexported`. */
export const MarkInventoryBillExportedResult = z.looseObject({
  inventoryBillId: Id,
  success: z.boolean(),
  errorMessage: z.string().nullish(),
});
export type MarkInventoryBillExportedResult = z.infer<typeof MarkInventoryBillExportedResult>;
