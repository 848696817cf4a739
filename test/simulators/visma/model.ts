import { localTimestamp } from './clock';

/** In-memory state of one simulated Visma.net company. Amounts are decimal strings; dates are local `yyyy-MM-dd`. */

/** Credentials and identity of a simulated company. */
export interface CompanyIdentity {
  name: string;
  tenantId: string;
  /** The Visma "customer tenant" id that users mix up with the company tenant id: tokens work, the API refuses them. */
  customerTenantId: string;
  companyId: string;
  clientId: string;
  clientSecret: string;
}

/** A GL account. */
export interface SimAccount {
  accountID: number;
  accountCD: string;
  description: string;
  type: 'Asset' | 'Liability' | 'Income' | 'Expense';
  active: boolean;
  /** The account's VAT category id, when it carries VAT. */
  taxCategory?: string;
  controlAccountModule?: string;
  lastModified: string;
}

/** One segment value on a subaccount. */
export interface SimSubaccountSegment {
  segmentId: number;
  segmentValue: string;
}

/** A subaccount (combination of segment values). */
export interface SimSubaccount {
  subaccountId: number;
  subaccountNumber: string;
  description: string;
  active: boolean;
  segments: SimSubaccountSegment[];
  lastModified: string;
}

/** A segment of the SUBACCOUNT dimension with its allowed values. */
export interface SimSegment {
  segmentId: number;
  description: string;
  length: number;
  values: { valueId: string; description: string; active: boolean }[];
}

/** A VAT zone (customers and suppliers belong to one). */
export interface SimVatZone {
  id: string;
  description: string;
  defaultVatCategory?: string;
}

/** A VAT category (accounts carry one); lists the VAT codes it allows. */
export interface SimVatCategory {
  id: string;
  description: string;
  active: boolean;
  vatIds: string[];
}

/** A VAT code with its rate and where it is allowed. */
export interface SimVatCode {
  vatId: string;
  description: string;
  type: 'Vat' | 'ExemptVat';
  /** Percent, e.g. "25". */
  rate: string;
  groupType: 'Output' | 'Input';
  zones: string[];
  /** GL account the VAT amount posts to. */
  glAccount: string;
  xmlType: 'VatTypeHigh' | 'VatTypeMedium' | 'VatTypeLow' | 'VatTypeZero' | 'VatTypeExempt';
  /** Last valid day (`yyyy-MM-ddT00:00:00`): how a VAT code is deactivated in Visma. */
  notValidAfter?: string;
}

/** A branch. */
export interface SimBranch {
  branchId: number;
  number: string;
  name: string;
  isMainBranch: boolean;
  vatZone?: string;
}

/**
 * A financial period and which ledgers closed it. `period` is `YYYYPP`: the financial year and the period's number
 * in that year (01–12, 13 = the adjustment period), which equals `YYYYMM` only for a year that starts in January.
 */
export interface SimPeriod {
  period: string;
  /** The financial year the period belongs to. */
  year: number;
  /** First and last day (inclusive, `yyyy-MM-dd`); the adjustment period has no days of its own (start = end). */
  startDate: string;
  endDate: string;
  description: string;
  /** Year-end adjustment period: posted to only when asked for by id, never chosen from a date. */
  adjustment: boolean;
  closedInCustomerLedger: boolean;
  closedInSupplierLedger: boolean;
  closedInGeneralLedger: boolean;
}

/** A project. */
export interface SimProject {
  internalID: number;
  projectID: string;
  description: string;
  status: 'Planned' | 'Active' | 'Completed' | 'Cancelled' | 'OnHold';
  customerNumber?: string;
  lastModified: string;
}

/** Address and contact details shared by customers and suppliers. */
export interface SimPartyDetails {
  addressLine1?: string;
  postalCode?: string;
  city?: string;
  countryId?: string;
  email?: string;
  phone?: string;
  corporateId?: string;
  vatRegistrationId?: string;
}

/** A customer. */
export interface SimCustomer extends SimPartyDetails {
  internalId: number;
  number: string;
  name: string;
  status: 'Active' | 'OnHold' | 'CreditHold' | 'Inactive' | 'OneTime';
  vatZoneId: string;
  currencyId: string;
  created: string;
  lastModified: string;
}

/** A supplier; `version` is the row version behind `timeStamp`/ETag. */
export interface SimSupplier extends SimPartyDetails {
  internalId: number;
  number: string;
  name: string;
  status: 'Active' | 'OnHold' | 'HoldPayments' | 'Inactive' | 'OneTime';
  vatZoneId: string;
  currencyId: string;
  version: number;
  lastModified: string;
}

/** A document line after the simulator priced it. */
export interface SimLine {
  lineNumber: number;
  inventoryNumber?: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  amount: string;
  accountNumber: string;
  subaccount: SimSubaccountSegment[];
  vatCodeId?: string;
  branchNumber?: string;
  projectId?: string;
  projectTaskId?: string;
  uom?: string;
}

/** VAT per code on a document, as Visma's tax details. */
export interface SimTaxDetail {
  vatId: string;
  rate: string;
  taxable: string;
  vat: string;
  exempt: boolean;
}

/** The document kinds the simulator stores. */
export type SimDocumentKind = 'customerInvoice' | 'customerCreditNote' | 'supplierInvoice';

/** Visma's document type: AR invoices and credit notes; AP invoices and the debit adjustments that reverse them. */
export type SimDocumentType = 'Invoice' | 'CreditNote' | 'DebitAdj';

