/**
 * The three-way month-end close: every ServiceTitan document of the period (read live) with what the ledger knows
 * of it and every Visma document that carries its marker (any period), and every Visma document of the period,
 * lands in exactly one bucket with the reason in a message code.
 */
import { comparePair } from './match';
import type {
  CloseBucket,
  CloseEntry,
  CloseReason,
  CloseReasonCode,
  LedgerRef,
  StDoc,
  VismaDoc,
} from './types';
import { CLOSE_BUCKETS } from './types';

/** A ServiceTitan document of the period as the close sees it. */
export interface CloseStDoc {
  /** Live values (when ServiceTitan was read) with the ledger's outbox fields. */
  st: StDoc;
  /** Known to the ledger (taken on by a sync). */
  inLedger: boolean;
  /** The review flag on a posted document (`holding_account`, `tax_difference`, `changed_after_posting`, …). */
  reviewCode: string | null;
  /** Lines of the posted document went to the holding account (no mapping rule). */
  onHoldingAccount: boolean;
  /** Fields ServiceTitan changed since the ledger's snapshot of a posted document. */
  changedFields: string[];
  /** Who ignored it (the audit log's actor), when it is ignored. */
  ignoredBy: string | null;
}

/** A Visma document of the period that no document of the period claims. */
export interface OtherVismaDoc {
  visma: VismaDoc;
  /** The ServiceTitan document its marker names, when the ledger or the live read knows it. */
  source: LedgerRef | null;
}

/** What the close classifies. */
export interface CloseInput {
  stDocs: readonly CloseStDoc[];
  /** Every Visma document under each key, from the period's lists and (for other periods) the presence lists. */
  vismaByKey: ReadonlyMap<string, readonly VismaDoc[]>;
  /** Visma documents of the period without our marker. */
  postedByHand: readonly VismaDoc[];
  /** Visma documents of the period whose marker names a document outside the period (or an unknown one). */
  others: readonly OtherVismaDoc[];
}

/** Zero in every bucket. */
export function zeroBucketCounts(): Record<CloseBucket, number> {
  return Object.fromEntries(CLOSE_BUCKETS.map((b) => [b, 0])) as Record<CloseBucket, number>;
}

const POSTED = new Set(['posted', 'releasing', 'released', 'exported']);
const UNCERTAIN = new Set(['uncertain', 'posting']);

const reason = (code: CloseReasonCode, params: CloseReason['params'] = {}): CloseReason => ({ code, params });

/** True for a document Visma's Reverse makes: it copies the original's texts, marker included. */
function looksLikeReversal(v: VismaDoc, st: StDoc): boolean {
  if (v.reversalOf) return true;
  if (v.kind === 'supplierInvoice') return v.vismaDocumentType === 'DebitAdj';
  return st.documentType === 'invoice' && v.kind === 'customerCreditNote';
}

/** The bucket and reason of a document that has no Visma document (left). */
function withoutVisma(d: CloseStDoc): [CloseBucket, CloseReason] {
  const { st } = d;
  if (!d.inLedger) return ['neverSynced', reason('neverSynced')];
  if (st.state && POSTED.has(st.state) && st.vismaNumber)
    return ['deletedInVisma', reason('deletedInVisma', { vismaNumber: st.vismaNumber })];
  if (st.state && UNCERTAIN.has(st.state)) return ['waiting', reason('uncertain', { state: st.state })];
  if (st.reasonCode)
    return ['waiting', reason('waiting', { reviewReason: st.reasonCode, state: st.state ?? '' })];
  return ['waiting', reason('notPostedYet', { state: st.state ?? 'pending' })];
}

/** The bucket and reason of a document with exactly one (non-reversal) Visma document. */
function withOne(d: CloseStDoc, v: VismaDoc): [CloseBucket, CloseReason] {
  if (d.changedFields.length > 0 || d.reviewCode === 'changed_after_posting')
    return [
      'changedInServiceTitan',
      reason('changedAfterPosting', { fields: d.changedFields.join(', ') || 'lines' }),
    ];
  const pair = comparePair(d.st, v);
  if (pair.differences.length > 0)
    return [
      'different',
      reason('different', {
        differences: pair.differences.join(', '),
        amountDifference: pair.amountDifference,
        vatDifference: pair.vatDifference,
      }),
    ];
  if (!v.released) {
    if (d.onHoldingAccount)
      return [
        'notBooked',
        reason('holdingAccount', { vismaNumber: v.number, reviewReason: 'holding_account' }),
      ];
    if (v.hold) return ['notBooked', reason('onHold', { vismaNumber: v.number })];
    return ['notBooked', reason('unreleased', { vismaNumber: v.number, status: v.status })];
  }
  return ['matched', reason('booked', { vismaNumber: v.number, financialPeriod: v.financialPeriod ?? '' })];
}

