import { alignMasterData, type AlignmentSummary } from '../../../../main/engine/alignment/run-alignment';
import type { SimSupplier } from '../../../simulators/visma/model';
import { nextVersion } from '../../../simulators/visma/model';
import { timestamp } from '../../../simulators/visma/clock';
import type { Harness } from '../harness';

/** One alignment run over the harness's ports. */
export function align(h: Harness): Promise<AlignmentSummary> {
  return alignMasterData(
    { id: h.config.id, timeZone: h.config.timeZone, sync: h.config.sync },
    { db: h.db, ports: h.ports },
  );
}

let nextVendorId = 9000;

/** Adds a complete vendor to the ServiceTitan simulator; returns its id. */
export function addStVendor(
  h: Harness,
  name: string,
  details: { street?: string; zip?: string; city?: string; phone?: string; email?: string } = {},
): number {
  const id = nextVendorId++;
  h.st.add('vendors', {
    id,
    name,
    active: true,
    isTruckReplenishment: false,
    isMobileCreationRestricted: false,
    memo: '',
    deliveryOption: 'Manual',
    defaultTaxRate: 0.25,
    contactInfo: {
      firstName: '',
      lastName: '',
      phone: details.phone ?? '',
      email: details.email ?? '',
      fax: '',
    },
    address: {
      street: details.street ?? '',
      unit: null,
      city: details.city ?? '',
      state: '',
      zip: details.zip ?? '',
      country: 'NO',
    },
    createdOn: new Date(h.st.now()).toISOString(),
    customFields: [],
  });
  return id;
}

/** Adds a supplier to the Visma simulator. */
export function addVismaSupplier(
  h: Harness,
  number: string,
  name: string,
  details: Partial<SimSupplier> = {},
): void {
  const company = h.visma.company();
  company.suppliers.set(number, {
    internalId: 5000 + company.suppliers.size,
    number,
    name,
    status: 'Active',
    vatZoneId: '01',
    currencyId: 'NOK',
    countryId: 'NO',
    version: nextVersion(company),
    lastModified: timestamp(),
    ...details,
  });
}

/** Edits a Visma supplier as a user would in Visma (new row version, so held ETags go stale). */
export function editVismaSupplier(h: Harness, number: string, changes: Partial<SimSupplier>): void {
  const company = h.visma.company();
  const s = company.suppliers.get(number);
  if (!s) throw new Error(`no supplier ${number}`);
  Object.assign(s, changes, { version: nextVersion(company), lastModified: timestamp() });
}

/** The ServiceTitan vendor record as stored in the simulator. */
export function stVendor(
  h: Harness,
  id: number | string,
): Record<string, unknown> & {
  name: string;
  address: Record<string, unknown>;
  external: Record<string, Record<string, string>>;
} {
  return h.st.get('vendors', Number(id)) as never;
}
