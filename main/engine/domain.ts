/** The engine's own view of the documents it moves, independent of either API's wire shapes. */
import type { DecimalFault } from '../../shared/money';

/** Which kind of ServiceTitan document a source document is. */
export type SourceKind = 'invoice' | 'ap-bill';

/** Where a bill was seen: ServiceTitan shows procurement bills in both lists. */
export type BillView = 'ap-bills' | 'inventory-bills';

/** One line of a source document. Amounts are decimal strings, never floats. */
export interface SourceLine {
  lineId: string;
  /** `Service`, `Material`, `Equipment`… for invoices; `item` or `expense` for bills. */
  lineType: string;
  skuId?: string;
  skuCode?: string;
  description: string;
  quantity: string;
  unitPrice: string;
  /** The line's net amount (quantity × price, after ServiceTitan's own rounding). */
  amount: string;
  /** ServiceTitan GL account number on the line (revenue for invoices, expense/inventory for bills). */
  glAccountNumber?: string;
  glAccountName?: string;
  taxable: boolean;
  businessUnitId?: string;
  jobId?: string;
}

/** Why a field ServiceTitan sent could not be read (amount faults from `shared/money.ts`, plus dates and absence). */
export type ReadFault = DecimalFault | 'missing' | 'not_a_date' | 'date_out_of_range' | 'off_spec';

/** A field of a ServiceTitan document that could not be read: the document is stored, and blocked until it can. */
export interface UnreadableField {
  /** Which field, in the accountant's words: `total`, `line 1000023 quantity`, `billDate`. */
  field: string;
  /** What ServiceTitan sent, as JSON text (`"1e3"`); null when the field was absent or null. */
  value: string | null;
  why: ReadFault;
}

/** A ServiceTitan invoice or AP bill, normalized. Only fields that matter for posting (they feed the hash). */
export interface SourceDocument {
  kind: SourceKind;
  stId: string;
  /** Invoice reference number or the bill's reference. */
  number: string;
  /** UTC timestamp of the document date (invoice date / bill date). */
  documentDate: string;
  dueDate?: string;
  /** Customer (invoices) or vendor (bills). */
  partyId: string;
  partyName: string;
  businessUnitId?: string;
  businessUnitName?: string;
  jobId?: string;
  jobNumber?: string;
  projectId?: string;
  taxZoneId?: string;
  taxZoneName?: string;
  /** The vendor's own bill number (bills only). */
  vendorReference?: string;
  /** Net amount, tax and gross total as ServiceTitan computed them. */
  subTotal: string;
  tax: string;
  total: string;
  active: boolean;
  lines: SourceLine[];
  /**
   * Fields that could not be read; absent when every field was readable. An unreadable amount is stored as zero
   * (`"0.00"`, quantity and price `"0"`) and an unreadable date as `""`, so readers never meet an unparseable value,
   * but such a document is never posted.
   */
  unreadable?: UnreadableField[];
}

/** A source document together with its ServiceTitan bookkeeping fields (not hashed). */
export interface SourceEnvelope {
  doc: SourceDocument;
  modifiedOn?: string;
  /** ServiceTitan status used for eligibility (invoice `syncStatus`, bill `syncStatus`/`status`). */
  status: string;
  views?: BillView[];
}

/** The Visma documents the engine creates. */
export type VismaDocKind = 'customerInvoice' | 'customerCreditNote' | 'supplierInvoice';

/** One segment value of a subaccount. */
export interface SegmentValue {
  segmentId: number;
  segmentValue: string;
}

/** A line of a planned Visma document. */
export interface PlannedLine {
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  accountNumber: string;
  subaccount: SegmentValue[];
  vatCodeId?: string;
  branchNumber?: string;
  projectId?: string;
  /** True when the account is the holding account (no rule matched). */
  holding: boolean;
  sourceLineId: string;
}

/** A Visma document as the engine means to post it: the adapter turns this into the client's request. */
export interface PlannedDocument {
  kind: VismaDocKind;
  partyNumber: string;
  /** Local date `yyyy-MM-dd` in the profile's time zone. */
  date: string;
  dueDate?: string;
  /** `YYYYMM`. */
  financialPeriod: string;
  externalReference: string;
  customerRefNumber?: string;
  supplierReference?: string;
  text: string;
  branchNumber?: string;
  project?: string;
  vatZoneId?: string;
  hold: boolean;
  lines: PlannedLine[];
  /** What ServiceTitan says the document totals are (positive for credit notes). */
  expected: { amount: string; vat: string };
}