/** Where one ServiceTitan document of the period lands. */
function classify(d: CloseStDoc, visma: readonly VismaDoc[]): [CloseBucket, CloseReason] {
  const reversals = visma.filter((v) => looksLikeReversal(v, d.st));
  // A "reversal" with no original beside it is a document posted with the wrong type, not a reversal.
  const copies = reversals.length === visma.length ? [...visma] : visma.filter((v) => !reversals.includes(v));
  if (d.st.state === 'ignored')
    return ['ignored', reason('ignored', { by: d.ignoredBy ?? '', why: d.st.ignoredReason ?? '' })];
  if (copies.length > 1)
    return [
      'duplicated',
      reason('duplicated', {
        count: copies.length,
        numbers: copies.map((v) => v.number).join(', '),
        periods: [...new Set(copies.map((v) => v.financialPeriod ?? ''))].join(', '),
      }),
    ];
  const reversal = reversals.find(
    (r) => !copies.includes(r) && (!r.reversalOf || copies.some((c) => c.number === r.reversalOf)),
  );
  if (copies.length === 1 && reversal)
    return [
      'deletedInVisma',
      reason('reversedInVisma', { vismaNumber: copies[0]!.number, reversal: reversal.number }),
    ];
  if (copies.length === 0) return withoutVisma(d);
  const [bucket, why] = withOne(d, copies[0]!);
  // The accountant accepted a difference on a posted document: it is theirs to explain, not an open difference.
  if (d.st.ignoredReason && (bucket === 'different' || bucket === 'changedInServiceTitan'))
    return ['ignored', reason('ignored', { by: d.ignoredBy ?? '', why: d.st.ignoredReason })];
  return [bucket, why];
}

function stEntry(d: CloseStDoc, visma: readonly VismaDoc[]): CloseEntry {
  const [bucket, why] = classify(d, visma);
  const first = visma[0];
  return {
    bucket,
    reason: why,
    documentType: d.st.documentType,
    businessUnitId: d.st.businessUnitId,
    businessUnitName: d.st.businessUnitName,
    party: {
      stId: d.st.partyId,
      name: d.st.partyName ?? first?.partyName ?? null,
      vismaNumber: first?.partyNumber ?? null,
    },
    st: d.st,
    visma: [...visma].sort((a, b) => a.number.localeCompare(b.number)),
    amount: d.st.amount,
    vat: d.st.vat,
  };
}

function vismaEntry(
  bucket: CloseBucket,
  why: CloseReason,
  v: VismaDoc,
  source: LedgerRef | null,
): CloseEntry {
  return {
    bucket,
    reason: why,
    documentType: v.documentType,
    businessUnitId: source?.businessUnitId ?? null,
    businessUnitName: source?.businessUnitName ?? null,
    party: { stId: null, name: v.partyName, vismaNumber: v.partyNumber },
    st: null,
    visma: [v],
    amount: v.amount,
    vat: v.vat,
  };
}

/** Visma documents of the period under a marker of another period's document: a duplicate when more than one. */
function otherEntries(others: readonly OtherVismaDoc[]): CloseEntry[] {
  const byKey = new Map<string, OtherVismaDoc[]>();
  for (const o of others) byKey.set(o.visma.key ?? '', [...(byKey.get(o.visma.key ?? '') ?? []), o]);
  return [...byKey.values()].flatMap((group) => {
    if (group.length === 1) return [otherEntry(group[0]!)];
    const visma = group.map((o) => o.visma).sort((a, b) => a.number.localeCompare(b.number));
    const why = reason('duplicated', {
      count: visma.length,
      numbers: visma.map((v) => v.number).join(', '),
      periods: [...new Set(visma.map((v) => v.financialPeriod ?? ''))].join(', '),
    });
    return [{ ...vismaEntry('duplicated', why, visma[0]!, group[0]!.source), visma }];
  });
}

function otherEntry(o: OtherVismaDoc): CloseEntry {
  if (!o.source)
    return vismaEntry('outsidePeriod', reason('unknownSource', { marker: o.visma.key ?? '' }), o.visma, null);
  const why = o.source.eligible ? reason('otherPeriod', { date: o.source.date }) : reason('notEligible');
  return vismaEntry('outsidePeriod', why, o.visma, o.source);
}

const order = (e: CloseEntry) => e.st?.number ?? e.visma[0]?.number ?? '';

/** Sorts every document of the period into exactly one bucket. */
export function classifyClose(input: CloseInput): {
  entries: CloseEntry[];
  bucketCounts: Record<CloseBucket, number>;
} {
  const entries = [
    ...input.stDocs.map((d) => stEntry(d, input.vismaByKey.get(d.st.key) ?? [])),
    ...input.postedByHand.map((v) =>
      vismaEntry('postedByHand', reason('postedByHand', { vismaNumber: v.number }), v, null),
    ),
    ...otherEntries(input.others),
  ].sort((a, b) => order(a).localeCompare(order(b)));
  const bucketCounts = zeroBucketCounts();
  for (const e of entries) bucketCounts[e.bucket]++;
  return { entries, bucketCounts };
}
