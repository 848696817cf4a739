/** The shapes of a month-end reconciliation: both sides' documents, the drill-down lists and the totals. */
import type { z } from 'zod';
import { CloseBucketView, CloseReasonCodeView } from '../../../shared/contract/engine-schemas';
import type { VismaDocKind } from '../domain';

/** The document types the accountant reconciles; a credit note is a net-negative ServiceTitan invoice. */
export type ReconDocType = 'invoice' | 'creditNote' | 'apBill';

/** The order document types are listed in. */
export const RECON_DOC_TYPES: readonly ReconDocType[] = ['invoice', 'creditNote', 'apBill'];

/**
 * A ServiceTitan document of the period as the ledger knows it. Amounts follow Visma's sign convention: credit
 * notes are positive, like the Visma credit note they become.
 */
export interface StDoc {
  sourceId: number;
  stId: string;
  number: string;
  documentType: ReconDocType;
  /** The engine's key of the document in Visma (`ST-INV-<id>`, `ST-BILL-<id>`). */
  key: string;
  /** Local document date `yyyy-MM-dd` in the profile's time zone. */
  date: string;
  businessUnitId: string | null;
  businessUnitName: string | null;
  /** Gross total. */
  amount: string;
  vat: string;
  outboxId: number | null;
  state: string | null;
  reasonCode: string | null;
  reasonText: string | null;
  /** The Visma document the outbox recorded, if any. */
  vismaNumber: string | null;
  /** The financial period `YYYYMM` the engine planned the document for, if it planned it. */
  plannedPeriod: string | null;
  glBatchNumber: string | null;
  ignoredReason: string | null;
  /** ServiceTitan's customer (invoices) or vendor (bills) id and name. */
  partyId: string | null;
  partyName: string | null;
}

/** A Visma document of the period, with the ServiceTitan key it carries (or was recorded under). */
export interface VismaDoc {
  kind: VismaDocKind;
  documentType: ReconDocType;
  number: string;
  /** The engine's key: from the external reference / description, or from the outbox's document number. */
  key: string | null;
  keyFrom: 'reference' | 'number' | null;
  date: string;
  financialPeriod: string | null;
  amount: string;
  vat: string;
  released: boolean;
  hold: boolean;
  partyNumber: string;
  /** The customer's or supplier's name when Visma's list carried it. */
  partyName: string | null;
  /** Visma's status (`Hold`, `Balanced`, `Open`, `Closed`, `Voided`, …). */
  status: string;
  /** The document this one reverses (a credit note or debit adjustment made by Visma's Reverse), if any. */
  reversalOf: string | null;
  /** Visma's own document type (`Invoice`, `CreditNote`, `DebitAdj`, …), when the list carried it. */
  vismaDocumentType: string | null;
}

/** A ledger document that a Visma document of the period points at, but that is not reconciled in this period. */
export interface LedgerRef {
  key: string;
  stId: string;
  number: string;
  date: string;
  /** In scope for reconciliation: eligible now, or exported and still active (see `ledger-side.ts`). */
  eligible: boolean;
  businessUnitId: string | null;
  businessUnitName: string | null;
}

/** What differs between the two sides of a pair. */
export type PairDifference = 'amount' | 'vat' | 'type';

/** A ServiceTitan document and its one Visma document; the differences are ServiceTitan minus Visma. */
export interface Pair {
  st: StDoc;
  visma: VismaDoc;
  differences: PairDifference[];
  amountDifference: string;
  vatDifference: string;
}

/** Why an eligible ServiceTitan document has no Visma document in the period. */
export type MissingWhy = 'waiting' | 'posted_in_other_period' | 'not_found_in_visma';

/** An eligible ServiceTitan document without a Visma document in the period. */
export interface Missing {
  st: StDoc;
  why: MissingWhy;
}

/** A ServiceTitan document with more than one Visma document. */
export interface Duplicated {
  st: StDoc;
  visma: VismaDoc[];
}

/** A document the accountant chose to ignore, with any Visma documents that carry its key anyway. */
export interface Ignored {
  st: StDoc;
  visma: VismaDoc[];
}

/** A Visma document of the period whose ServiceTitan document is dated in another period or no longer eligible. */
export interface OutsidePeriod {
  visma: VismaDoc;
  source: LedgerRef;
  why: 'other_period' | 'not_eligible';
}

