import { CONNECTOR_APPLICATION_GUID } from '../../../shared/master-data-settings';
import { describe, expect, it } from 'vitest';
import { serviceTitanPort } from '../../../main/engine/adapters/servicetitan';
import type { ServiceTitanClient, TaxZone } from '../../../main/servicetitan';

function clientWith(zones: TaxZone[]): ServiceTitanClient {
  return {
    taxZones: () => ({
      [Symbol.asyncIterator]: () => {
        const it = zones[Symbol.iterator]();
        return { next: () => Promise.resolve(it.next()) };
      },
    }),
  } as unknown as ServiceTitanClient;
}

const zone = (id: number, rates: [string[], number][]): TaxZone =>
  ({
    id,
    name: `Zone ${id}`,
    isTaxRateSeparated: rates.length > 1,
    isMultipleTaxZone: false,
    rates: rates.map(([taxBaseType, taxRate]) => ({ taxBaseType, taxRate })),
    active: true,
    createdOn: '2026-01-01T00:00:00Z',
  }) as TaxZone;

describe('tax-zone rates', () => {
  it('sums the rates of a zone as decimals, never as floats', async () => {
    const zones = await serviceTitanPort(
      clientWith([
        zone(1, [
          [['Subtotal'], 0.1],
          [['Subtotal'], 0.2],
        ]),
        zone(2, [
          [['Labor'], 0.25],
          [['Material'], 0.15],
          [['Subtotal'], 0.005],
        ]),
      ]),
      CONNECTOR_APPLICATION_GUID,
    ).taxZones();
    // 0.1 + 0.2 as floats is 0.30000000000000004, i.e. "30.000000000000004" %.
    expect(zones.map((z) => [z.id, z.laborRate, z.materialRate])).toEqual([
      ['1', '30', '30'],
      ['2', '25.5', '15.5'],
    ]);
  });
});
