import { defaultSyncSettings } from '../../../shared/sync-settings';
import type { SourceDocument, SourceLine } from '../../../main/engine/domain';
import { emptyRules } from '../../../main/engine/mapping/rules';
import type { ResolveContext } from '../../../main/engine/mapping/resolve';
import { emptyMasterData, type MasterData } from '../../../main/engine/master-data/types';

/** A small Visma company shaped like the simulator's seed. */
export function masterData(): MasterData {
  const md = emptyMasterData();
  for (const [cd, cat, active] of [
    ['3000', 'HIGH', true],
    ['3010', 'HIGH', true],
    ['3050', 'MEDIUM', true],
    ['3099', 'HIGH', false],
    ['4000', 'HIGH', true],
    ['2900', undefined, true],
  ] as const) {
    md.accounts.set(cd, {
      accountCD: cd,
      description: cd,
      type: 'Income',
      active,
      ...(cat && { taxCategory: cat }),
    });
  }
  for (const [vatId, rate, direction, exempt, zones] of [
    ['3', '25', 'Output', false, ['01']],
    ['31', '15', 'Output', false, ['01']],
    ['5', '0', 'Output', false, ['01', '02']],
    ['6', '0', 'Output', true, ['01', '02']],
    ['1', '25', 'Input', false, ['01']],
    ['0', '0', 'Input', true, ['01', '02']],
  ] as const) {
    md.vatCodes.set(vatId, { vatId, description: vatId, rate, direction, exempt, zones: [...zones] });
  }
  md.vatCategories.set('HIGH', { id: 'HIGH', active: true, vatIds: ['3', '5', '6', '1', '0'] });
  md.vatCategories.set('MEDIUM', { id: 'MEDIUM', active: true, vatIds: ['31', '5', '6', '0'] });
  md.segments = [
    {
      segmentId: 1,
      description: 'Kostnadssted (cost center)',
      values: [
        { valueId: '10', description: 'Service', active: true },
        { valueId: '20', description: 'Installasjon', active: true },
      ],
    },
  ];
  md.periods.set('202601', {
    period: '202601',
    closedInCustomerLedger: false,
    closedInSupplierLedger: false,
  });
  md.periods.set('202602', { period: '202602', closedInCustomerLedger: true, closedInSupplierLedger: false });
  md.periods.set('202603', {
    period: '202603',
    closedInCustomerLedger: false,
    closedInSupplierLedger: false,
  });
  md.customers.set('10001', { number: '10001', name: 'Kari Hansen', active: true, vatZoneId: '01' });
  md.customers.set('10005', { number: '10005', name: 'Gamle Bygg', active: false, vatZoneId: '01' });
  md.suppliers.set('20001', { number: '20001', name: 'Ahlsell', active: true, vatZoneId: '01' });
  md.stTaxZones.set('301', { id: '301', name: 'Oslo', laborRate: '25', materialRate: '25', active: true });
  md.stTaxZones.set('304', { id: '304', name: 'Ålesund', laborRate: '25', materialRate: '15', active: true });
  md.stBusinessUnits.set('101', { id: '101', name: 'Plumbing Service', active: true });
  return md;
}

/** A line with defaults. */
export function line(overrides: Partial<SourceLine> = {}): SourceLine {
  return {
    lineId: '1',
    lineType: 'Service',
    skuId: '9001',
    description: 'Repair',
    quantity: '2',
    unitPrice: '500.00',
    amount: '1000.00',
    glAccountNumber: '3000',
    taxable: true,
    ...overrides,
  };
}

/** An invoice with defaults: 1000 + 25 % VAT, customer 5 linked to 10001, dated 2026-01-15. */
export function invoice(overrides: Partial<SourceDocument> = {}): SourceDocument {
  return {
    kind: 'invoice',
    stId: '60001',
    number: '100001',
    documentDate: '2026-01-15T00:00:00Z',
    partyId: '5',
    partyName: 'Kari Hansen',
    businessUnitId: '101',
    businessUnitName: 'Plumbing Service',
    jobId: '40001',
    jobNumber: '40001',
    taxZoneId: '301',
    subTotal: '1000.00',
    tax: '250.00',
    total: '1250.00',
    active: true,
    lines: [line()],
    ...overrides,
  };
}

/** A resolve context over `masterData()` for tenant 8450100, with customer 5 → 10001 and vendor 7 → 20001. */
export function resolveContext(overrides: Partial<ResolveContext> = {}): ResolveContext {
  return {
    tenantId: '8450100',
    rules: emptyRules(),
    master: masterData(),
    customerLinks: new Map([['5', '10001']]),
    supplierLinks: new Map([['7', '20001']]),
    settings: defaultSyncSettings(),
    timeZone: 'Europe/Oslo',
    ...overrides,
  };
}
