import { keyOf } from '../checks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapZone } from '../../../../main/engine/alignment/map-zone';
import { alignContext } from '../../../../main/engine/alignment/run-alignment';
import { listDrift } from '../../../../main/engine/alignment/store/drift';
import { listOutbox } from '../../../../main/engine/outbox/store';
import { startHarness, type Harness } from '../harness';
import { align } from './helpers';

describe('tax zones ↔ VAT drift against the simulators', () => {
  let h: Harness;
  const invoices: Record<string, number> = {};

  const rowOf = (stId: number) =>
    listOutbox(h.db, h.config.id).find((r) => r.sourceKind === 'invoice' && r.stId === String(stId));
  const postedInVisma = (stId: number) =>
    [...h.visma.company().documents.values()].some((d) => d.externalReference === keyOf(h, 'invoice', stId));

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 20, bills: 0 } });
    const first = await align(h);
    expect(first.taxZones).toMatchObject({ zones: 5, registered: 5, driftOpen: 0 });
  });
  afterAll(() => h.stop());

  it('4. a rate change, a deactivated VAT code and a new zone are drift in plain words, and their invoices wait', async () => {
    const zone303 = h.st.get('tax-zones', 303) as unknown as { rates: Record<string, unknown>[] };
    h.st.modify('tax-zones', 303, { rates: [{ ...zone303.rates[0], taxRate: 0.22 }] });
    h.visma.company().vatCodes.get('31')!.notValidAfter = '2020-12-31T00:00:00';
    const zone301 = h.st.get('tax-zones', 301) as Record<string, unknown>;
    h.st.add('tax-zones', {
      ...zone301,
      id: 306,
      name: 'Bodø – MVA 25 %',
      rates: [{ ...(zone301.rates as Record<string, unknown>[])[0], id: 3060 }],
    });
    for (const zone of [301, 303, 304, 306])
      invoices[zone] = (h.st.addInvoice({ taxZoneId: zone }) as { id: number }).id;

    const summary = await align(h);
    expect(summary.taxZones.driftOpened).toBe(3);
    const drift = new Map(listDrift(h.db, h.config.id, 'tax-zone').map((d) => [d.subjectKey, d]));
    expect(drift.get('303')).toMatchObject({ code: 'rate_changed' });
    expect(drift.get('303')!.text).toContain('from 25 % to 22 %');
    expect(drift.get('303')!.text).toContain('not written back');
    expect(drift.get('304')).toMatchObject({ code: 'vat_code_inactive' });
    expect(drift.get('304')!.text).toContain('VAT code 31');
    expect(drift.get('306')).toMatchObject({ code: 'zone_unmapped' });
    expect(drift.get('306')!.text).toContain('new in ServiceTitan');
    expect(drift.has('301')).toBe(false);

    await h.sync();
    for (const zone of [303, 304, 306]) {
      const row = rowOf(invoices[zone]!);
      expect(row, `invoice in zone ${zone}`).toMatchObject({
        state: 'blocked',
        reasonCode: 'tax_mapping_flagged',
      });
      expect(row!.reasonText).toContain(drift.get(String(zone))!.text);
      expect(postedInVisma(invoices[zone]!)).toBe(false);
    }
    expect(postedInVisma(invoices[301]!)).toBe(true);
  });

  it('mapping the new zone clears its drift and its invoice posts on the next sync', async () => {
    const counts = await mapZone(
      alignContext(
        { id: h.config.id, timeZone: h.config.timeZone, sync: h.config.sync },
        { db: h.db, ports: h.ports },
      ),
      '306',
      { vatZoneId: '01' },
    );
    expect(counts.driftOpen).toBe(2);
    await h.sync();
    expect(rowOf(invoices[306]!)!.state).not.toBe('blocked');
    expect(postedInVisma(invoices[306]!)).toBe(true);
    expect(rowOf(invoices[303]!)!.state).toBe('blocked');
  });
});
