import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTOR_APPLICATION_GUID } from '../../../../shared/master-data-settings';
import { matchMasterData } from '../../../../main/engine/alignment/run-alignment';
import { listSuggestions } from '../../../../main/engine/alignment/store/suggestions';
import { loadLinks } from '../../../../main/engine/mapping/rule-store';
import { startHarness, type Harness } from '../harness';
import { addStVendor, addVismaSupplier, align, stVendor } from './helpers';

describe('matching for the setup wizard (alignment that writes to neither system)', () => {
  let h: Harness;
  const ids = { exact: 0, similar: 0, alone: 0 };
  const profile = () => ({ id: h.config.id, timeZone: h.config.timeZone, sync: h.config.sync });

  beforeAll(async () => {
    // Settings that make a full alignment create on both sides: the match-only run must still write nothing.
    h = await startHarness({
      st: { invoices: 10, bills: 3 },
      mappings: false,
      sync: { createSuppliers: true, masterData: { suppliersToServiceTitan: 'create' } },
    });
    ids.exact = addStVendor(h, 'Ærfjord Rør og Varme AS', { zip: '0150', city: 'Oslo' });
    addVismaSupplier(h, '30001', 'ÆRFJORD RØR & VARME', { postalCode: '0150', city: 'Oslo' });
    ids.similar = addStVendor(h, 'Vestland Kulde og Klima AS', { zip: '5003', city: 'Bergen' });
    addVismaSupplier(h, '30004', 'Vestland Kulde Klima AS', { postalCode: '5003', city: 'Bergen' });
    ids.alone = addStVendor(h, 'Fjordkraft Bedrift AS', { zip: '5015', city: 'Bergen' });
    addVismaSupplier(h, '30010', 'Tromsø Isolasjon AS', { postalCode: '9008', city: 'Tromsø' });
  });
  afterAll(() => h.stop());

  it('links exact pairs and suggests similar ones, creating and storing nothing in ServiceTitan or Visma', async () => {
    const suppliersBefore = h.visma.company().suppliers.size;
    const customersBefore = h.visma.company().customers.size;
    const vendorsBefore = h.st.records('vendors').length;
    const summary = await matchMasterData(profile(), { db: h.db, ports: h.ports });
    expect(summary.failures).toEqual([]);
    expect(h.visma.company().suppliers.size).toBe(suppliersBefore);
    expect(h.visma.company().customers.size).toBe(customersBefore);
    expect(h.st.records('vendors').length).toBe(vendorsBefore);

    const links = loadLinks(h.db, h.config.id, 'supplier');
    expect(links.get(String(ids.exact))).toBe('30001');
    expect(links.has(String(ids.alone))).toBe(false);
    expect(stVendor(h, ids.exact).external[CONNECTOR_APPLICATION_GUID]).toBeUndefined();
    const open = listSuggestions(h.db, h.config.id, 'supplier');
    expect(open.some((s) => s.stId === String(ids.similar) && s.vismaKey === '30004')).toBe(true);
    // A supplier without a vendor is asked about, not created.
    expect(listSuggestions(h.db, h.config.id, 'create-vendor').map((s) => s.vismaKey)).toContain('30010');
    expect(summary.suppliers.linked).toBeGreaterThan(0);
    expect(summary.suppliers.createdInVisma + summary.suppliers.createdInServiceTitan).toBe(0);
    expect(summary.customers.createdInVisma + summary.customers.updatedInVisma).toBe(0);
  });

  it('leaves the writing to the first full alignment, which still does it', async () => {
    const suppliersBefore = h.visma.company().suppliers.size;
    const summary = await align(h);
    expect(summary.failures).toEqual([]);
    expect(h.visma.company().suppliers.size).toBeGreaterThan(suppliersBefore);
    expect(stVendor(h, ids.exact).external[CONNECTOR_APPLICATION_GUID]).toEqual({
      'visma.supplierNumber': '30001',
    });
  });
});
