/** The shapes of a month-end reconciliation: both sides' documents, the drill-down lists and the totals. */
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
  visma: Figures;
  difference: Figures;
}

/** Totals of Visma documents entered by hand, per document type. */
export interface HandTotals {
  documentType: ReconDocType;
  figures: Figures;
}

/** The full reconciliation of a period. */
export interface Reconciliation extends Drilldown {
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
