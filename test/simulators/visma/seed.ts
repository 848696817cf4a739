import type {
  CompanyIdentity,
  CompanyState,
  FiscalCalendar,
  SimAccount,
  SimCustomer,
  SimSegment,
  SimSubaccount,
  SimSupplier,
  SimVatCategory,
  SimVatCode,
} from './model';
import { localTimestamp } from './clock';
import { DEFAULT_CALENDAR, periodForDate, periodsCovering } from './calendar';

type AccountSeed = [string, string, SimAccount['type'], string?, boolean?, string?];

/** A Norwegian-style chart: 1500 receivables, 2400 payables, 2700/2710 VAT, 3000–3099 sales, 4000–4099 purchases. */
const chart: AccountSeed[] = [
  ['1500', 'Kundefordringer (receivables)', 'Asset', undefined, true, 'AR'],
  ['1920', 'Bankinnskudd (bank)', 'Asset'],
  ['2400', 'Leverandørgjeld (payables)', 'Liability', undefined, true, 'AP'],
  ['2700', 'Utgående merverdiavgift (output VAT)', 'Liability'],
  ['2710', 'Inngående merverdiavgift (input VAT)', 'Liability'],
  ['2900', 'Interimskonto (holding account)', 'Liability'],
  ['3000', 'Salg tjenester, høy sats (services)', 'Income', 'HIGH'],
  ['3010', 'Salg materiell, høy sats (materials)', 'Income', 'HIGH'],
  ['3020', 'Serviceavtaler (maintenance agreements)', 'Income', 'HIGH'],
  ['3050', 'Salg, middels sats 15 %', 'Income', 'MEDIUM'],
  ['3060', 'Salg, lav sats 12 %', 'Income', 'LOW'],
  ['3090', 'Salg, unntatt mva (exempt)', 'Income', 'EXEMPT'],
  ['3099', 'Gammel salgskonto (inactive)', 'Income', 'HIGH', false],
  ['4000', 'Innkjøp materiell (materials)', 'Expense', 'HIGH'],
  ['4010', 'Underleverandører (subcontractors)', 'Expense', 'HIGH'],
  ['4020', 'Frakt (freight)', 'Expense', 'LOW'],
  ['4050', 'Innkjøp, middels sats 15 %', 'Expense', 'MEDIUM'],
  ['4090', 'Innkjøp uten mva (no VAT)', 'Expense', 'EXEMPT'],
  ['4099', 'Gammel varekonto (inactive)', 'Expense', 'HIGH', false],
  ['6300', 'Leie lokaler (rent)', 'Expense', 'HIGH'],
  ['6540', 'Inventar og verktøy (tools)', 'Expense', 'HIGH'],
  ['7100', 'Bilkostnader (vehicles)', 'Expense', 'HIGH'],
];

const vatCodes: SimVatCode[] = [
  {
    vatId: '3',
    description: 'Utgående mva, høy sats 25 %',
    type: 'Vat',
    rate: '25',
    groupType: 'Output',
    zones: ['01'],
    glAccount: '2700',
    xmlType: 'VatTypeHigh',
  },
  {
    vatId: '31',
    description: 'Utgående mva, middels sats 15 %',
    type: 'Vat',
    rate: '15',
    groupType: 'Output',
    zones: ['01'],
    glAccount: '2700',
    xmlType: 'VatTypeMedium',
  },
  {
    vatId: '33',
    description: 'Utgående mva, lav sats 12 %',
    type: 'Vat',
    rate: '12',
    groupType: 'Output',
    zones: ['01'],
    glAccount: '2700',
    xmlType: 'VatTypeLow',
  },
  {
    vatId: '5',
    description: 'Omsetning fritatt for mva, 0 %',
    type: 'Vat',
    rate: '0',
    groupType: 'Output',
    zones: ['01', '02'],
    glAccount: '2700',
    xmlType: 'VatTypeZero',
  },
  {
    vatId: '6',
    description: 'Omsetning utenfor mva-loven (exempt)',
    type: 'ExemptVat',
    rate: '0',
    groupType: 'Output',
    zones: ['01', '02'],
    glAccount: '2700',
    xmlType: 'VatTypeExempt',
  },
  {
    vatId: '1',
    description: 'Inngående mva, høy sats 25 %',
    type: 'Vat',
    rate: '25',
    groupType: 'Input',
    zones: ['01'],
    glAccount: '2710',
    xmlType: 'VatTypeHigh',
  },
  {
    vatId: '11',
    description: 'Inngående mva, middels sats 15 %',
    type: 'Vat',
    rate: '15',
    groupType: 'Input',
    zones: ['01'],
    glAccount: '2710',
    xmlType: 'VatTypeMedium',
  },
  {
    vatId: '13',
    description: 'Inngående mva, lav sats 12 %',
    type: 'Vat',
    rate: '12',
    groupType: 'Input',
    zones: ['01'],
    glAccount: '2710',
    xmlType: 'VatTypeLow',
  },
  {
    vatId: '0',
    description: 'Innkjøp uten mva (exempt)',
    type: 'ExemptVat',
    rate: '0',
    groupType: 'Input',
    zones: ['01', '02'],
    glAccount: '2710',
    xmlType: 'VatTypeExempt',
  },
];

