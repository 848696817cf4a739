import { cents, iso } from './types';
import type { Rec, VendorRec } from './types';
import { CITIES, COMPANY_NAMES, FIRST_NAMES, LAST_NAMES, STREETS, VENDOR_NAMES } from './names';
import type { Rng } from './random';

const DAY = 86_400_000;

/** Master data of one tenant, generated from a seed. */
export interface MasterData {
  businessUnits: Rec[];
  taxZones: Rec[];
  glAccounts: Rec[];
  customers: Rec[];
  locations: Rec[];
  vendors: VendorRec[];
  tagTypes: Rec[];
  customerContacts: Rec[];
}

const BUSINESS_UNITS: [name: string, trade: string, division: string][] = [
  ['Plumbing Service', 'Plumbing', 'Residential'],
  ['Plumbing Install', 'Plumbing', 'Residential'],
  ['HVAC Service', 'HVAC', 'Residential'],
  ['HVAC Install', 'HVAC', 'Residential'],
  ['Drain Cleaning', 'Plumbing', 'Residential'],
  ['Commercial HVAC – Næring', 'HVAC', 'Commercial'],
];

/** Tax zones: standard 25 % VAT, a zone with separate labour/material rates, and tax-free Svalbard. */
const TAX_ZONES: [name: string, rates: [taxName: string, base: string[], rate: number][]][] = [
  ['Oslo – MVA 25 %', [['MVA høy sats', ['Subtotal'], 0.25]]],
  ['Akershus og Bærum – MVA 25 %', [['MVA høy sats', ['Subtotal'], 0.25]]],
  ['Trøndelag – MVA 25 %', [['MVA høy sats', ['Subtotal'], 0.25]]],
  [
    'Ålesund – arbeid/materiell',
    [
      ['MVA arbeid', ['Labor'], 0.25],
      ['MVA materiell', ['Material'], 0.15],
    ],
  ],
  ['Svalbard – fritatt 0 %', [['Fritatt', ['Subtotal'], 0]]],
];

/** ServiceTitan-side chart of accounts (Norwegian NS 4102 numbering). `key` names the use. */
export const GL_ACCOUNTS: [
  key: string,
  number: string,
  name: string,
  type: string,
  defaultType: string | null,
][] = [
  ['ar', '1500', 'Kundefordringer', 'Accounts Receivable', 'AccountsReceivable'],
  ['inventory', '1460', 'Varelager', 'Other Current Asset', 'Inventory'],
  ['ap', '2400', 'Leverandørgjeld', 'Accounts Payable', 'AccountsPayable'],
  ['vat', '2700', 'Utgående merverdiavgift', 'Other Current Liability', 'SalesTaxPayable'],
  ['service', '3000', 'Salgsinntekt tjenester', 'Income', 'Revenue'],
  ['material', '3010', 'Salgsinntekt materiell', 'Income', null],
  ['equipment', '3020', 'Salgsinntekt utstyr', 'Income', null],
  ['discount', '3080', 'Rabatter og prisavslag', 'Income', null],
  ['cogsMaterial', '4000', 'Varekostnad materiell', 'Cost of Goods Sold', 'CostOfGoodsSoldMaterials'],
  ['cogsEquipment', '4010', 'Varekostnad utstyr', 'Cost of Goods Sold', 'CostOfGoodsSoldEquipment'],
  ['fuel', '7000', 'Drivstoff servicebiler', 'Expense', null],
  ['tools', '6540', 'Inventar og småverktøy', 'Expense', null],
  ['office', '6800', 'Kontorrekvisita', 'Expense', null],
  ['phone', '6900', 'Telefon og data', 'Expense', null],
  ['rent', '6300', 'Leie lokaler', 'Expense', null],
];

function address(rng: Rng, withCoordinates: boolean) {
  const [city, zip, state] = rng.pick(CITIES);
  const base = {
    street: `${rng.pick(STREETS)} ${rng.int(1, 140)}`,
    unit: rng.chance(0.2) ? `H0${rng.int(1, 4)}01` : null,
    city,
    state,
    zip,
    country: 'NO',
  };
  return withCoordinates ? { ...base, latitude: null, longitude: null } : base;
}

const TAG_TYPES: [name: string, code: string][] = [
  ['Service Agreement', 'SA'],
  ['Property Manager', 'PM'],
  ['Warranty', 'WAR'],
];

/** The invoice e-mail contact of a customer (no random draws, so seeded data stays the same). */
export function customerEmail(id: number, customer: Rec, address?: string): Rec {
  const slug = String(customer.name)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return {
    id,
    customerId: customer.id,
    type: 'Email',
    value: address ?? `faktura@${slug || 'kunde'}.example.no`,
    memo: 'Invoices',
    phoneSettings: { phoneNumber: '', doNotText: false },
    preferences: {
      jobRemindersEnabled: false,
      marketingUpdatesEnabled: false,
      invoiceStatementNotification: true,
      invoiceNotification: true,
      statementNotification: true,
    },
    createdOn: customer.createdOn,
    modifiedOn: customer.modifiedOn,
  };
}

