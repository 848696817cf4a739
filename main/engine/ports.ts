/** What the engine needs from each API. Adapters in `adapters/` implement these over the real clients. */
import type { PlannedDocument, SourceEnvelope, SourceKind, VismaDocKind } from './domain';
import type { PartyFields } from './alignment/fields';
import type {
  NewVismaCustomer,
  StCustomerRecord,
  StTagType,
  StVendorRecord,
  VismaPartyRecord,
} from './master-data/records';
import type {
  StBusinessUnitInfo,
  StCustomerInfo,
  StTaxZoneInfo,
  StVendorInfo,
  VAccount,
  VBranch,
  VParty,
  VPeriod,
  VProject,
  VSegment,
  VVatCategory,
  VVatCode,
  VVatZone,
} from './master-data/types';

/** A batch of changed source documents and the cursor to store once the batch is processed. */
export interface ChangeBatch {
  envelopes: SourceEnvelope[];
  cursor?: string;
  /** Records ServiceTitan sent that do not match its API description: they go to the review queue, never dropped. */
  rejected?: RejectedRecord[];
}

/** A ServiceTitan record that could not be read at all (it breaks the API description). */
export interface RejectedRecord {
  kind: SourceKind;
  /** Its id when it has one (without one, only the audit log can tell of it). */
  stId: string | null;
  problems: string;
}

/** ServiceTitan for the sync pipeline (documents, the parties and lists they need) and master-data alignment. */
export interface StPort {
  /** Invoices changed since `cursor` (a saved feed position or a start date), in batches. */
  invoiceChanges(cursor: string | undefined): AsyncIterable<ChangeBatch>;
  /** Full invoices by id (webhooks; at most 50 per call inside). */
  invoicesByIds(ids: string[]): Promise<ChangeBatch>;
  /** AP bills (procurement and standalone, each read once) modified on or after `since`; cursor = newest modifiedOn. */
  billChanges(since: string | undefined): AsyncIterable<ChangeBatch>;
  /**
   * The documents of a period read live for the month-end close (every page at the largest page size): invoices
   * invoiced in `[invoicedFrom, invoicedBefore)` and bills created on or after `billsCreatedFrom` (ServiceTitan
   * filters bills by creation only; the caller keeps those whose own date is in the period).
   */
  periodDocuments(window: {
    invoicedFrom: string;
    invoicedBefore: string;
    billsCreatedFrom: string;
  }): Promise<ChangeBatch>;
  /** Customers by id, as creating a Visma customer for a document needs them. */
  customersByIds(ids: string[]): Promise<StCustomerInfo[]>;
  /** Vendors by id, as creating a Visma supplier for a bill needs them. */
  vendorsByIds(ids: string[]): Promise<StVendorInfo[]>;
  /** Tax zones with their total rates. */
  taxZones(): Promise<StTaxZoneInfo[]>;
  /** Business units. */
  businessUnits(): Promise<StBusinessUnitInfo[]>;
  /** Marks invoices exported with the Visma number (null: nothing to post); returns the ids that failed, with a reason. */
  markInvoicesExported(entries: { stId: string; vismaNumber: string | null }[]): Promise<Map<string, string>>;
  /** Marks bills exported in every list they were seen in; returns the ids that failed, with a reason. */
  markBillsExported(
    entries: { stId: string; views: string[]; vismaNumber: string | null }[],
  ): Promise<Map<string, string>>;
  /** Every vendor, active or not, with its mapped fields and the connector's external data (alignment). */
  vendorRecords(): Promise<StVendorRecord[]>;
  /** Creates a vendor carrying the supplier number in its external data; returns the new id. */
  createVendor(fields: PartyFields, supplierNumber: string): Promise<string>;
  /** Writes changed fields to a vendor (the full address when any part of it changed). */
  updateVendor(id: string, changes: Partial<PartyFields>, current: PartyFields): Promise<void>;
  /** Stores the supplier number in the vendor's external data (patch mode Merge: other applications' keys stay). */
  linkVendor(id: string, supplierNumber: string): Promise<void>;
  /** Customers with their mapped fields, all or those modified on or after `since` (alignment). */
  customerRecords(since?: string): Promise<StCustomerRecord[]>;
  /** Customers with their mapped fields by id, active or not (alignment). */
  customerRecordsByIds(ids: string[]): Promise<StCustomerRecord[]>;
  /** Primary e-mail per customer id (bulk: 50 customers per call; see `primaryEmails`). */
  customerEmails(customerIds: string[]): Promise<Map<string, string>>;
  /** Ids of customers whose contacts changed on or after `since` (a contact change does not touch the customer). */
  customersWithChangedContacts(since: string): Promise<string[]>;
  /** Tag types, active or not. */
  tagTypes(): Promise<StTagType[]>;
  /** The tax zone of the customer's first active location. */
  customerTaxZone(customerId: string): Promise<string | undefined>;
  /** HTTP calls made so far (token requests included). */
  callCount(): number;
  /** Token requests made so far (part of `callCount`). */
  tokenCount(): number;
}