const vatCategories: SimVatCategory[] = [
  { id: 'HIGH', description: 'Høy sats 25 %', active: true, vatIds: ['3', '5', '6', '1', '0'] },
  { id: 'MEDIUM', description: 'Middels sats 15 %', active: true, vatIds: ['31', '5', '6', '11', '0'] },
  { id: 'LOW', description: 'Lav sats 12 %', active: true, vatIds: ['33', '5', '6', '13', '0'] },
  { id: 'EXEMPT', description: 'Unntatt / uten mva', active: true, vatIds: ['6', '0'] },
];

const segments: SimSegment[] = [
  {
    segmentId: 1,
    description: 'Kostnadssted (cost center)',
    length: 2,
    values: [
      { valueId: '10', description: 'Service', active: true },
      { valueId: '20', description: 'Installasjon', active: true },
      { valueId: '30', description: 'Serviceavtaler', active: true },
      { valueId: '90', description: 'Administrasjon', active: true },
    ],
  },
  {
    segmentId: 2,
    description: 'Produktlinje (product line)',
    length: 2,
    values: [
      { valueId: '00', description: 'Felles', active: true },
      { valueId: '01', description: 'Varme', active: true },
      { valueId: '02', description: 'Rør', active: true },
    ],
  },
];

type PartySeed = [string, string, string, string?];

const customersA: PartySeed[] = [
  ['10001', 'Nordvik Eiendom AS', '01'],
  ['10002', 'Borettslaget Solsiden', '01'],
  ['10003', 'Kari Hansen', '01'],
  ['10004', 'Svensk Fastighet AB', '02'],
  ['10005', 'Gamle Bygg AS', '01', 'Inactive'],
  ['10006', 'Fjellheim Hotell AS', '01'],
];
const customersB: PartySeed[] = [
  ['10001', 'Vestland Bolig AS', '01'],
  ['10002', 'Bergen Kontorsenter AS', '01'],
];
const suppliersA: PartySeed[] = [
  ['20001', 'Ahlsell Norge AS', '01'],
  ['20002', 'Brødrene Dahl AS', '01'],
  ['20003', 'Onninen AS', '01'],
  ['20004', 'NIBE Energy Systems AB', '02'],
  ['20005', 'Nedlagt Leverandør AS', '01', 'Inactive'],
];
const suppliersB: PartySeed[] = [['20001', 'Heat Parts Vest AS', '01']];

/** Where a seeded company lives in time: its time zone and financial calendar. */
export interface CompanySetup {
  timeZone: string;
  calendar: FiscalCalendar;
}

const DEFAULT_SETUP: CompanySetup = { timeZone: 'Europe/Oslo', calendar: DEFAULT_CALENDAR };

/**
 * Builds a fresh company with the Nordic seed. `today` fixes the periods (the financial years covering last calendar
 * year and this one) and the period closed in the customer ledger (the one holding the month two months before).
 */
