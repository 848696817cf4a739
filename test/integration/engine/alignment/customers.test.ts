import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncSettingsInput } from '../../../../shared/sync-settings';
import type { NewVismaCustomer } from '../../../../main/engine/master-data/records';
import { decide } from '../../../../main/engine/alignment/decisions';
import { masterDataReviewItems } from '../../../../main/engine/alignment/review-items';
import { alignMasterData, type AlignmentSummary } from '../../../../main/engine/alignment/run-alignment';
import { listSuggestions } from '../../../../main/engine/alignment/store/suggestions';
import { loadRegister } from '../../../../main/engine/alignment/store/tax-zones';
import { loadLinks, loadRules } from '../../../../main/engine/mapping/rule-store';
import { listOutbox } from '../../../../main/engine/outbox/store';
import { parseSource } from '../../../../main/engine/source-store';
import { listAudit } from '../../../../main/storage/audit';
import { timestamp } from '../../../simulators/visma/clock';
import { startHarness, type Harness } from '../harness';

const CLASSES = { Residential: 'PRIVAT', Commercial: 'BEDRIFT' };
const BASE: SyncSettingsInput = {
  createCustomers: false,
  masterData: { customerClassByType: CLASSES, suggestThreshold: 0.6 },
};

/** One alignment run with these sync settings (the harness profile's otherwise). */
function alignWith(h: Harness, sync: SyncSettingsInput = BASE): Promise<AlignmentSummary> {
  return alignMasterData(
    { id: h.config.id, timeZone: h.config.timeZone, sync },
    { db: h.db, ports: h.ports },
  );
}

let nextCustomer = 19_001;
let nextContact = 39_001;

function addStCustomer(
  h: Harness,
  name: string,
  type: 'Residential' | 'Commercial',
  address: { street: string; zip: string; city: string },
  tagTypeIds: number[] = [],
): number {
  const template = h.st.get('customers', 10_001)!;
  const id = nextCustomer++;
  h.st.add('customers', {
    ...structuredClone(template),
    id,
    name,
    type,
    tagTypeIds,
    address: { ...(template.address as object), ...address, country: 'NO' },
    modifiedOn: undefined,
  });
  return id;
}

function addStEmail(h: Harness, customerId: number, value: string, invoices = true): number {
  const now = new Date(h.st.now()).toISOString();
  const id = nextContact++;
  h.st.add('customer-contacts', {
    id,
    customerId,
    type: 'Email',
    value,
    memo: null,
    phoneSettings: { phoneNumber: '', doNotText: false },
    preferences: {
      jobRemindersEnabled: false,
      marketingUpdatesEnabled: false,
      invoiceStatementNotification: invoices,
      invoiceNotification: invoices,
      statementNotification: invoices,
    },
    createdOn: now,
    modifiedOn: now,
  });
  return id;
}

function addVismaCustomer(
  h: Harness,
  number: string,
  name: string,
  details: { addressLine1?: string; postalCode?: string; city?: string } = {},
): void {
  const company = h.visma.company();
  company.customers.set(number, {
    internalId: 7000 + company.customers.size,
    number,
    name,
    status: 'Active',
    vatZoneId: '01',
    currencyId: 'NOK',
    countryId: 'NO',
    created: timestamp(),
    lastModified: timestamp(),
    ...details,
  });
}

const actions = (h: Harness, action: string) =>
  listAudit(h.db, { profileId: h.config.id, action }).map((a) => a.message ?? '');

