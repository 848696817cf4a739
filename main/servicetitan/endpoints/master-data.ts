import { listByIds, paginate, query } from '../paging';
import { BusinessUnit, Customer, GlAccount, Job, Location, TaxZone } from '../schemas/master-data';
import type { StTransport } from '../transport';

/** Common filters of master-data lists. */
export interface MasterDataFilter {
  ids?: number[];
  active?: 'True' | 'False' | 'Any';
  modifiedOnOrAfter?: string | Date;
  pageSize?: number;
}

/** Filters of the job list. */
export interface JobFilter {
  ids?: number[];
  projectId?: number;
  customerId?: number;
  modifiedOnOrAfter?: string | Date;
  pageSize?: number;
}

/** Read-only master data: tax zones, business units, GL accounts, customers, locations, jobs. */
export function masterDataEndpoints(t: StTransport) {
  function lister<T extends Parameters<typeof paginate>[2]>(
    module: 'accounting' | 'settings' | 'crm' | 'jpm',
    scope: Parameters<StTransport['send']>[0]['scope'],
    endpoint: string,
    path: string,
    item: T,
  ) {
    return (filter: { ids?: number[]; pageSize?: number } = {}) => {
      const { ids, pageSize, ...rest } = filter;
      const req = {
        module,
        scope,
        endpoint,
        path,
        method: 'GET',
        query: query(rest),
      } as const;
      return ids ? listByIds(t, req, item, ids) : paginate(t, req, item, pageSize);
    };
  }
  const taxZones = lister('accounting', 'tn.acc.taxzones:r', 'TaxZones_GetList', '/tax-zones', TaxZone);
  const businessUnits = lister(
    'settings',
    'tn.stt.businessunits:r',
    'BusinessUnits_GetList',
    '/business-units',
    BusinessUnit,
  );
  const glAccounts = lister(
    'accounting',
    'tn.acc.glaccounts:r',
    'GlAccounts_GetList',
    '/gl-accounts',
    GlAccount,
  );
  const customers = lister('crm', 'tn.crm.customers:r', 'Customers_GetList', '/customers', Customer);
  const locations = lister('crm', 'tn.crm.locations:r', 'Locations_GetList', '/locations', Location);
  const jobs = lister('jpm', 'tn.jpm.jobs:r', 'Jobs_GetList', '/jobs', Job);
  return {
    /** Streams tax zones with their rates. */
    taxZones: (filter: MasterDataFilter = {}): AsyncGenerator<TaxZone> => taxZones(filter),
    /** Streams business units. */
    businessUnits: (filter: MasterDataFilter = {}): AsyncGenerator<BusinessUnit> => businessUnits(filter),
    /** Streams GL accounts (read only: the connector never writes ServiceTitan's chart). */
    glAccounts: (filter: MasterDataFilter = {}): AsyncGenerator<GlAccount> => glAccounts(filter),
    /** Streams customers. */
    customers: (filter: MasterDataFilter = {}): AsyncGenerator<Customer> => customers(filter),
    /** One customer by id. */
    customer: (id: number): Promise<Customer> =>
      t.send(
        {
          module: 'crm',
          scope: 'tn.crm.customers:r',
          endpoint: 'Customers_Get',
          method: 'GET',
          path: `/customers/${id}`,
          what: `customer ${id}`,
        },
        Customer,
      ),
    /** Streams customer locations (optionally of one customer). */
    locations: (filter: MasterDataFilter & { customerId?: number } = {}): AsyncGenerator<Location> =>
      locations(filter),
    /** Streams jobs (for project links). */
    jobs: (filter: JobFilter = {}): AsyncGenerator<Job> => jobs(filter),
    /** One job by id. */
    job: (id: number): Promise<Job> =>
      t.send(
        {
          module: 'jpm',
          scope: 'tn.jpm.jobs:r',
          endpoint: 'Jobs_Get',
          method: 'GET',
          path: `/jobs/${id}`,
          what: `job ${id}`,
        },
        Job,
      ),
  };
}
