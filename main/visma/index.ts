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
  CREDENTIAL_ERROR_CODES,
} from './errors';
export type { VismaErrorCode, VismaErrorInfo } from './errors';
export { mapVismaError, parseErrorBody } from './error-map';
export { VISMA_SCOPES } from './auth';
export { localDateTime, keyFromLocation, toVismaLocalTime } from './wire';
export { financialPeriodOf, isAdjustmentPeriod } from './periods';
export type * from './bodies';
export type {
  Account,
  Branch,
  Customer,
  CustomerCreditNote,
  CustomerInvoice,
  Dimension,
  FinancialPeriod,
  GeneralLedgerBalance,
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
export type { CustomerDocumentFilter, ReleaseOutcome, ReversalResult } from './endpoints/customer-documents';
export type { SupplierDocumentRef, SupplierInvoiceFilter } from './endpoints/supplier-invoices';
export type { DocumentStatus, ReleaseOptions, ReleaseResult } from './endpoints/release';
export type { BatchQuery, GlBatchRef } from './endpoints/journal';
export type { PartyFilter } from './endpoints/parties';
export type { CreatedFilter, ModifiedFilter } from './endpoints/shared';