/** Generates master data; `customerCount` scales with the number of invoices. */
export function generateMasterData(
  rng: Rng,
  anchor: number,
  customerCount: number,
  tenantName: string,
  tenantId: string,
): MasterData {
  const created = iso(anchor - 400 * DAY);
  const businessUnits: Rec[] = BUSINESS_UNITS.map(([name, trade, division], i) => ({
    id: 101 + i,
    active: true,
    name,
    officialName: `${tenantName} – ${name}`,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.no`,
    currency: 'NOK',
    phoneNumber: `+47 22 ${String(10 + i).padStart(2, '0')} 00 00`,
    invoiceHeader: null,
    invoiceMessage: null,
    defaultTaxRate: 0.25,
    authorizationParagraph: null,
    acknowledgementParagraph: null,
    address: { ...address(rng, true), isManualCoordinates: false, isMilitary: false },
    materialSku: null,
    quickbooksClass: null,
    accountCode: `BU${101 + i}`,
    franchiseId: null,
    conceptCode: null,
    corporateContractNumber: null,
    trade: { id: trade === 'HVAC' ? 2 : 1, name: trade },
    division: { id: division === 'Commercial' ? 2 : 1, name: division },
    tagTypeIds: [],
    tenant: {
      id: Number(tenantId),
      name: tenantName,
      accountCode: null,
      franchiseId: null,
      conceptCode: null,
      modifiedOn: created,
    },
    createdOn: created,
    modifiedOn: created,
    externalData: [],
    certifiedSentriconSpecialistCode: null,
  }));
  const taxZones: Rec[] = TAX_ZONES.map(([name, rates], i) => ({
    id: 301 + i,
    name,
    color: null,
    isTaxRateSeparated: rates.length > 1,
    isMultipleTaxZone: false,
    rates: rates.map(([taxName, base, rate], j) => ({
      id: 3010 + i * 10 + j,
      taxName,
      taxBaseType: base,
      taxRate: rate,
      salesTaxItem: null,
    })),
    createdOn: created,
    modifiedOn: created,
    active: true,
  }));
  const glAccounts: Rec[] = GL_ACCOUNTS.map(([, number, name, type, defaultType], i) => ({
    id: 501 + i,
    name,
    number,
    description: null,
    type,
    subtype: null,
    active: true,
    isIntacctGroup: false,
    isIntacctBankAccount: false,
    source: 'AccountingSystem',
    defaultAccountType: defaultType,
    createdOn: created,
    modifiedOn: created,
  }));
  const customers: Rec[] = [];
  const locations: Rec[] = [];
  for (let i = 0; i < customerCount; i++) {
    const commercial = i % 4 === 3;
    const name = commercial
      ? `${COMPANY_NAMES[i % COMPANY_NAMES.length]!}${i >= COMPANY_NAMES.length * 4 ? ` ${Math.floor(i / 4)}` : ''}`
      : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const customerId = 10_001 + i;
    const when = iso(anchor - rng.int(90, 400) * DAY);
    const home = address(rng, true);
    customers.push({
      id: customerId,
      active: true,
      name,
      type: commercial ? 'Commercial' : 'Residential',
      address: home,
      customFields: [],
      balance: 0,
      taxExempt: false,
      tagTypeIds: commercial && i % 8 === 3 ? [801] : [],
      doNotMail: false,
      doNotService: false,
      nationalAccount: false,
      createdOn: when,
      createdById: 1,
      modifiedOn: when,
      mergedToId: null,
      paymentTermId: commercial ? 2 : 1,
      creditLimit: null,
      creditLimitBalance: null,
      externalData: [],
    });
    const siteCount = commercial ? rng.int(1, 3) : 1;
    for (let s = 0; s < siteCount; s++) {
      const site = s === 0 ? home : address(rng, true);
      const zone =
        site.city === 'Longyearbyen'
          ? 305
          : site.city === 'Ålesund'
            ? 304
            : site.city === 'Trondheim'
              ? 303
              : site.city === 'Oslo'
                ? 301
                : 302;
      locations.push({
        id: 20_001 + locations.length,
        customerId,
        active: true,
        name: s === 0 ? name : `${name} – ${site.street}`,
        address: site,
        customFields: [],
        createdOn: when,
        createdById: 1,
        modifiedOn: when,
        mergedToId: null,
        zoneId: null,
        taxExempt: false,
        tagTypeIds: [],
        externalData: [],
        taxZoneId: zone,
      });
    }
  }
  const vendors: VendorRec[] = VENDOR_NAMES.map((name, i) => {
    const [city, zip, state] = CITIES[i % CITIES.length]!;
    return {
      id: 701 + i,
      name,
      active: i !== VENDOR_NAMES.length - 1,
      isTruckReplenishment: i < 3,
      isMobileCreationRestricted: false,
      memo: i === 0 ? 'Hovedleverandør rør og VVS' : '',
      deliveryOption: 'Manual',
      defaultTaxRate: 0.25,
      contactInfo: {
        firstName: rng.pick(FIRST_NAMES),
        lastName: rng.pick(LAST_NAMES),
        phone: `+47 4${i}0 00 00${i}`,
        email: `ordre${i}@example.no`,
        fax: '',
      },
      address: { street: `${rng.pick(STREETS)} ${i + 2}`, unit: null, city, state, zip, country: 'NO' },
      createdOn: created,
      modifiedOn: created,
      customFields: [],
      external: {},
    };
  });
  const tagTypes = TAG_TYPES.map(([name, code], i) => ({
    id: 801 + i,
    name,
    color: '#3366CC',
    code,
    importance: null,
    isConversionOpportunity: false,
    allowToUseOnTimesheetActivity: false,
    isVisibleOnDispatchBoard: true,
    active: true,
    createdOn: created,
    modifiedOn: created,
  }));
  const customerContacts = customers
    .filter((c) => c.type === 'Commercial')
    .map((c, i) => customerEmail(30_001 + i, c));
  return { businessUnits, taxZones, glAccounts, customers, locations, vendors, tagTypes, customerContacts };
}

/** A GL account reference (`GLAccountResponse`) for a chart key such as `service`. */
export function glRef(glAccounts: Rec[], key: string): Rec {
  const index = GL_ACCOUNTS.findIndex(([k]) => k === key);
  const account = glAccounts[index] ?? glAccounts[0]!;
  return { id: account.id, name: account.name, number: account.number, type: account.type, detailType: null };
}

export { cents };