/** The outcome of a Visma write that may or may not have landed. */
export type WriteOutcome<T> =
  | { status: 'ok'; value: T }
  /** Timeout, dropped connection, 5xx after sending or a create without `Location`: the write may have been committed. */
  | { status: 'uncertain'; message: string }
  /**
   * Visma answered with a refusal (4xx); nothing was stored. `reason` names the refusals the lifecycle acts on: the
   * document no longer exists, it is already released, or an earlier action on it (a queued release) still runs.
   */
  | { status: 'rejected'; message: string; reason?: 'not_found' | 'already_released' | 'in_progress' };

/** What Visma said to a release request: done now, queued (finishes later in the background) or failed. */
export type ReleaseAnswer = { state: 'done' } | { state: 'queued' } | { state: 'failed'; message: string };

/** A Visma document as listed or read back. */
export interface FoundDocument {
  kind: VismaDocKind;
  number: string;
  externalReference?: string;
  supplierReference?: string;
  /** Supplier invoices: the document text, which ends with the marker `(ST-<tenant>-BILL-<id>)`. */
  description?: string;
  /** The document's note; supplier invoices carry the marker here. */
  note?: string;
  partyNumber: string;
  date: string;
  financialPeriod?: string;
  /** Visma's status (`Hold`, `Balanced`, `Open`, `Closed`, `Voided`, …). */
  status: string;
  /** Released in Visma (status `Open` or `Closed`). */
  released: boolean;
  hold: boolean;
  amount: string;
  vatTotal: string;
  /** Why Visma could not finish an action on the document (a failed background release). */
  errorInfo?: string;
  /** Visma's last-modified timestamp, company-local without an offset, as Visma returned it. */
  lastModified?: string;
  /** The customer's or supplier's name, when the list carried it. */
  partyName?: string;
  /** Visma's own document type (`Invoice`, `CreditNote`, `DebitAdj`, `CreditAdj`, …). */
  documentType?: string;
  /** The document this one reverses, when Visma's Reverse made it. */
  reversalOf?: string;
  /** Net line amounts per GL account (the list's lines), for the close's GL level. */
  lineAccounts?: { account: string; amount: string }[];
  /** VAT per VAT code (the document's tax details), for the close's GL level. */
  vatDetails?: { vatId: string; amount: string }[];
  /** Customer documents: the customer-ledger (receivables) account Visma names on the document. */
  ledgerAccount?: string;
}

/** One GL account's movement in a financial period, summed over branches and subaccounts (decimal strings). */
export interface GlBalance {
  account: string;
  description: string | null;
  /** Period-to-date debit and credit of the actual ledger. */
  debit: string;
  credit: string;
}

/** Master data lists; `since` asks for records changed after a timestamp (incremental refresh). */
export interface VismaMasterDataPort {
  accounts(since?: string): Promise<VAccount[]>;
  /** VAT codes with the zones they are allowed in and their last valid day. */
  vatCodes(): Promise<VVatCode[]>;
  vatCategories(): Promise<VVatCategory[]>;
  vatZones(): Promise<VVatZone[]>;
  segments(): Promise<VSegment[]>;
  branches(): Promise<VBranch[]>;
  periods(): Promise<VPeriod[]>;
  customers(since?: string): Promise<VParty[]>;
  suppliers(since?: string): Promise<VParty[]>;
  projects(since?: string): Promise<VProject[]>;
}

/** Customer and supplier records with their mapped fields, as master-data alignment reads and writes them. */
export interface VismaPartyRecordPort {
  /** Every supplier with its mapped fields. */
  supplierRecords(): Promise<VismaPartyRecord[]>;
  /** Creates a supplier from mapped fields; returns its number. */
  createSupplierRecord(fields: PartyFields, vatZoneId?: string): Promise<string>;
  /**
   * Updates a supplier with `If-Match`: `change` gets the fresh supplier and returns the fields to write (null:
   * nothing); on 412 the supplier is re-read and `change` applied again. Returns false when nothing was written.
   */
  updateSupplier(
    number: string,
    change: (current: VismaPartyRecord) => Partial<PartyFields> | null,
  ): Promise<boolean>;
  /** Every customer with its mapped fields. */
  customerRecords(): Promise<VismaPartyRecord[]>;
  /** Creates a customer from mapped fields (with VAT zone and customer class); returns its number. */
  createCustomerRecord(customer: NewVismaCustomer): Promise<string>;
  /** Writes changed fields to a customer. */
  updateCustomer(number: string, changes: Partial<PartyFields>): Promise<void>;
}

