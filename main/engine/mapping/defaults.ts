import { money } from '../../../shared/money';
import type { MasterData, VSegment, VVatCode } from '../master-data/types';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The segment that carries the cost center: the configured one, else one named like a cost center, else the first. */
export function costCenterSegment(
  segments: readonly VSegment[],
  configured: number | null,
): VSegment | undefined {
  if (configured !== null) return segments.find((s) => s.segmentId === configured);
  return (
    segments.find((s) => /cost|kost|avdel|depart|center|centre|dept/i.test(s.description)) ?? segments[0]
  );
}

/** The segment value whose description or id equals `name` (case and spacing ignored). */
export function segmentValueByName(segment: VSegment, name: string): string | undefined {
  const wanted = norm(name);
  const exact = segment.values.find((v) => norm(v.description) === wanted || norm(v.valueId) === wanted);
  if (exact) return exact.valueId;
  const partial = segment.values.filter(
    (v) => v.description && (norm(v.description).includes(wanted) || wanted.includes(norm(v.description))),
  );
  return partial.length === 1 ? partial[0]!.valueId : undefined;
}

/** The branch whose name equals the business unit's name. */
export function branchByName(master: MasterData, name: string): string | undefined {
  const wanted = norm(name);
  for (const b of master.branches.values())
    if (norm(b.name) === wanted || norm(b.number) === wanted) return b.number;
  return undefined;
}

/** Is this VAT code allowed for the VAT zone and account category (unknowns count as allowed)? */
export function vatCodeAllowed(
  master: MasterData,
  code: VVatCode,
  vatZoneId?: string,
  taxCategory?: string,
): boolean {
  if (vatZoneId && code.zones.length > 0 && !code.zones.includes(vatZoneId)) return false;
  if (taxCategory) {
    const category = master.vatCategories.get(taxCategory);
    if (category && !category.vatIds.includes(code.vatId)) return false;
  }
  return true;
}

/**
 * The VAT code with the given percent rate for sales or purchases, preferring one valid for the party's zone and
 * the account's category; exempt codes are preferred for non-taxable lines.
 */
export function vatCodeByRate(
  master: MasterData,
  ratePercent: string,
  direction: 'Output' | 'Input',
  taxable: boolean,
  vatZoneId?: string,
  taxCategory?: string,
): string | undefined {
  const rate = money(ratePercent);
  const candidates = [...master.vatCodes.values()].filter(
    (c) => money(c.rate).equals(rate) && (c.direction === undefined || c.direction === direction),
  );
  const rank = (c: VVatCode) =>
    (vatCodeAllowed(master, c, vatZoneId, taxCategory) ? 0 : 2) +
    (!taxable && rate.isZero() && !c.exempt ? 1 : 0);
  candidates.sort((a, b) => rank(a) - rank(b) || a.vatId.localeCompare(b.vatId));
  return candidates[0]?.vatId;
}