export function seedCompany(
  identity: CompanyIdentity,
  variant: 'A' | 'B',
  today: Date,
  setup: CompanySetup = DEFAULT_SETUP,
): CompanyState {
  const now = localTimestamp(setup.timeZone);
  let internalId = 100;
  const company: CompanyState = {
    identity,
    licensed: true,
    baseCurrency: 'NOK',
    timeZone: setup.timeZone,
    calendar: setup.calendar,
    closedPeriod: '',
    receivablesAccount: '1500',
    payablesAccount: '2400',
    accounts: new Map(),
    subaccounts: new Map(),
    segments: structuredClone(segments),
    vatZones: new Map([
      ['01', { id: '01', description: 'Innenlands (domestic)', defaultVatCategory: 'HIGH' }],
      ['02', { id: '02', description: 'Utland (export / abroad)', defaultVatCategory: 'HIGH' }],
    ]),
    vatCategories: new Map(vatCategories.map((c) => [c.id, structuredClone(c)])),
    vatCodes: new Map(vatCodes.map((c) => [c.vatId, structuredClone(c)])),
    branches: new Map([
      ['1', { branchId: 1, number: '1', name: 'Hovedkontor Oslo', isMainBranch: true, vatZone: '01' }],
      ['2', { branchId: 2, number: '2', name: 'Avdeling Bergen', isMainBranch: false, vatZone: '01' }],
    ]),
    periods: new Map(),
    projects: new Map(),
    customers: new Map(),
    suppliers: new Map(),
    documents: new Map(),
    batches: new Map(),
    background: new Map(),
    series: {
      customer: 10100,
      supplier: 20100,
      customerInvoice: variant === 'A' ? 100000 : 400000,
      customerCreditNote: variant === 'A' ? 500000 : 800000,
      supplierInvoice: variant === 'A' ? 300000 : 600000,
      supplierDebitAdj: variant === 'A' ? 700000 : 900000,
      batch: 0,
      internalId: 1000,
      rowVersion: 0,
    },
  };
  for (const [accountCD, description, type, taxCategory, active = true, control] of chart) {
    const account: SimAccount = {
      accountID: internalId++,
      accountCD,
      description,
      type,
      active,
      lastModified: now,
    };
    if (taxCategory) account.taxCategory = taxCategory;
    if (control) account.controlAccountModule = control;
    company.accounts.set(accountCD, account);
  }
  for (const [i, [cc, line]] of (
    [
      ['10', '01'],
      ['10', '02'],
      ['20', '01'],
      ['20', '02'],
      ['30', '00'],
      ['90', '00'],
    ] as const
  ).entries()) {
    const sub: SimSubaccount = {
      subaccountId: i + 1,
      subaccountNumber: `${cc}-${line}`,
      description: `${segmentText(1, cc)} / ${segmentText(2, line)}`,
      active: true,
      segments: [
        { segmentId: 1, segmentValue: cc },
        { segmentId: 2, segmentValue: line },
      ],
      lastModified: now,
    };
    company.subaccounts.set(sub.subaccountNumber, sub);
  }
  seedPeriods(company, today);
  const projects: [string, string, 'Active' | 'Completed', string?][] =
    variant === 'A'
      ? [
          ['X', 'Ikke prosjekt (non-project)', 'Active'],
          ['P1001', 'Kontorbygg Storgata 12 – VVS', 'Active', '10001'],
          ['P1002', 'Borettslaget Solsiden – varmepumper', 'Active', '10002'],
          ['P1003', 'Hotell Fjellheim – rehabilitering', 'Completed', '10006'],
        ]
      : [
          ['X', 'Ikke prosjekt (non-project)', 'Active'],
          ['P2001', 'Vestland Bolig – fjernvarme', 'Active', '10001'],
        ];
  for (const [projectID, description, status, customerNumber] of projects) {
    company.projects.set(projectID, {
      internalID: internalId++,
      projectID,
      description,
      status,
      ...(customerNumber ? { customerNumber } : {}),
      lastModified: now,
    });
  }
  for (const [number, name, vatZoneId, status] of variant === 'A' ? customersA : customersB) {
    const customer: SimCustomer = {
      internalId: internalId++,
      number,
      name,
      status: (status as SimCustomer['status'] | undefined) ?? 'Active',
      vatZoneId,
      currencyId: 'NOK',
      countryId: vatZoneId === '02' ? 'SE' : 'NO',
      city: vatZoneId === '02' ? 'Göteborg' : variant === 'A' ? 'Oslo' : 'Bergen',
      created: now,
      lastModified: now,
    };
    company.customers.set(number, customer);
  }
  for (const [number, name, vatZoneId, status] of variant === 'A' ? suppliersA : suppliersB) {
    const supplier: SimSupplier = {
      internalId: internalId++,
      number,
      name,
      status: (status as SimSupplier['status'] | undefined) ?? 'Active',
      vatZoneId,
      currencyId: 'NOK',
      countryId: vatZoneId === '02' ? 'SE' : 'NO',
      version: 0,
      lastModified: now,
    };
    company.suppliers.set(number, supplier);
  }
  company.series.internalId = internalId;
  for (const s of company.suppliers.values()) s.version = ++company.series.rowVersion;
  return company;
}

/** Lays out the periods around `today` and closes the seeded one in the customer ledger. */
export function seedPeriods(company: CompanyState, today: Date): void {
  const year = today.getUTCFullYear();
  company.periods.clear();
  for (const p of periodsCovering(company.calendar, `${year - 1}-01-01`, `${year}-12-31`))
    company.periods.set(p.period, p);
  company.closedPeriod = seededClosedPeriod(company, today);
  const closed = company.periods.get(company.closedPeriod);
  if (closed) closed.closedInCustomerLedger = true;
}

/** The period holding the 15th of the month two months before `today`: the seed closes it in the customer ledger. */
export function seededClosedPeriod(company: CompanyState, today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 15));
  return periodForDate(company, d.toISOString().slice(0, 10))?.period ?? '';
}

function segmentText(segmentId: number, valueId: string): string {
  return (
    segments.find((s) => s.segmentId === segmentId)?.values.find((v) => v.valueId === valueId)?.description ??
    valueId
  );
}
