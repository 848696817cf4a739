import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTOR_APPLICATION_GUID } from '../../../../shared/master-data-settings';
import { resolve } from '../../../../main/engine/alignment/decisions';
import { masterDataReviewItems } from '../../../../main/engine/alignment/review-items';
import { loadLinks } from '../../../../main/engine/mapping/rule-store';
import { startHarness, type Harness } from '../harness';
import { addStVendor, addVismaSupplier, align, editVismaSupplier, stVendor } from './helpers';

describe('master data alignment against the simulators', () => {
  let h: Harness;
  const ids = { aerfjord: 0, ostby: 0, asen: 0, nordlys: 0 };

  beforeAll(async () => {
    h = await startHarness({
      st: { invoices: 20, bills: 4 },
      sync: { masterData: { suppliersToServiceTitan: 'create' } },
    });
    ids.aerfjord = addStVendor(h, 'Ærfjord Rør og Varme AS', { zip: '0150', city: 'Oslo' });
    addVismaSupplier(h, '30001', 'ÆRFJORD RØR & VARME', { postalCode: '0150', city: 'Oslo' });
    ids.ostby = addStVendor(h, 'Østby  Elektro', { phone: '+47 22 11 00 11' });
    addVismaSupplier(h, '30002', 'Østby Elektro AS', { phone: '22110011' });
    ids.asen = addStVendor(h, 'Åsen Ventilasjon ASA');
    addVismaSupplier(h, '30003', 'Åsen  Ventilasjon');
    ids.nordlys = addStVendor(h, 'Nordlys Varme AS', { zip: '0150', city: 'Oslo' });
    addVismaSupplier(h, '30004', 'Nordlys Varmepumper AS', { postalCode: '5003', city: 'Bergen' });
  });
  afterAll(() => h.stop());

  it('1. links every vendor to exactly one supplier and back; Æ/Ø/Å, spacing and legal suffixes link, near names do not', async () => {
    const summary = await align(h);
    expect(summary.failures).toEqual([]);
    const links = loadLinks(h.db, h.config.id, 'supplier');
    const vendors = h.st.records('vendors') as { id: number }[];
    const suppliers = [...h.visma.company().suppliers.keys()];
    expect(links.size).toBe(vendors.length);
    expect(new Set(links.values()).size).toBe(links.size);
    expect([...links.values()].sort()).toEqual([...suppliers].sort());
    expect(links.get(String(ids.aerfjord))).toBe('30001');
    expect(links.get(String(ids.ostby))).toBe('30002');
    expect(links.get(String(ids.asen))).toBe('30003');
    expect(links.get(String(ids.nordlys))).not.toBe('30004');
    const seededDahl = vendors.find((v) => (v as { name?: string }).name === 'Brødrene Dahl AS')!;
    expect(links.get(String(seededDahl.id))).toBe('20002');
    // The link survives a reinstall: the supplier number is in the vendor's external data, under our GUID only.
    expect(stVendor(h, ids.aerfjord).external[CONNECTOR_APPLICATION_GUID]).toEqual({
      'visma.supplierNumber': '30001',
    });
  });

  it('2. a new vendor reaches Visma, a new supplier reaches ServiceTitan, and address changes cross over', async () => {
    const newVendor = addStVendor(h, 'Fjordkraft Bedrift AS', {
      street: 'Kaigaten 1',
      zip: '5015',
      city: 'Bergen',
    });
    addVismaSupplier(h, '30010', 'Tromsø Isolasjon AS', {
      addressLine1: 'Storgata 9',
      postalCode: '9008',
      city: 'Tromsø',
    });
    h.st.modify('vendors', ids.aerfjord, {
      address: { street: 'Nye gate 5', unit: null, city: 'Oslo', state: '', zip: '0151', country: 'NO' },
    });
    editVismaSupplier(h, '30003', { addressLine1: 'Havnegata 2', postalCode: '7010', city: 'Trondheim' });
    const summary = await align(h);
    expect(summary.failures).toEqual([]);
    const links = loadLinks(h.db, h.config.id, 'supplier');
    const created = h.visma.company().suppliers.get(links.get(String(newVendor))!);
    expect(created).toMatchObject({
      name: 'Fjordkraft Bedrift AS',
      addressLine1: 'Kaigaten 1',
      postalCode: '5015',
    });
    const stId = [...links.entries()].find(([, n]) => n === '30010')?.[0];
    expect(stVendor(h, stId!)).toMatchObject({
      name: 'Tromsø Isolasjon AS',
      address: expect.objectContaining({ street: 'Storgata 9', zip: '9008' }),
    });
    expect(h.visma.company().suppliers.get('30001')).toMatchObject({
      addressLine1: 'Nye gate 5',
      postalCode: '0151',
    });
    expect(stVendor(h, ids.asen).address).toMatchObject({
      street: 'Havnegata 2',
      zip: '7010',
      city: 'Trondheim',
    });
  });

  it('3. the same field changed on both sides is one conflict, and neither side is overwritten until resolved', async () => {
    h.st.modify('vendors', ids.ostby, {
      contactInfo: { firstName: '', lastName: '', phone: '+47 40 00 00 01', email: '', fax: '' },
    });
    editVismaSupplier(h, '30002', { phone: '+47 90 00 00 02' });
    await align(h);
    await align(h);
    const conflicts = masterDataReviewItems(h.db, h.config.id).filter(
      (i) => i.type === 'conflict' && i.subject === `supplier:${ids.ostby}`,
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.text).toContain('phone');
    expect((stVendor(h, ids.ostby).contactInfo as { phone: string }).phone).toBe('+47 40 00 00 01');
    expect(h.visma.company().suppliers.get('30002')!.phone).toBe('+47 90 00 00 02');
    resolve(h.db, h.config.id, Number(conflicts[0]!.ref.split(':')[1]), { keep: 'visma' }, 'user');
    await align(h);
    expect((stVendor(h, ids.ostby).contactInfo as { phone: string }).phone).toBe('+47 90 00 00 02');
    expect(
      masterDataReviewItems(h.db, h.config.id).filter(
        (i) => i.type === 'conflict' && i.subject === `supplier:${ids.ostby}`,
      ),
    ).toEqual([]);
  });

  it('5. a supplier update that meets a stale ETag retries and keeps the change made in Visma meanwhile', async () => {
    h.st.modify('vendors', ids.aerfjord, {
      address: { street: 'Nye gate 7', unit: null, city: 'Oslo', state: '', zip: '0151', country: 'NO' },
    });
    const port = h.ports.visma;
    const original = port.updateSupplier.bind(port);
    let interfered = false;
    port.updateSupplier = (number, change) =>
      original(number, (current) => {
        if (!interfered && number === '30001') {
          interfered = true; // someone renames the supplier in Visma between our read and our write
          editVismaSupplier(h, '30001', { name: 'Ærfjord Rør & Varme Holding' });
        }
        return change(current);
      });
    try {
      const summary = await align(h);
      expect(summary.failures).toEqual([]);
    } finally {
      port.updateSupplier = original;
    }
    expect(interfered).toBe(true);
    expect(h.visma.company().suppliers.get('30001')).toMatchObject({
      addressLine1: 'Nye gate 7',
      name: 'Ærfjord Rør & Varme Holding',
    });
    await align(h); // the rename made in Visma now flows to ServiceTitan
    expect(stVendor(h, ids.aerfjord).name).toBe('Ærfjord Rør & Varme Holding');
  });
});