describe('customer alignment against the simulators', () => {
  let h: Harness;
  const ids = { fjordheim: 0, lunde: 0, fjordheimEmail: 0 };

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 40, bills: 2 }, sync: BASE });
    ids.fjordheim = addStCustomer(h, 'Fjordheim Eiendom AS', 'Commercial', {
      street: 'Bryggen 3',
      zip: '5003',
      city: 'Bergen',
    });
    ids.fjordheimEmail = addStEmail(h, ids.fjordheim, 'regnskap@fjordheim.example.no');
    addVismaCustomer(h, '90001', 'FJORDHEIM EIENDOM', {
      addressLine1: 'Bryggen 3',
      postalCode: '5003',
      city: 'Bergen',
    });
    ids.lunde = addStCustomer(h, 'Lunde Bakeri AS', 'Commercial', {
      street: 'Torget 1',
      zip: '7010',
      city: 'Trondheim',
    });
    addVismaCustomer(h, '90002', 'Bakeri Lunde AS', { postalCode: '7010', city: 'Trondheim' });
  });
  afterAll(() => h.stop());

  it('links an exact pair automatically and only suggests a near miss; both are audited', async () => {
    const summary = await alignWith(h);
    expect(summary.failures).toEqual([]);
    const links = loadLinks(h.db, h.config.id, 'customer');
    expect(links.get(String(ids.fjordheim))).toBe('90001');
    expect(links.has(String(ids.lunde))).toBe(false);
    expect([...links.values()]).not.toContain('90002');
    console.log(
      JSON.stringify(
        listSuggestions(h.db, h.config.id).filter(
          (s) => s.vismaKey === '90002' || s.stId === String(ids.lunde),
        ),
      ),
    );
    const suggestion = listSuggestions(h.db, h.config.id, 'customer').find(
      (s) => s.stId === String(ids.lunde),
    );
    expect(suggestion).toMatchObject({ vismaKey: '90002', status: 'open' });
    expect(
      actions(h, 'link.customer').some((m) => m.includes(`${ids.fjordheim} linked to Visma customer 90001`)),
    ).toBe(true);
    expect(actions(h, 'masterdata.suggestion.offered').some((m) => m.includes(`customer ${ids.lunde}`))).toBe(
      true,
    );
  });

  it('creates the Visma customer an invoice needs: class by type, VAT zone from the register, address, e-mail', async () => {
    await h.sync(); // customers are not created by the sync here, so invoices wait for them
    const links = loadLinks(h.db, h.config.id, 'customer');
    const waiting = listSuggestions(h.db, h.config.id, 'customer').map((s) => s.stId);
    const needed = [
      ...new Set(
        listOutbox(h.db, h.config.id, ['blocked'])
          .filter((r) => r.sourceKind === 'invoice')
          .map((r) => parseSource(r.payloadJson).partyId),
      ),
    ].filter((id) => !links.has(id) && !waiting.includes(id));
    expect(needed.length).toBeGreaterThan(0);
    const target = Number(needed[0]);
    addStEmail(h, target, 'second@example.no', false);
    addStEmail(h, target, 'faktura@kunde.example.no', true);
    const created: NewVismaCustomer[] = [];
    const port = h.ports.visma;
    const original = port.createCustomerRecord.bind(port);
    port.createCustomerRecord = (c) => (created.push(c), original(c));
    try {
      const summary = await alignWith(h, { ...BASE, createCustomers: true });
      expect(summary.failures).toEqual([]);
      expect(summary.customers.createdInVisma).toBe(needed.length);
    } finally {
      port.createCustomerRecord = original;
    }
    const st = h.st.get('customers', target) as unknown as {
      name: string;
      type: 'Residential' | 'Commercial';
      address: Record<string, string>;
    };
    const number = loadLinks(h.db, h.config.id, 'customer').get(String(target))!;
    const visma = h.visma.company().customers.get(number)!;
    const zone = (h.st.records('locations') as unknown as { customerId: number; taxZoneId: number }[]).find(
      (l) => l.customerId === target,
    )!.taxZoneId;
    const vatZone = loadRegister(h.db, h.config.id).get(String(zone))?.vatZoneId;
    expect(vatZone).toBeTruthy();
    expect(visma).toMatchObject({
      name: st.name,
      addressLine1: st.address.street,
      postalCode: st.address.zip,
      city: st.address.city,
      email: 'faktura@kunde.example.no',
      vatZoneId: vatZone,
    });
    const sent = created.find((c) => c.fields.name === st.name)!;
    expect(sent.customerClassId).toBe(CLASSES[st.type]);
    expect(
      actions(h, 'masterdata.customer.created').some((m) => m.includes(`ServiceTitan customer ${target}`)),
    ).toBe(true);
  });

  it('lets a name, address and e-mail change in ServiceTitan reach the linked Visma customer, audited', async () => {
    h.st.modify('customers', ids.fjordheim, {
      name: 'Fjordheim Eiendom Holding AS',
      address: { ...(h.st.get('customers', ids.fjordheim)!.address as object), street: 'Strandkaien 8' },
    });
    const summary = await alignWith(h);
    expect(summary.failures).toEqual([]);
    expect(h.visma.company().customers.get('90001')).toMatchObject({
      name: 'Fjordheim Eiendom Holding AS',
      addressLine1: 'Strandkaien 8',
    });
    // Only changes flow: the e-mail the customer already had when it was linked is not pushed.
    expect(h.visma.company().customers.get('90001')!.email).toBeUndefined();
    expect(actions(h, 'masterdata.customer.updated').some((m) => m.startsWith('Customer 90001'))).toBe(true);
    // An edited e-mail contact is a contact change only (the customer record is untouched): it still flows.
    h.st.modify('customer-contacts', ids.fjordheimEmail, { value: 'faktura@fjordheim.example.no' });
    await alignWith(h);
    expect(h.visma.company().customers.get('90001')!.email).toBe('faktura@fjordheim.example.no');
    expect(actions(h, 'masterdata.customer.updated')[0]).toContain('e-mail updated');
  });

  it('does not touch the Visma customer when updateCustomers is off', async () => {
    h.st.modify('customers', ids.fjordheim, { name: 'Fjordheim Gruppen AS' });
    const before = actions(h, 'masterdata.customer.updated').length;
    await alignWith(h, { ...BASE, masterData: { ...BASE.masterData, updateCustomers: false } });
    expect(h.visma.company().customers.get('90001')!.name).toBe('Fjordheim Eiendom Holding AS');
    expect(actions(h, 'masterdata.customer.updated').length).toBe(before);
  });
});

