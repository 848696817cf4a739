import { describe, expect, it } from 'vitest';
import { csvField } from '../../../../main/engine/reconcile/csv';
import { keyOfFound, sourceOfKey } from '../../../../main/engine/reconcile/keys';
import { parsePeriod } from '../../../../main/engine/reconcile/period';
import { vismaDocOf } from '../../../../main/engine/reconcile/visma-side';
import type { FoundDocument } from '../../../../main/engine/ports';

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

describe('csvField', () => {
  it('quotes fields with separators, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