/** Visma for the sync pipeline (master data, parties, documents) and master-data alignment. */
export interface VismaPort extends VismaMasterDataPort, VismaPartyRecordPort {
  /** Creates the Visma customer a document needs (VAT zone: the profile's or the first Visma lists). */
  createCustomer(customer: StCustomerInfo): Promise<WriteOutcome<VParty>>;
  /** Creates the Visma supplier a bill needs (VAT zone: the profile's or the first Visma lists). */
  createSupplier(vendor: StVendorInfo): Promise<WriteOutcome<VParty>>;
  /** Creates a document (unreleased); the value is its number. */
  createDocument(doc: PlannedDocument): Promise<WriteOutcome<string>>;
  /** Replaces an unreleased document's header and lines with `doc`. */
  updateDocument(number: string, doc: PlannedDocument): Promise<WriteOutcome<void>>;
  /** Asks Visma to release a document; a queued release finishes later and is followed through the lists. */
  releaseDocument(kind: VismaDocKind, number: string): Promise<WriteOutcome<ReleaseAnswer>>;
  /** Deletes an unreleased document (a duplicate made by a simultaneous post). */
  deleteDocument(kind: VismaDocKind, number: string): Promise<WriteOutcome<void>>;
  /** One document by number, or null when it does not exist. */
  getDocument(kind: VismaDocKind, number: string): Promise<FoundDocument | null>;
  /**
   * Documents of a kind modified on or after a Visma timestamp (every page); every document when `since` is absent.
   * `details` asks for what the reconciliation reads too (tax details, applications).
   */
  listChangedDocuments(
    kind: VismaDocKind,
    since?: string,
    options?: { details?: boolean },
  ): Promise<FoundDocument[]>;
  /**
   * Documents of a kind in a financial period `YYYYMM`, all pages, with their details (reconciliation);
   * `modifiedBefore` keeps those last modified before a Visma timestamp (the rest come from a changed-list).
   */
  listDocumentsInPeriod(
    kind: VismaDocKind,
    financialPeriod: string,
    options?: { modifiedBefore?: string },
  ): Promise<FoundDocument[]>;
  /** The general ledger's period-to-date debit and credit per account in a financial period (all pages, one list). */
  glBalances(financialPeriod: string): Promise<GlBalance[]>;
  /** GL batch numbers of released documents, by document number (bulk). */
  findGlBatches(
    module: 'AR' | 'AP',
    docs: { number: string; financialPeriod: string }[],
  ): Promise<Map<string, string>>;
  /**
   * How long after it was sent an unanswered create may still land in Visma: an uncertain document is not sent
   * again before this has passed and a look-up by marker has found nothing.
   */
  landingGraceMs(): number;
  /** HTTP calls made so far (token requests included). */
  callCount(): number;
  /** Token requests made so far (part of `callCount`). */
  tokenCount(): number;
  /**
   * Tells `listener` when calls wait long for Visma's hourly call limit to reset, with the time they resume; returns
   * the unsubscribe. Optional: a port without a rate limit never waits.
   */
  onRateLimitWait?(listener: (resumeAt: Date) => void): () => void;
}

/** The two API ports of a profile: the sync pipeline and master-data alignment use the same ones. */
export interface EnginePorts {
  st: StPort;
  visma: VismaPort;
}

/** Why Visma refused a write, where the lifecycle acts on it (see `WriteOutcome`). */
export type RefusalReason = NonNullable<Extract<WriteOutcome<unknown>, { status: 'rejected' }>['reason']>;

/** A failure that ends the whole run (bad credentials, unreachable service); the message is for the user. */
export class FatalSyncError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FatalSyncError';
  }
}

/**
 * A call that failed for what it was about, not for the connection: the system refused it (`refused`; nothing was
 * changed) or a write got no clear answer (`uncertain`; it may have landed). The caller records it and goes on.
 * `message` is the client's plain-language text; the client error is the `cause`.
 */
export class RecordCallError extends Error {
  /** Why it was refused, when the engine acts on it. */
  readonly reason: RefusalReason | undefined;

  constructor(
    readonly system: 'ServiceTitan' | 'Visma',
    readonly outcome: 'refused' | 'uncertain',
    message: string,
    options: { cause: unknown; reason?: RefusalReason | undefined },
  ) {
    super(message, { cause: options.cause });
    this.name = 'RecordCallError';
    this.reason = options.reason;
  }
}