/** A release accepted but not finished yet ("operation starts in the background"). */
export interface PendingRelease {
  actionId: string;
  /** Wall-clock ms when it finishes; null = never. */
  dueAt: number | null;
  /** What happens then: the release is carried out (and may still fail on its checks), or it fails with `errorInfo`. */
  outcome: 'release' | 'fail';
  errorInfo?: string;
  /** The background request that reports it (supplier invoices). */
  backgroundId?: string;
}

/** A customer invoice, customer credit note or supplier invoice. */
export interface SimDocument {
  kind: SimDocumentKind;
  documentType: SimDocumentType;
  referenceNumber: string;
  status: 'Hold' | 'Balanced' | 'Open' | 'Closed';
  hold: boolean;
  /** Customer number (AR) or supplier number (AP). */
  partyNumber: string;
  date: string;
  dueDate: string;
  financialPeriod: string;
  externalReference?: string;
  customerRefNumber?: string;
  supplierReference?: string;
  text?: string;
  /** The document's note (the "Notes" pop-up). */
  note?: string;
  currencyId: string;
  branchNumber?: string;
  project?: string;
  vatZoneId: string;
  lines: SimLine[];
  taxDetails: SimTaxDetail[];
  detailTotal: string;
  vatTaxableTotal: string;
  vatExemptTotal: string;
  vatTotal: string;
  amount: string;
  balance: string;
  version: number;
  batchNumber?: string;
  /** Why the last background release failed (shown by later reads until a release succeeds). */
  errorInfo?: string;
  pendingRelease?: PendingRelease;
  /** Number of the document that reverses this one / that this one reverses. */
  reversedBy?: string;
  reversalOf?: string;
  created: string;
  lastModified: string;
}

/** One line of a GL batch. */
export interface SimBatchLine {
  lineNumber: number;
  accountNumber: string;
  subaccountNumber?: string;
  referenceNumber: string;
  debit: string;
  credit: string;
  description: string;
  vatCodeId?: string;
  partyNumber: string;
  branchNumber?: string;
}

/**
 * A GL batch (journal transaction): written by a release (module AR or AP, `Posted` at once) or entered by hand
 * through `POST /v2/journaltransaction` (module GL, `Balanced` or `Hold` until its release action posts it).
 */
export interface SimBatch {
  module: 'AR' | 'AP' | 'GL';
  batchNumber: string;
  /** Only `Posted` batches count in the GL balances (see README, "GL balances"). */
  status: 'Hold' | 'Balanced' | 'Posted';
  transactionDate: string;
  financialPeriod: string;
  description: string;
  currencyId: string;
  branchNumber?: string;
  lines: SimBatchLine[];
  lastModified: string;
}

/** Numbering series of a company: the last number handed out per series. */
export interface NumberSeries {
  customer: number;
  supplier: number;
  customerInvoice: number;
  customerCreditNote: number;
  supplierInvoice: number;
  supplierDebitAdj: number;
  batch: number;
  internalId: number;
  rowVersion: number;
}

/** How a company's financial years are laid out. */
export interface FiscalCalendar {
  /** Month (1–12) the financial year starts in. */
  startMonth: number;
  /** A 13th, year-end adjustment period. */
  adjustmentPeriod: boolean;
  /** The year is named after the calendar year it ends in (Acumatica's "Belongs to next year"). */
  belongsToNextYear: boolean;
}

/** Everything the simulator knows about one company. */
export interface CompanyState {
  identity: CompanyIdentity;
  licensed: boolean;
  baseCurrency: string;
  /** IANA time zone of the company: timestamps are local date-times in it. */
  timeZone: string;
  calendar: FiscalCalendar;
  /** The period the seed closed in the customer ledger (the one holding the month two months before "today"). */
  closedPeriod: string;
  /** Customer ledger (receivables) and supplier ledger (payables) control accounts. */
  receivablesAccount: string;
  payablesAccount: string;
  accounts: Map<string, SimAccount>;
  subaccounts: Map<string, SimSubaccount>;
  segments: SimSegment[];
  vatZones: Map<string, SimVatZone>;
  vatCategories: Map<string, SimVatCategory>;
  vatCodes: Map<string, SimVatCode>;
  branches: Map<string, SimBranch>;
  periods: Map<string, SimPeriod>;
  projects: Map<string, SimProject>;
  customers: Map<string, SimCustomer>;
  suppliers: Map<string, SimSupplier>;
  documents: Map<string, SimDocument>;
  batches: Map<string, SimBatch>;
  /** Background-API requests (supplier invoice release answers 202 and runs "in the background"). */
  background: Map<string, SimBackgroundRequest>;
  series: NumberSeries;
}

/** State of a background-API request. */
export interface SimBackgroundRequest {
  id: string;
  status: 'Started' | 'Finished' | 'Failed';
  statusCode: number;
  received: string;
  finished?: string;
  errorMessage?: string;
  originalUri: string;
  /** The original answer's body, served by `GET /v1/background/{id}/content`. */
  content?: unknown;
}

/** Key of a stored document: numbering is per kind. */
export function documentKey(kind: SimDocumentKind, referenceNumber: string): string {
  return `${kind}:${referenceNumber}`;
}

/** Hands out the next number of a series, zero-padded to six digits. */
export function nextNumber(company: CompanyState, series: keyof NumberSeries): string {
  company.series[series] += 1;
  return String(company.series[series]).padStart(6, '0');
}

/** The company's current local timestamp. */
export function nowIn(company: CompanyState, at: Date = new Date()): string {
  return localTimestamp(company.timeZone, at);
}

/** The next row version (used for ETags and `timeStamp`). */
export function nextVersion(company: CompanyState): number {
  company.series.rowVersion += 1;
  return company.series.rowVersion;
}
