import { describe, expect, it } from 'vitest';
import { openLedger } from '../../../main/storage/ledger';
import {
  presenceOf,
  presencePlacesOutside,
  presenceWatermark,
  savePresence,
  type PresentDocument,
} from '../../../main/engine/lifecycle/presence-store';

const doc = (over: Partial<PresentDocument> = {}): PresentDocument => ({
  kind: 'customerInvoice',
  number: '100001',
  marker: 'ST-1-INV-1',
  partyNumber: '10001',
  date: '2026-05-02',
  financialPeriod: '202605',
  status: 'Balanced',
  released: false,
  hold: false,
  amount: '125.00',
  vatTotal: '25.00',
  lastModified: '2026-05-02T10:00:00.000',
  ...over,
});

describe('savePresence', () => {
  it('renews the sighting of a document Visma has not modified, and rewrites one it has', () => {
    const db = openLedger(':memory:');
    savePresence(db, 'p', 'customerInvoice', [doc({ note: 'first' })], '2026-05-02T08:00:00', 'T1');
    // Same timestamp, status and marker: the stored document stays, its sighting moves on.
    savePresence(db, 'p', 'customerInvoice', [doc({ note: 'second' })], '2026-05-02T08:30:00', 'T2');
    let [row] = presenceOf(db, 'p', ['ST-1-INV-1']).get('ST-1-INV-1')!;
    expect(row!.seenAt).toBe('T2');
    expect(row!.doc.note).toBe('first');
    expect(presenceWatermark(db, 'p', 'customerInvoice')).toBe('2026-05-02T08:30:00');
    // Released since: written whole.
    savePresence(
      db,
      'p',
      'customerInvoice',
      [doc({ status: 'Open', released: true, lastModified: '2026-05-02T10:05:00.000', note: 'third' })],
      '2026-05-02T08:35:00',
      'T3',
    );
    [row] = presenceOf(db, 'p', ['ST-1-INV-1']).get('ST-1-INV-1')!;
    expect(row).toMatchObject({ seenAt: 'T3', doc: { status: 'Open', released: true, note: 'third' } });
  });

  it('writes a document without a Visma timestamp whole every time', () => {
    const db = openLedger(':memory:');
    savePresence(db, 'p', 'customerInvoice', [doc({ lastModified: undefined, note: 'a' })], 'W', 'T1');
    savePresence(db, 'p', 'customerInvoice', [doc({ lastModified: undefined, note: 'b' })], 'W', 'T2');
    expect(presenceOf(db, 'p', ['ST-1-INV-1']).get('ST-1-INV-1')![0]!.doc.note).toBe('b');
  });
  it('moves a document to the marker it carries now when its marker was edited', () => {
    const db = openLedger(':memory:');
    savePresence(db, 'p', 'customerInvoice', [doc()], 'W', 'T1');
    const edited = doc({ marker: 'ST-1-INV-2', lastModified: '2026-05-02T11:00:00.000', note: 'edited' });
    savePresence(db, 'p', 'customerInvoice', [edited], 'W', 'T2');
    const found = presenceOf(db, 'p', ['ST-1-INV-1', 'ST-1-INV-2']);
    expect(found.has('ST-1-INV-1')).toBe(false);
    expect(found.get('ST-1-INV-2')).toEqual([{ doc: edited, seenAt: 'T2' }]);
  });
});

describe('presencePlacesOutside', () => {
  it('names each kind and period holding the markers outside the period, once', () => {
    const db = openLedger(':memory:');
    savePresence(
      db,
      'p',
      'customerInvoice',
      [
        doc(),
        doc({ number: '100002', financialPeriod: '202606' }),
        doc({ number: '100003', marker: 'ST-1-INV-2', financialPeriod: '202606' }),
        doc({ number: '100004', marker: 'ST-1-INV-9', financialPeriod: '202607' }),
      ],
      'W',
      'T',
    );
    expect(presencePlacesOutside(db, 'p', ['ST-1-INV-1', 'ST-1-INV-2'], '202605')).toEqual([
      { kind: 'customerInvoice', financialPeriod: '202606' },
    ]);
    expect(presencePlacesOutside(db, 'p', [], '202605')).toEqual([]);
  });
});
