import { describe, expect, it } from 'vitest';
import { detectTaxDrift, type RegisteredZone } from '../../../../main/engine/alignment/tax-drift';
import { codesForZone, suggestVatZone } from '../../../../main/engine/alignment/zone-codes';
import type { StTaxZoneInfo, VVatCode } from '../../../../main/engine/master-data/types';

const codes: VVatCode[] = [
  { vatId: '3', description: 'Utgående 25 %', rate: '25', direction: 'Output', exempt: false, zones: ['01'] },
  {
    vatId: '31',
    description: 'Utgående 15 %',
    rate: '15',
    direction: 'Output',
    exempt: false,
    zones: ['01'],
  },
  {
    vatId: '6',
    description: 'Utenfor mva',
    rate: '0',
    direction: 'Output',
    exempt: true,
    zones: ['01', '02'],
  },
  { vatId: '1', description: 'Inngående 25 %', rate: '25', direction: 'Input', exempt: false, zones: ['01'] },
  {
    vatId: '0',
    description: 'Innkjøp uten mva',
    rate: '0',
    direction: 'Input',
    exempt: true,
    zones: ['01', '02'],
  },
];
const zone = (id: string, rate: string, material = rate, active = true): StTaxZoneInfo => ({
  id,
  name: `Zone ${id}`,
  laborRate: rate,
  materialRate: material,
  active,
});
const today = '2026-11-25';

function registered(z: StTaxZoneInfo): RegisteredZone {
  return {
    stZoneId: z.id,
    name: z.name,
    vatZoneId: '01',
    laborRate: z.laborRate,
    materialRate: z.materialRate,
    codes: codesForZone(z, '01', codes, today),
  };
}

const run = (zones: StTaxZoneInfo[], register: RegisteredZone[], vatCodes = codes, rules = {}) =>
  detectTaxDrift({
    zones,
    register: new Map(register.map((r) => [r.stZoneId, r])),
    rules,
    vatCodes: new Map(vatCodes.map((c) => [c.vatId, c])),
    today,
  });

describe('tax-zone mapping', () => {
  it('chooses codes and the VAT zone by rate, with a material code for separate rates', () => {
    expect(suggestVatZone(zone('1', '25'), codes, today)).toBe('01');
    expect(codesForZone(zone('1', '25', '15'), '01', codes, today)).toEqual([
      { role: 'sales-taxable', vatId: '3' },
      { role: 'sales-taxable-material', vatId: '31' },
      { role: 'sales-exempt', vatId: '6' },
      { role: 'purchase-taxable', vatId: '1' },
      { role: 'purchase-exempt', vatId: '0' },
    ]);
  });
});

describe('detectTaxDrift', () => {
  it('reports nothing when ServiceTitan and Visma agree', () => {
    expect(run([zone('1', '25')], [registered(zone('1', '25'))])).toEqual([]);
  });

  it('flags a new zone with no mapping, explaining that documents wait', () => {
    const [d] = run([zone('9', '25')], []);
    expect(d).toMatchObject({ stZoneId: '9', code: 'zone_unmapped' });
    expect(d!.text).toMatch(/new in ServiceTitan.*wait/);
    expect(run([zone('9', '25', '25', false)], [])).toEqual([]);
  });

  it('flags a rate change in ServiceTitan and says ServiceTitan is not written', () => {
    const [d] = run([zone('1', '22')], [registered(zone('1', '25'))]);
    expect(d).toMatchObject({ code: 'rate_changed' });
    expect(d!.text).toContain('from 25 % to 22 %');
    expect(d!.text).toContain('cannot be changed through its API');
  });

  it('flags an explicit rule whose VAT code rate no longer matches the zone', () => {
    const [d] = run([zone('1', '22')], [], codes, { '1': { salesTaxable: '3' } });
    expect(d).toMatchObject({ code: 'rate_changed' });
    expect(d!.text).toContain('VAT code 3 is 25 %');
  });

  it('flags a mapped VAT code removed or no longer valid in Visma', () => {
    const reg = [registered(zone('1', '25'))];
    expect(
      run(
        [zone('1', '25')],
        reg,
        codes.filter((c) => c.vatId !== '3'),
      ).map((d) => d.code),
    ).toEqual(['vat_code_removed']);
    const expired = codes.map((c) => (c.vatId === '3' ? { ...c, notValidAfter: '2026-01-31T00:00:00' } : c));
    const [d] = run([zone('1', '25')], reg, expired);
    expect(d).toMatchObject({ code: 'vat_code_inactive' });
    expect(d!.text).toContain('not valid after 2026-01-31');
  });
});
