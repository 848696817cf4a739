import { money, toCents } from '../../../shared/money';
import type { Drilldown, LedgerRef, MissingWhy, Pair, PairDifference, StDoc, VismaDoc } from './types';

/** What matching needs: the period's ServiceTitan documents, its Visma documents and the ledger behind other keys. */
export interface MatchInput {
  /** `YYYYMM`. */
  financialPeriod: string;
  /** Eligible ServiceTitan documents dated in the period (ignored ones included). */
  stDocs: readonly StDoc[];
  /** Visma documents of the period, keys resolved. */
  vismaDocs: readonly VismaDoc[];
  /** Ledger documents behind keys of Visma documents that are not among `stDocs`. */
  elsewhere: ReadonlyMap<string, LedgerRef>;
}

const POSTED = new Set(['posted', 'released', 'exported']);

const ZERO = toCents(money(0));

/** `a − b` in cents; equal strings (both sides are rendered by `toCents`) need no arithmetic. */
function centsDifference(a: string, b: string): string {
  return a === b ? ZERO : toCents(money(a).minus(b));
}

/** Compares a ServiceTitan document with its Visma document: type, gross amount and VAT, exactly. */
export function comparePair(st: StDoc, visma: VismaDoc): Pair {
  const differences: PairDifference[] = [];
  const amountDifference = centsDifference(st.amount, visma.amount);
  const vatDifference = centsDifference(st.vat, visma.vat);
  if (st.documentType !== visma.documentType) differences.push('type');
  if (st.amount !== visma.amount && !money(st.amount).equals(visma.amount)) differences.push('amount');
  if (st.vat !== visma.vat && !money(st.vat).equals(visma.vat)) differences.push('vat');
  return { st, visma, differences, amountDifference, vatDifference };
}

/** Why an eligible document has no Visma document in the period, from its outbox row. */
export function missingWhy(st: StDoc, financialPeriod: string): MissingWhy {
  if (!st.state || !POSTED.has(st.state)) return 'waiting';
  if (st.plannedPeriod && st.plannedPeriod !== financialPeriod) return 'posted_in_other_period';
  return 'not_found_in_visma';
}

const byNumber = <T extends { number: string }>(a: T, b: T) => a.number.localeCompare(b.number);
const byStNumber = <T extends { st: StDoc }>(a: T, b: T) => byNumber(a.st, b.st);

/** Sorts every list for a stable report. */
function sorted(d: Drilldown): Drilldown {
  return {
    matched: d.matched.sort(byStNumber),
    different: d.different.sort(byStNumber),
    missing: d.missing.sort(byStNumber),
    duplicated: d.duplicated.sort(byStNumber),
    ignored: d.ignored.sort(byStNumber),
    unknownInVisma: d.unknownInVisma.sort(byNumber),
    postedByHand: d.postedByHand.sort(byNumber),
    outsidePeriod: d.outsidePeriod.sort((a, b) => byNumber(a.visma, b.visma)),
  };
}

/**
 * Matches the two sides by the engine's key and sorts every document into exactly one drill-down list: each
 * ServiceTitan document once (matched, different, missing, duplicated or ignored), each Visma document once.
 */
export function matchPeriod(input: MatchInput): Drilldown {
  const out: Drilldown = {
    matched: [],
    different: [],
    missing: [],
    duplicated: [],
    ignored: [],
    unknownInVisma: [],
    postedByHand: [],
    outsidePeriod: [],
  };
  const byKey = new Map<string, VismaDoc[]>();
  for (const doc of input.vismaDocs) {
    if (!doc.key) {
      out.postedByHand.push(doc);
      continue;
    }
    const list = byKey.get(doc.key);
    if (list) list.push(doc);
    else byKey.set(doc.key, [doc]);
  }
  for (const st of input.stDocs) {
    const visma = byKey.get(st.key) ?? [];
    byKey.delete(st.key);
    if (st.state === 'ignored') out.ignored.push({ st, visma: visma.sort(byNumber) });
    else if (visma.length === 0) out.missing.push({ st, why: missingWhy(st, input.financialPeriod) });
    else if (visma.length > 1) out.duplicated.push({ st, visma: visma.sort(byNumber) });
    else {
      const pair = comparePair(st, visma[0]!);
      (pair.differences.length === 0 ? out.matched : out.different).push(pair);
    }
  }
  for (const [key, docs] of byKey) {
    const source = input.elsewhere.get(key);
    for (const visma of docs) {
      if (!source) out.unknownInVisma.push(visma);
      else out.outsidePeriod.push({ visma, source, why: source.eligible ? 'other_period' : 'not_eligible' });
    }
  }
  return sorted(out);
}
