import { centsToUnits, unitsToCents } from '../../../shared/money';
import type { Drilldown, Figures, HandTotals, ReconDocType, TotalsRow, VismaDoc } from './types';
import { RECON_DOC_TYPES } from './types';

/** A running sum of one side, in whole cents (the documents' amounts are already rounded to cents). */
interface Sum {
  count: number;
  amount: bigint;
  vat: bigint;
}

interface Bucket {
  documentType: ReconDocType;
  businessUnitId: string | null;
  businessUnitName: string | null;
  st: Sum;
  visma: Sum;
  notBooked: Sum;
}

const zero = (): Sum => ({ count: 0, amount: 0n, vat: 0n });
/** A document's gross and VAT in whole cents. */
interface Units {
  amount: bigint;
  vat: bigint;
}
const unitsOf = (doc: { amount: string; vat: string }): Units => ({
  amount: centsToUnits(doc.amount),
  vat: centsToUnits(doc.vat),
});
const add = (sum: Sum, units: Units) => {
  sum.count++;
  sum.amount += units.amount;
  sum.vat += units.vat;
};
const figures = (s: Sum): Figures => ({
  count: s.count,
  amount: unitsToCents(s.amount),
  vat: unitsToCents(s.vat),
});
const difference = (a: Sum, b: Sum): Figures => ({
  count: a.count - b.count,
  amount: unitsToCents(a.amount - b.amount),
  vat: unitsToCents(a.vat - b.vat),
});

/** A business unit on a document, or none. */
interface BusinessUnit {
  businessUnitId: string | null;
  businessUnitName: string | null;
}
const NO_UNIT: BusinessUnit = { businessUnitId: null, businessUnitName: null };

/** Both sides' documents with the business unit each is counted under (a Visma document takes its source's). */
function attributed(d: Drilldown): {
  st: { doc: { amount: string; vat: string; documentType: ReconDocType }; unit: BusinessUnit }[];
  visma: { doc: VismaDoc; unit: BusinessUnit }[];
} {
  const stDocs = [
    ...d.matched.map((p) => p.st),
    ...d.different.map((p) => p.st),
    ...d.missing.map((m) => m.st),
    ...d.duplicated.map((x) => x.st),
  ];
  const visma = [
    ...[...d.matched, ...d.different].map((p) => ({ doc: p.visma, unit: p.st })),
    ...[...d.duplicated, ...d.ignored].flatMap((x) => x.visma.map((doc) => ({ doc, unit: x.st }))),
    ...d.outsidePeriod.map((o) => ({ doc: o.visma, unit: o.source })),
    ...d.unknownInVisma.map((doc) => ({ doc, unit: NO_UNIT })),
  ];
  return { st: stDocs.map((doc) => ({ doc, unit: doc })), visma };
}

const typeOrder = (t: ReconDocType) => RECON_DOC_TYPES.indexOf(t);

function rowsOf(buckets: Iterable<Bucket>): TotalsRow[] {
  return [...buckets]
    .sort(
      (a, b) =>
        typeOrder(a.documentType) - typeOrder(b.documentType) ||
        (a.businessUnitName ?? '\uffff').localeCompare(b.businessUnitName ?? '\uffff') ||
        (a.businessUnitId ?? '').localeCompare(b.businessUnitId ?? ''),
    )
    .map((b) => ({
      documentType: b.documentType,
      businessUnitId: b.businessUnitId,
      businessUnitName: b.businessUnitName,
      servicetitan: figures(b.st),
      visma: figures(b.visma),
      difference: difference(b.st, b.visma),
      vismaNotBooked: figures(b.notBooked),
    }));
}

/**
 * Totals per document type and business unit, and per document type. ServiceTitan: eligible documents of the
 * period except ignored ones. Visma: every document of the period that carries the engine's key (documents entered
 * by hand are summed apart); only released documents count as booked, the others are summed as not booked. Unknown Visma documents count under no business unit.
 */
export function periodTotals(d: Drilldown): { totals: TotalsRow[]; totalsByType: TotalsRow[] } {
  const detailed = new Map<string, Bucket>();
  const byType = new Map<string, Bucket>();
  const bucket = (map: Map<string, Bucket>, documentType: ReconDocType, unit: BusinessUnit): Bucket => {
    const id = `${documentType}\u0000${unit.businessUnitId ?? ''}`;
    let b = map.get(id);
    if (!b) {
      b = { documentType, ...unit, st: zero(), visma: zero(), notBooked: zero() };
      map.set(id, b);
    }
    b.businessUnitName ??= unit.businessUnitName;
    return b;
  };
  const { st, visma } = attributed(d);
  for (const { doc, unit } of st) {
    const units = unitsOf(doc);
    add(bucket(detailed, doc.documentType, unit).st, units);
    add(bucket(byType, doc.documentType, NO_UNIT).st, units);
  }
  for (const { doc, unit } of visma) {
    const side = doc.released ? 'visma' : 'notBooked';
    const units = unitsOf(doc);
    add(bucket(detailed, doc.documentType, unit)[side], units);
    add(bucket(byType, doc.documentType, NO_UNIT)[side], units);
  }
  for (const t of RECON_DOC_TYPES) bucket(byType, t, NO_UNIT);
  return { totals: rowsOf(detailed.values()), totalsByType: rowsOf(byType.values()) };
}

/** Totals of the Visma documents entered by hand, per document type. */
export function handTotals(d: Drilldown): HandTotals[] {
  return RECON_DOC_TYPES.map((documentType) => {
    const sum = zero();
    for (const doc of d.postedByHand) if (doc.documentType === documentType) add(sum, unitsOf(doc));
    return { documentType, figures: figures(sum) };
  });
}

/** The number of entries in each drill-down list. */
export function drilldownCounts(d: Drilldown): Record<keyof Drilldown, number> {
  return {
    matched: d.matched.length,
    different: d.different.length,
    missing: d.missing.length,
    duplicated: d.duplicated.length,
    ignored: d.ignored.length,
    unknownInVisma: d.unknownInVisma.length,
    postedByHand: d.postedByHand.length,
    outsidePeriod: d.outsidePeriod.length,
  };
}
