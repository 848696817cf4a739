import { describe, expect, it } from 'vitest';
import { csvField, reconciliationCsv } from '../../../../main/engine/reconcile/csv';
import { emptyCloseReport } from '../../../../main/engine/reconcile/close-empty';
import { keyOfFound, sourceOfKey } from '../../../../main/engine/reconcile/keys';
import { matchPeriod } from '../../../../main/engine/reconcile/match';
import { parsePeriod } from '../../../../main/engine/reconcile/period';
import { drilldownCounts, handTotals, periodTotals } from '../../../../main/engine/reconcile/totals';
import type { Reconciliation } from '../../../../main/engine/reconcile/types';
import { vismaDocOf } from '../../../../main/engine/reconcile/visma-side';
import type { FoundDocument } from '../../../../main/engine/ports';
import { stDoc, vismaDoc } from './fixtures';

const found = (over: Partial<FoundDocument>): FoundDocument => ({
  kind: 'customerInvoice',
  number: '100',
  partyNumber: '10001',
  date: '2024-03-10T00:00:00',
  financialPeriod: '202403',
  status: 'Open',
  released: true,
  hold: false,
  amount: '125.5',
  vatTotal: '25.1',
  ...over,
});

describe('keys', () => {
  it('reads the key from the external reference (AR) and the description (AP)', () => {
    expect(keyOfFound(found({ externalReference: 'ST-8450100-INV-42' }))).toBe('ST-8450100-INV-42');
    expect(keyOfFound(found({ externalReference: 'PO 42' }))).toBeNull();
    expect(
      keyOfFound(
        found({ kind: 'supplierInvoice', description: 'ServiceTitan bill B-7 (ST-8450100-BILL-7)' }),
      ),
    ).toBe('ST-8450100-BILL-7');
    expect(keyOfFound(found({ kind: 'supplierInvoice', description: 'Freight March' }))).toBeNull();
    expect(sourceOfKey('ST-8450100-BILL-7')).toEqual({ kind: 'ap-bill', stId: '7' });
    expect(sourceOfKey('ST-8450100-INV-42')).toEqual({ kind: 'invoice', stId: '42' });
    expect(sourceOfKey('X-1')).toBeNull();
  });

  it('falls back to the outbox key of the document number and renders amounts with cents', () => {
    const doc = vismaDocOf(found({}), new Map([['customerInvoice:100', 'ST-8450100-INV-9']]));
    expect(doc).toMatchObject({
      key: 'ST-8450100-INV-9',
      keyFrom: 'number',
      amount: '125.50',
      vat: '25.10',
      date: '2024-03-10',
    });
    expect(
      vismaDocOf(found({ kind: 'supplierInvoice' }), new Map([['customerInvoice:100', 'ST-8450100-INV-9']]))
        .key,
    ).toBeNull();
  });
});

describe('parsePeriod', () => {
  it('parses YYYY-MM and rolls December into January', () => {
    expect(parsePeriod('2024-12')).toEqual({
      period: '2024-12',
      financialPeriod: '202412',
      firstDay: '2024-12-01',
      nextFirstDay: '2025-01-01',
    });
    expect(() => parsePeriod('2024-13')).toThrow(/YYYY-MM/);
    expect(() => parsePeriod('202403')).toThrow(/YYYY-MM/);
  });
});

describe('reconciliationCsv', () => {
  it('quotes fields with separators, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a BOM, a header and one row per pair with decimal commas and formula-safe text', () => {
    const d = matchPeriod({
      financialPeriod: '202403',
      stDocs: [
        stDoc('1', { businessUnitName: 'Rør; og "varme"' }),
        stDoc('2', { amount: '130.00' }),
        stDoc('3', { state: 'blocked', reasonText: '=Period closed', vismaNumber: null }),
        stDoc('4'),
      ],
      vismaDocs: [
        vismaDoc('V1', 'ST-8450100-INV-1'),
        vismaDoc('V2', 'ST-8450100-INV-2'),
        vismaDoc('V4', 'ST-8450100-INV-4'),
        vismaDoc('V4b', 'ST-8450100-INV-4'),
      ],
      elsewhere: new Map(),
    });
    const r: Reconciliation = {
      profileId: 'demo',
      period: '2024-03',
      financialPeriod: '202403',
      timeZone: 'Europe/Oslo',
      generatedAt: '2024-04-02T08:00:00.000Z',
      ...periodTotals(d),
      postedByHandTotals: handTotals(d),
      counts: drilldownCounts(d),
      ...d,
      ...emptyCloseReport('2024-03-01', '2024-03-31'),
      vismaCalls: 3,
    };
    const { filename, csv } = reconciliationCsv(r);
    expect(filename).toBe('reconciliation-demo-2024-03.csv');
    expect(csv.startsWith('\uFEFFStatus;Document type;Business unit;ServiceTitan id;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines[1]).toBe(
      'matched;invoice;"Rør; og ""varme""";1;INV-1;2024-03-10;125,00;25,00;exported;;customerInvoice;V1;2024-03-10;202403;125,00;25,00;B1;0,00;0,00',
    );
    expect(lines[2]).toContain(
      'different;invoice;HVAC Service;2;INV-2;2024-03-10;130,00;25,00;exported;amount;',
    );
    expect(lines[2]!.endsWith(';B2;5,00;0,00')).toBe(true);
    expect(lines[3]).toBe(
      "missing;invoice;HVAC Service;3;INV-3;2024-03-10;125,00;25,00;blocked;'=Period closed;;;;;;;;;",
    );
    expect(lines.filter((l) => l.startsWith('duplicated;'))).toHaveLength(2);
    expect(lines.find((l) => l.includes(';V4b;'))).not.toContain(';B4;');
  });
});
