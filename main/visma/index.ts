/** Visma.net ERP API client: the public surface for the engine, the CLI and the app. */
export { createVismaClient } from './client';
export type { VismaClient, VismaClientOptions, VismaConnectionWithSecret } from './client';
export { testConnection } from './connection-test';
export type { ConnectionCheck, ConnectionTestResult } from './connection-test';
export {
  VismaError,
  UncertainWriteError,
  isUncertain,
  isVismaConnectionError,
  CONNECTION_ERROR_CODES,
} from './errors';
export type { VismaErrorCode, VismaErrorInfo } from './errors';
export { mapVismaError, parseErrorBody } from './error-map';
export { VISMA_SCOPES } from './auth';
export { localDateTime, keyFromLocation } from './wire';
export type * from './bodies';
export type {
  Account,
  Branch,
  Customer,
  CustomerCreditNote,
  CustomerInvoice,
  Dimension,
  FinancialPeriod,
  JournalTransaction,
  Project,
  Subaccount,
  Supplier,
  SupplierInvoice,
  TaxDetail,
  VatCategory,
  VatCode,
  VatZone,
} from './schemas';
export type { CustomerDocumentFilter, ReleaseOutcome } from './endpoints/customer-documents';
export type { SupplierInvoiceFilter } from './endpoints/supplier-invoices';
export type { BatchQuery, GlBatchRef } from './endpoints/journal';
export type { PartyFilter } from './endpoints/parties';
export type { ModifiedFilter } from './endpoints/shared';
