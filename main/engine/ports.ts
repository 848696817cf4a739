/** What the engine needs from each API. Adapters in `adapters/` implement these over the real clients. */
import type { PlannedDocument, SourceEnvelope, VismaDocKind } from './domain';
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
}

/** Reading and marking ServiceTitan documents. */
export interface StPort {
  /** Invoices changed since `cursor` (a saved feed position or a start date), in batches. */
  invoiceChanges(cursor: string | undefined): AsyncIterable<ChangeBatch>;
  /** Full invoices by id (webhooks; at most 50 per call inside). */
  invoicesByIds(ids: string[]): Promise<SourceEnvelope[]>;
  /** AP bills (procurement, standalone) and inventory bills modified on or after `since`; cursor = newest modifiedOn. */
  billChanges(since: string | undefined): AsyncIterable<ChangeBatch>;
  /** Customers by id. */
  customersByIds(ids: string[]): Promise<StCustomerInfo[]>;
  /** Vendors by id. */
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
  /** HTTP calls made so far. */
  callCount(): number;
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
}

/** Master data lists; `since` asks for records changed after a timestamp (incremental refresh). */
export interface VismaMasterDataPort {
  accounts(since?: string): Promise<VAccount[]>;
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

/** Writing and reading Visma documents. */
export interface VismaPort extends VismaMasterDataPort {
  createCustomer(customer: StCustomerInfo): Promise<WriteOutcome<VParty>>;
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
  /** Documents of a kind modified on or after a Visma timestamp (every page); every document when `since` is absent. */
  listChangedDocuments(kind: VismaDocKind, since?: string): Promise<FoundDocument[]>;
  /** Documents of a kind in a financial period `YYYYMM`, all pages (reconciliation). */
  listDocumentsInPeriod(kind: VismaDocKind, financialPeriod: string): Promise<FoundDocument[]>;
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
  /** HTTP calls made so far. */
  callCount(): number;
}

/** A failure that ends the whole run (bad credentials, unreachable service); the message is for the user. */
export class FatalSyncError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FatalSyncError';
  }
}
