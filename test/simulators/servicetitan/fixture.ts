import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { BillRec, InvoiceRec, Rec, TenantData, VendorRec } from './data/types';
import type { StSpecs } from './spec';
import { DEFAULT_APPLICATION_GUID } from './vendors';

/** Fixture keys and the official component each record must match exactly. */
export const FIXTURE_SCHEMAS = {
  invoices: ['accounting-v2', 'Accounting.V2.InvoiceResponse'],
  apBills: ['accounting-v2', 'Accounting.V2.ApBillResponse'],
  vendors: ['inventory-v2', 'Inventory.V2.VendorResponse'],
  taxZones: ['accounting-v2', 'Accounting.V2.TaxZoneResponse'],
  businessUnits: ['settings-v2', 'TenantSettings.V2.BusinessUnitResponse'],
  glAccounts: ['accounting-v2', 'Accounting.V2.GlAccountExtendedResponse'],
  customers: ['crm-v2', 'Crm.V2.Customers.CustomerResponse'],
  locations: ['crm-v2', 'Crm.V2.Locations.LocationResponse'],
  jobs: ['jpm-v2', 'Jpm.V2.JobResponse'],
  tagTypes: ['settings-v2', 'TenantSettings.V2.TagTypeResponse'],
  customerContacts: ['crm-v2', 'Crm.V2.Customers.CustomerContactWithModifiedOnAndCustomerIdResponse'],
} as const;

type FixtureKey = keyof typeof FIXTURE_SCHEMAS;

/** Behaviour switches a fixture may carry under `"simulator"` (start options win over them; see README). */
export const FixtureSimulatorSettings = z.strictObject({
  exportEnd: z.enum(['exact', 'until-empty']).optional(),
  exportPageSize: z.number().int().positive().optional(),
  rateLimitPerSecond: z.number().nonnegative().optional(),
  tokenRateLimit: z
    .union([
      z.literal(false),
      z.strictObject({ burst: z.number().positive(), perSecond: z.number().positive() }),
    ])
    .optional(),
  retryAfterHeader: z.boolean().optional(),
  tokenLifetimeSeconds: z.number().positive().optional(),
});
/** The `"simulator"` block of a fixture. */
export type FixtureSimulatorSettings = z.infer<typeof FixtureSimulatorSettings>;

/** A loaded fixture: the company, and the behaviour switches it asks for. */
export interface LoadedFixture {
  company: TenantData;
  settings: FixtureSimulatorSettings;
}

function readDocument(file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Could not read the fixture ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`The fixture ${file} must hold a JSON object keyed by resource.`);
  return raw as Record<string, unknown>;
}

/** Checks every record against its component; returns the lists and the problems (each naming record and field). */
function checkRecords(doc: Record<string, unknown>, specs: StSpecs) {
  const problems: string[] = [];
  const unknownKeys = Object.keys(doc).filter(
    (k) => !(k in FIXTURE_SCHEMAS) && !['tenant', 'externalDataApplicationGuid', 'simulator'].includes(k),
  );
  if (unknownKeys.length)
    problems.push(
      `unknown keys ${unknownKeys.join(', ')} (expected ${Object.keys(FIXTURE_SCHEMAS).join(', ')})`,
    );
  const lists = {} as Record<FixtureKey, Rec[]>;
  for (const [key, [specId, component]] of Object.entries(FIXTURE_SCHEMAS) as [
    FixtureKey,
    readonly [string, string],
  ][]) {
    const value = doc[key] ?? [];
    if (!Array.isArray(value)) {
      problems.push(`${key} must be an array`);
      continue;
    }
    value.forEach((record, i) => {
      for (const p of specs.check(specId, component, record))
        problems.push(`${key}[${i}]: ${p.replace(component, '')}`);
    });
    lists[key] = value as Rec[];
  }
  return { lists, problems };
}

/** Reads a company fixture (records in the official response shapes, keyed by resource) and checks it against the spec. */
export function loadFixture(
  file: string,
  specs: StSpecs,
  fallback: { tenantId: string; name: string },
): LoadedFixture {
  const doc = readDocument(file);
  const { lists, problems } = checkRecords(doc, specs);
  const settings = FixtureSimulatorSettings.safeParse(doc.simulator ?? {});
  if (!settings.success)
    problems.push(...settings.error.issues.map((i) => `simulator.${i.path.join('.')}: ${i.message}`));
  if (problems.length) {
    throw new Error(
      `The fixture ${file} does not match the ServiceTitan API shapes:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }
  const tenant = (doc.tenant ?? {}) as { id?: string | number; name?: string };
  const guid =
    typeof doc.externalDataApplicationGuid === 'string'
      ? doc.externalDataApplicationGuid.toLowerCase()
      : DEFAULT_APPLICATION_GUID;
  const company: TenantData = {
    tenantId: tenant.id !== undefined ? String(tenant.id) : fallback.tenantId,
    name: tenant.name ?? fallback.name,
    businessUnits: lists.businessUnits,
    taxZones: lists.taxZones,
    glAccounts: lists.glAccounts,
    customers: lists.customers,
    locations: lists.locations,
    jobs: lists.jobs,
    tagTypes: lists.tagTypes,
    customerContacts: lists.customerContacts,
    // Documents are kept exactly as given (null dates included): the feeds order them by when they were stored.
    invoices: lists.invoices as InvoiceRec[],
    apBills: lists.apBills as BillRec[],
    vendors: lists.vendors.map((v) => {
      const pairs = (v.externalData as { key: string; value: string }[]).map((p) => [p.key, p.value]);
      return {
        ...v,
        external: pairs.length ? { [guid]: Object.fromEntries(pairs) as Record<string, string> } : {},
      } as VendorRec;
    }),
  };
  return { company, settings: settings.success ? settings.data : {} };
}
