import { money } from '../../../shared/money';
import type { StTaxZoneInfo } from '../master-data/types';
import type { VVatCode } from '../master-data/types';
import type { ZoneCode } from './tax-drift';

function usable(code: VVatCode, today: string): boolean {
  return !code.notValidAfter || code.notValidAfter.slice(0, 10) >= today;
}

function pick(
  codes: readonly VVatCode[],
  rate: string,
  direction: 'Output' | 'Input',
  exempt: boolean,
  vatZoneId: string | null,
): string | undefined {
  const wanted = money(rate);
  const candidates = codes.filter(
    (c) =>
      money(c.rate).equals(wanted) &&
      (c.direction === undefined || c.direction === direction) &&
      (!vatZoneId || c.zones.length === 0 || c.zones.includes(vatZoneId)),
  );
  const rank = (c: VVatCode) => (c.exempt === exempt ? 0 : 1);
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.vatId.localeCompare(b.vatId))[0]?.vatId;
}

/** The Visma VAT zone suggested for a tax zone: the first zone that has a sales VAT code at the zone's rate. */
export function suggestVatZone(
  zone: StTaxZoneInfo,
  codes: readonly VVatCode[],
  today: string,
): string | null {
  const rate = money(zone.laborRate);
  const zones = codes
    .filter((c) => usable(c, today) && c.direction !== 'Input' && money(c.rate).equals(rate))
    .flatMap((c) => c.zones)
    .sort();
  return zones[0] ?? null;
}

/**
 * The VAT codes a tax zone maps to in a Visma VAT zone, chosen by rate the way the engine's resolver chooses them
 * (sales and purchases, taxable and non-taxable; a separate material code when the zone has separate rates).
 */
export function codesForZone(
  zone: StTaxZoneInfo,
  vatZoneId: string | null,
  codes: readonly VVatCode[],
  today: string,
): ZoneCode[] {
  const valid = codes.filter((c) => usable(c, today));
  const out: ZoneCode[] = [];
  const add = (role: ZoneCode['role'], vatId: string | undefined) => {
    if (vatId) out.push({ role, vatId });
  };
  add('sales-taxable', pick(valid, zone.laborRate, 'Output', false, vatZoneId));
  if (!money(zone.materialRate).equals(money(zone.laborRate)))
    add('sales-taxable-material', pick(valid, zone.materialRate, 'Output', false, vatZoneId));
  add('sales-exempt', pick(valid, '0', 'Output', true, vatZoneId));
  add('purchase-taxable', pick(valid, zone.laborRate, 'Input', false, vatZoneId));
  add('purchase-exempt', pick(valid, '0', 'Input', true, vatZoneId));
  return out;
}