/** The drill-down lists. */
export interface Drilldown {
  matched: Pair[];
  different: Pair[];
  missing: Missing[];
  duplicated: Duplicated[];
  ignored: Ignored[];
  /** Visma documents with the engine's key pattern and no ledger row. */
  unknownInVisma: VismaDoc[];
  /** Visma documents without the engine's key: entered by hand, counted, not flagged. */
  postedByHand: VismaDoc[];
  outsidePeriod: OutsidePeriod[];
}

/** A count with its gross and VAT sums (decimal strings). */
export interface Figures {
  count: number;
  amount: string;
  vat: string;
}

/** Both sides' figures of one document type and business unit; `difference` is ServiceTitan minus Visma. */
export interface TotalsRow {
  documentType: ReconDocType;
  businessUnitId: string | null;
  businessUnitName: string | null;
  servicetitan: Figures;
  /** Released documents only (booked); unreleased ones are in `vismaNotBooked`. */
  visma: Figures;
  difference: Figures;
  /** Visma documents of the period not booked yet (unreleased, on hold). */
  vismaNotBooked: Figures;
}

/** Totals of Visma documents entered by hand, per document type. */
export interface HandTotals {
  documentType: ReconDocType;
  figures: Figures;
}

/** The full reconciliation of a period: the drill-down lists (kept as they were) and the three-way close. */
export interface Reconciliation extends Drilldown, CloseReport {
  profileId: string;
  /** `YYYY-MM`. */
  period: string;
  /** Visma's `YYYYMM`. */
  financialPeriod: string;
  timeZone: string;
  generatedAt: string;
  /** Per document type and business unit. */
  totals: TotalsRow[];
  /** Per document type over all business units. */
  totalsByType: TotalsRow[];
  postedByHandTotals: HandTotals[];
  counts: Record<keyof Drilldown, number>;
  /** HTTP calls the reconciliation made to Visma. */
  vismaCalls: number;
}

// ── Month-end close: three ways (ServiceTitan read live ↔ ledger ↔ Visma) ─────────────────────────────────────────

/** The one place each document of a period lands in the month-end close. */
export type CloseBucket =
  /** Booked and released in Visma with ServiceTitan's amount and VAT. */
  | 'matched'
  /** In Visma but not booked yet: unreleased, on hold, or on the holding account. */
  | 'notBooked'
  /** Waiting in the review queue (blocked, uncertain, not posted yet). */
  | 'waiting'
  /** ServiceTitan has it, neither the ledger nor Visma does: the sync never saw it. */
  | 'neverSynced'
  /** Changed in ServiceTitan after it was posted. */
  | 'changedInServiceTitan'
  /** Booked with a different amount, VAT or document type. */
  | 'different'
  /** More than one Visma document (in any period) carries its marker. */
  | 'duplicated'
  /** A Visma document of the period without our marker. */
  | 'postedByHand'
  /** We posted it, and it was deleted or reversed in Visma since. */
  | 'deletedInVisma'
  /** The accountant chose to ignore it (who and why in the reason). */
  | 'ignored'
  /** A Visma document of the period whose ServiceTitan document belongs to another period (or no longer counts). */
  | 'outsidePeriod';

/** Every bucket, in the order the report lists them. */
export const CLOSE_BUCKETS: readonly CloseBucket[] = CloseBucketView.options;

/**
 * Why an entry is in its bucket (the message code is `recon.reason.<code>`). Parameters, by code:
 * - `booked` {vismaNumber} · `unreleased` {vismaNumber, status} · `onHold` {vismaNumber}
 * - `holdingAccount` {vismaNumber, reviewReason?} (reviewReason: a review `ReasonCode`, translated as such)
 * - `waiting` {reviewReason, state} · `uncertain` {state} · `notPostedYet` {state}
 * - `neverSynced` {} · `changedAfterPosting` {fields} (comma-separated field names: total, tax, date, …)
 * - `different` {differences, amountDifference, vatDifference} (differences: comma-separated amount, vat, type)
 * - `duplicated` {count, numbers, periods} (comma-separated)
 * - `postedByHand` {vismaNumber} · `deletedInVisma` {vismaNumber} · `reversedInVisma` {vismaNumber, reversal}
 * - `ignored` {by, why} · `otherPeriod` {date} · `notEligible` {} · `unknownSource` {marker}
 */