describe('customer type and tags → segment values', () => {
  let h: Harness;
  const SEGMENTS: SyncSettingsInput = { ...BASE, customerTypeSegmentId: 2 };

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 40, bills: 2 }, sync: SEGMENTS });
    h.visma
      .company()
      .segments.find((s) => s.segmentId === 2)!
      .values.push(
        { valueId: '10', description: 'Residential', active: true },
        { valueId: '20', description: 'Commercial', active: true },
        { valueId: '30', description: 'Service Agreement', active: true },
      );
  });
  afterAll(() => h.stop());

  it('suggests values by name for each type and used tag, flags unmapped types, and maps on accept', async () => {
    const summary = await alignWith(h, SEGMENTS);
    expect(summary.failures).toEqual([]);
    const offered = listSuggestions(h.db, h.config.id).filter(
      (s) => s.kind === 'customer-type' || s.kind === 'customer-tag',
    );
    expect(offered.map((s) => [s.kind, s.stId, s.vismaKey])).toEqual([
      ['customer-tag', '801', '30'],
      ['customer-type', 'Residential', '10'],
      ['customer-type', 'Commercial', '20'],
    ]);
    const flags = masterDataReviewItems(h.db, h.config.id).filter(
      (i) => i.type === 'drift' && i.subject.startsWith('customer-type:'),
    );
    expect(flags.map((f) => f.text)).toEqual([
      'Customer type "Residential" has no value in Visma segment 2, so invoices for residential customers post without it. Suggested by name: value 10.',
      'Customer type "Commercial" has no value in Visma segment 2, so invoices for commercial customers post without it. Suggested by name: value 20.',
    ]);
    expect(
      actions(h, 'masterdata.suggestion.offered').filter((m) => /Customer (type|tag)/.test(m)),
    ).toHaveLength(3);
    expect(actions(h, 'masterdata.drift.opened').filter((m) => m.startsWith('Customer type'))).toHaveLength(
      2,
    );

    for (const s of offered.filter((x) => x.stId !== 'Commercial'))
      decide(h.db, h.config.id, s.id, true, 'user');
    const rules = loadRules(h.db, h.config.id);
    expect(rules.customerTypeSegment).toEqual({ Residential: { segmentValue: '10' } });
    expect(rules.customerTagSegment).toEqual({ '801': { segmentValue: '30' } });
    expect(actions(h, 'masterdata.suggestion.accepted')).toHaveLength(2);

    await alignWith(h, SEGMENTS);
    const open = masterDataReviewItems(h.db, h.config.id).filter(
      (i) => i.type === 'drift' && i.subject.startsWith('customer-type:'),
    );
    expect(open.map((i) => i.subject)).toEqual(['customer-type:Commercial']);
    expect(actions(h, 'masterdata.drift.cleared')).toEqual([
      expect.stringContaining('Resolved: Customer type "Residential"'),
    ]);
  });

  it('does nothing without a customer-type segment', async () => {
    const before = listSuggestions(h.db, h.config.id).length;
    const summary = await alignWith(h, BASE);
    expect(summary.customerSegments).toEqual({ suggested: 0, driftOpen: 0 });
    expect(listSuggestions(h.db, h.config.id).length).toBe(before);
  });
});
