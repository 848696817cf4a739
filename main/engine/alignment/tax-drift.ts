import { money } from '../../../shared/money';
import type { StTaxZoneInfo, VVatCode } from '../master-data/types';

/** One VAT code a tax-zone mapping uses, and for what. */
export interface ZoneCode {
  role: 'sales-taxable' | 'sales-taxable-material' | 'sales-exempt' | 'purchase-taxable' | 'purchase-exempt';
  vatId: string;
}

/** A ServiceTitan tax zone as accepted into the register (the rates and codes it was mapped with). */
export interface RegisteredZone {
  stZoneId: string;
  name: string;
  vatZoneId: string | null;
  laborRate: string;
  materialRate: string;
  codes: ZoneCode[];
}

/** Explicit VAT codes of a zone from the engine's `vatByTaxZone` rules. */
export interface ExplicitVatRule {
  salesTaxable?: string | undefined;
  salesExempt?: string | undefined;
  purchaseTaxable?: string | undefined;
  purchaseExempt?: string | undefined;
}

/** Kinds of tax drift. */
export type TaxDriftCode = 'zone_unmapped' | 'rate_changed' | 'vat_code_removed' | 'vat_code_inactive';

/** A disagreement between a ServiceTitan tax zone and its Visma VAT mapping. */
export interface TaxDrift {
  stZoneId: string;
  code: TaxDriftCode;
  text: string;
  details: Record<string, unknown>;
}

/** What the drift rules read. */
export interface TaxDriftInput {
  zones: readonly StTaxZoneInfo[];
  register: ReadonlyMap<string, RegisteredZone>;
  rules: Readonly<Record<string, ExplicitVatRule>>;
  vatCodes: ReadonlyMap<string, VVatCode>;
  /** Today as `yyyy-MM-dd` (profile time zone). */
  today: string;
}

const READ_ONLY =
  'ServiceTitan tax zones cannot be changed through its API, so this is reported here and not written back; ' +
  'invoices and bills in this zone wait until the mapping is fixed.';

const pct = (rate: string) => `${money(rate).toString()} %`;
const sameRate = (a: string, b: string) => money(a).equals(money(b));

function explicitCodes(rule: ExplicitVatRule): ZoneCode[] {
  const pairs: [ZoneCode['role'], string | undefined][] = [
    ['sales-taxable', rule.salesTaxable],
    ['sales-exempt', rule.salesExempt],
    ['purchase-taxable', rule.purchaseTaxable],
    ['purchase-exempt', rule.purchaseExempt],
  ];
  return pairs
    .filter((p): p is [ZoneCode['role'], string] => !!p[1])
    .map(([role, vatId]) => ({ role, vatId }));
}

function rateDrift(
  zone: StTaxZoneInfo,
  registered: RegisteredZone | undefined,
  codes: ZoneCode[],
  explicit: boolean,
  input: TaxDriftInput,
): TaxDrift | null {
  const zoneRates = [zone.laborRate, zone.materialRate];
  if (explicit) {
    const wrong = codes
      .filter((c) => c.role.endsWith('taxable') || c.role === 'sales-taxable-material')
      .map((c) => ({ c, code: input.vatCodes.get(c.vatId) }))
      .filter((x) => x.code && !zoneRates.some((r) => sameRate(r, x.code!.rate)));
    if (wrong.length === 0) return null;
    const first = wrong[0]!;
    return {
      stZoneId: zone.id,
      code: 'rate_changed',
      text: `Tax zone "${zone.name}" charges ${pct(zone.laborRate)} in ServiceTitan, but its mapped Visma VAT code ${first.c.vatId} is ${pct(first.code!.rate)}. ${READ_ONLY}`,
      details: { zoneRates, codes: wrong.map((w) => ({ vatId: w.c.vatId, rate: w.code!.rate })) },
    };
  }
  if (!registered) return null;
  if (sameRate(registered.laborRate, zone.laborRate) && sameRate(registered.materialRate, zone.materialRate))
    return null;
  const was = sameRate(registered.laborRate, registered.materialRate)
    ? pct(registered.laborRate)
    : `${pct(registered.laborRate)} labour / ${pct(registered.materialRate)} material`;
  const now = sameRate(zone.laborRate, zone.materialRate)
    ? pct(zone.laborRate)
    : `${pct(zone.laborRate)} labour / ${pct(zone.materialRate)} material`;
  return {
    stZoneId: zone.id,
    code: 'rate_changed',
    text: `The rate of tax zone "${zone.name}" changed in ServiceTitan from ${was} to ${now} since it was mapped to Visma VAT. ${READ_ONLY}`,
    details: {
      was: { labor: registered.laborRate, material: registered.materialRate },
      now: { labor: zone.laborRate, material: zone.materialRate },
    },
  };
}

function codeDrift(zone: StTaxZoneInfo, codes: ZoneCode[], input: TaxDriftInput): TaxDrift[] {
  const out: TaxDrift[] = [];
  for (const c of codes) {
    const code = input.vatCodes.get(c.vatId);
    if (!code) {
      out.push({
        stZoneId: zone.id,
        code: 'vat_code_removed',
        text: `Visma VAT code ${c.vatId}, mapped for tax zone "${zone.name}" (${c.role.replace(/-/g, ', ')}), no longer exists in Visma. ${READ_ONLY}`,
        details: { vatId: c.vatId, role: c.role },
      });
    } else if (code.notValidAfter && code.notValidAfter.slice(0, 10) < input.today) {
      out.push({
        stZoneId: zone.id,
        code: 'vat_code_inactive',
        text: `Visma VAT code ${c.vatId} (${code.description}), mapped for tax zone "${zone.name}", is not valid after ${code.notValidAfter.slice(0, 10)}. ${READ_ONLY}`,
        details: { vatId: c.vatId, role: c.role, notValidAfter: code.notValidAfter },
      });
    }
  }
  return out;
}

/**
 * The drift of every ServiceTitan tax zone against its mapping: a zone with no mapping, a rate that no longer
 * matches, a mapped VAT code removed or no longer valid in Visma. Inactive, unmapped zones are ignored. Pure.
 */
export function detectTaxDrift(input: TaxDriftInput): TaxDrift[] {
  const out: TaxDrift[] = [];
  for (const zone of input.zones) {
    const rule = input.rules[zone.id];
    const registered = input.register.get(zone.id);
    if (!rule && !registered) {
      if (!zone.active) continue;
      out.push({
        stZoneId: zone.id,
        code: 'zone_unmapped',
        text: `Tax zone "${zone.name}" (${pct(zone.laborRate)}) is new in ServiceTitan and has no Visma VAT zone or VAT codes mapped. Map it with \`st-visma masterdata map-zone ${zone.id}\`; invoices and bills in this zone wait until then.`,
        details: { laborRate: zone.laborRate, materialRate: zone.materialRate },
      });
      continue;
    }
    const codes = rule ? explicitCodes(rule) : (registered?.codes ?? []);
    const rate = rateDrift(zone, registered, codes, !!rule, input);
    if (rate) out.push(rate);
    out.push(...codeDrift(zone, codes, input));
  }
  return out;
}