export type CloseReasonCode = z.infer<typeof CloseReasonCodeView>;

/** Every reason code (texts must exist for each, in every language). */
export const CLOSE_REASON_CODES: readonly CloseReasonCode[] = CloseReasonCodeView.options;

/** Why an entry is in its bucket: a reason code with its parameters; texts live per language. */
export interface CloseReason {
  code: CloseReasonCode;
  params: Record<string, string | number>;
}

/** The customer or supplier of an entry: ServiceTitan's id and name, Visma's number (either may be unknown). */
export interface CloseParty {
  stId: string | null;
  name: string | null;
  vismaNumber: string | null;
}

/** One document of the period in the close, in exactly one bucket. */
export interface CloseEntry {
  bucket: CloseBucket;
  reason: CloseReason;
  documentType: ReconDocType;
  businessUnitId: string | null;
  businessUnitName: string | null;
  party: CloseParty;
  /** The ServiceTitan document (as read live when it could be, else as the ledger holds it); null when posted by hand. */
  st: StDoc | null;
  /** The Visma documents that carry it (more than one when duplicated; from any period). */
  visma: VismaDoc[];
  /** The entry's gross and VAT: ServiceTitan's when it has one, else the Visma document's (Visma sign convention). */
  amount: string;
  vat: string;
}

/** The checks that must all hold before a period can be closed. */
export type ChecklistId =
  | 'nothingWaiting'
  | 'nothingUncertain'
  | 'nothingUnreleased'
  | 'noUnexplainedDifference'
  | 'holdingAccountEmpty';

/** One check of "ready to close": how many things stand in its way and which buckets list them. */
export interface ChecklistItem {
  id: ChecklistId;
  ok: boolean;
  count: number;
  /** The buckets that list what stands in the way (the page links to them). */
  buckets: CloseBucket[];
  /** For `noUnexplainedDifference`: the GL accounts with an unexplained difference. */
  accounts?: string[];
}

/** "Ready to close": every check holds. */
export interface Checklist {
  ready: boolean;
  items: ChecklistItem[];
}

/** What an account is used for by the mappings. */
export type GlRole = 'revenue' | 'expense' | 'holding' | 'receivables' | 'payables' | 'vat';

/** One GL account's period movement in Visma against what the period's documents explain (debit minus credit). */
export interface GlAccountLine {
  account: string;
  description: string | null;
  roles: GlRole[];
  /** Visma's period-to-date debit and credit, and their net (debit minus credit). */
  debit: string;
  credit: string;
  net: string;
  /** The net the period's released documents explain. */
  explained: string;
  /** `net - explained`: a manual journal, a posting on the wrong account, a document the lists did not show. */
  unexplained: string;
}

/** The GL level of the close: null when Visma's balances could not be read (the reason is then in `glError`). */
export interface GlLevel {
  accounts: GlAccountLine[];
  /** Accounts whose unexplained difference is not zero. */
  unexplainedAccounts: string[];
}

/** The three-way close added to the reconciliation (`reconcile --json` grows by these fields). */
export interface CloseReport {
  entries: CloseEntry[];
  bucketCounts: Record<CloseBucket, number>;
  checklist: Checklist;
  gl: GlLevel | null;
  glError: string | null;
  /** Whether ServiceTitan was read live (false: it could not be reached, the ledger stood in; see `servicetitanError`). */
  servicetitanLive: boolean;
  servicetitanError: string | null;
  /** HTTP calls the reconciliation made to ServiceTitan. */
  servicetitanCalls: number;
  /** Visma's company name, for the auditor's report. */
  companyName: string | null;
  /** Where the time went (ms): waiting for Visma, waiting for ServiceTitan, and in all. */
  timings: {
    vismaMs: number;
    servicetitanMs: number;
    totalMs: number;
    /** CPU time of the close's own work, the waits for both APIs (and the parsing of their answers) left out. */
    engineCpuMs: number;
  };
  /** Visma's first and last day of the financial period (`yyyy-MM-dd`). */
  periodStart: string;
  periodEnd: string;
}
