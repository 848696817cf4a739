/** What the exports show of one close entry: both sides' figures, the party, the Visma numbers, the difference. */
import { money, sum, toCents } from '../../../shared/money';
import type { CloseEntry, CloseParty } from './types';
import { CLOSE_BUCKETS } from './types';

/** One entry's row facts; amounts are decimal strings, null where that side has no document. */
export interface EntryFacts {
  stNumber: string | null;
  stId: string | null;
  /** The ServiceTitan date, else the (first) Visma document's. */
  date: string | null;
  businessUnit: string | null;
  /** The entry's party, completed from the ServiceTitan and Visma documents where the entry left a field open. */
  party: CloseParty;
  /** Comma-separated, in the order of `entry.visma`. */
  vismaNumbers: string;
  vismaPeriods: string;
  stGross: string | null;
  stVat: string | null;
  vismaGross: string | null;
  vismaVat: string | null;
  /** ServiceTitan minus the Visma documents of the row (a missing side counts as zero). */
  differenceGross: string | null;
  differenceVat: string | null;
}

const total = (values: string[]): string | null => (values.length === 0 ? null : toCents(sum(values)));

function difference(st: string | null, visma: string | null): string | null {
  if (st === null && visma === null) return null;
  return toCents(money(st ?? '0').minus(visma ?? '0'));
}

function partyOf(entry: CloseEntry): CloseParty {
  const visma = entry.visma.find((v) => v.partyName !== null || v.partyNumber !== '');
  return {
    stId: entry.party.stId ?? entry.st?.partyId ?? null,
    name: entry.party.name ?? entry.st?.partyName ?? visma?.partyName ?? null,
    vismaNumber: entry.party.vismaNumber ?? (visma?.partyNumber || null),
  };
}

/** The facts of an entry as the CSV and the report show them. */
export function entryFacts(entry: CloseEntry): EntryFacts {
  const stGross = entry.st?.amount ?? null;
  const stVat = entry.st?.vat ?? null;
  const vismaGross = total(entry.visma.map((v) => v.amount));
  const vismaVat = total(entry.visma.map((v) => v.vat));
  return {
    stNumber: entry.st?.number ?? null,
    stId: entry.st?.stId ?? null,
    date: entry.st?.date ?? entry.visma[0]?.date ?? null,
    businessUnit: entry.businessUnitName ?? entry.businessUnitId,
    party: partyOf(entry),
    vismaNumbers: entry.visma.map((v) => v.number).join(', '),
    vismaPeriods: entry.visma.some((v) => v.financialPeriod)
      ? entry.visma.map((v) => v.financialPeriod ?? '').join(', ')
      : '',
    stGross,
    stVat,
    vismaGross,
    vismaVat,
    differenceGross: difference(stGross, vismaGross),
    differenceVat: difference(stVat, vismaVat),
  };
}

/** The entries in the report's bucket order, keeping the order within a bucket. */
export function entriesInBucketOrder(entries: readonly CloseEntry[]): CloseEntry[] {
  const rank = (entry: CloseEntry) => CLOSE_BUCKETS.indexOf(entry.bucket);
  return [...entries].sort((a, b) => rank(a) - rank(b));
}
