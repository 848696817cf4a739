import { z } from 'zod';
import {
  ServiceTitanError,
  StAppKeyError,
  StNotFoundError,
  StRequestRejectedError,
  StTenantError,
} from './errors';
import type { StErrorCode } from './errors';
import { REQUIRED_SCOPES, SCOPE_PURPOSE } from './scopes';
import type { StScope } from './scopes';
import { StTransport } from './transport';
import type { StModule, StRequest } from './transport';
import { checkCredentials } from './client';
import type { StClientOptions, StCredentials } from './types';

/** One line of the connection test. */
export interface StConnectionCheck {
  name: string;
  ok: boolean;
  message: string;
  code?: StErrorCode;
  scope?: string;
}

/** The connection test's report: `ok` only when every check passed. */
export interface StConnectionReport {
  ok: boolean;
  checks: StConnectionCheck[];
}

type Probe = Omit<StRequest, 'scope'> & { expectMissing?: boolean };

// One cheap call per scope. Write scopes are probed without changing anything: an empty mark-as-exported,
// and an update of vendor 0, which does not exist (a 404 proves the scope was accepted).
const PROBES: Record<StScope, Probe> = {
  'tn.acc.invoices:r': get('accounting', 'Invoices_GetList', '/invoices'),
  'tn.acc.invoices:w': post('accounting', 'Invoices_MarkAsExported', '/invoices/markasexported', []),
  'tn.acc.invoiceitems:r': {
    ...get('accounting', 'Export_InvoiceItems', '/export/invoice-items'),
    query: { from: new Date().toISOString() },
  },
  'tn.acc.apbills:r': get('accounting', 'ApBills_GetListPaginated', '/ap-bills'),
  'tn.acc.apbills:w': post('accounting', 'ApBills_MarkAsExported', '/ap-bills/markasexported', {
    billIds: [],
  }),
  'tn.acc.inventorybills:r': get(
    'accounting',
    'InventoryBills_GetListPaginated',
    '/inventory-bills/paginated',
  ),
  'tn.acc.inventorybills:w': post(
    'accounting',
    'InventoryBills_MarkAsExported',
    '/inventory-bills/markasexported',
    { inventoryBillIds: [] },
  ),
  'tn.inv.vendors:r': get('inventory', 'Vendors_GetList', '/vendors'),
  'tn.inv.vendors:w': {
    module: 'inventory',
    endpoint: 'Vendors_Update',
    method: 'PATCH',
    path: '/vendors/0',
    body: {},
    expectMissing: true,
  },
  'tn.acc.taxzones:r': get('accounting', 'TaxZones_GetList', '/tax-zones'),
  'tn.stt.businessunits:r': get('settings', 'BusinessUnits_GetList', '/business-units'),
  'tn.stt.tagtypes:r': get('settings', 'TagTypes_GetList', '/tag-types'),
  'tn.acc.glaccounts:r': get('accounting', 'GlAccounts_GetList', '/gl-accounts'),
  'tn.crm.customers:r': get('crm', 'Customers_GetList', '/customers'),
  'tn.crm.locations:r': get('crm', 'Locations_GetList', '/locations'),
  'tn.jpm.jobs:r': get('jpm', 'Jobs_GetList', '/jobs'),
};

function get(module: StModule, endpoint: string, path: string): Probe {
  return { module, endpoint, path, method: 'GET', query: { page: 1, pageSize: 1 } };
}
function post(module: StModule, endpoint: string, path: string, body: unknown): Probe {
  return { module, endpoint, path, method: 'POST', body };
}

function failed(name: string, error: unknown): StConnectionCheck {
  if (error instanceof ServiceTitanError)
    return { name, ok: false, message: error.message, code: error.code };
  return { name, ok: false, message: 'An unexpected problem stopped the check.' };
}

/**
 * Checks a ServiceTitan connection step by step: sign-in (client id and secret), app key, tenant, then every
 * scope the connector needs with one cheap call each. The report names exactly what fails.
 */
export async function testConnection(
  connection: StCredentials,
  options: StClientOptions = {},
): Promise<StConnectionReport> {
  const checks: StConnectionCheck[] = [];
  const done = () => ({ ok: checks.every((c) => c.ok), checks });
  let transport: StTransport;
  try {
    transport = new StTransport(checkCredentials(connection), { maxRetries: 1, ...options });
    await transport.authenticate();
    checks.push({
      name: 'Sign-in (client ID and secret)',
      ok: true,
      message: 'ServiceTitan accepted the client ID and secret.',
    });
  } catch (error) {
    if (error instanceof ServiceTitanError) checks.push(failed('Sign-in (client ID and secret)', error));
    else checks.push({ name: 'Connection settings', ok: false, message: (error as Error).message });
    return done();
  }
  let gateChecked = false;
  for (const scope of REQUIRED_SCOPES) {
    const { expectMissing, ...probe } = PROBES[scope];
    const name = `Permission ${scope} (${SCOPE_PURPOSE[scope]})`;
    try {
      try {
        await transport.send({ ...probe, scope }, z.unknown());
      } catch (error) {
        const harmless =
          expectMissing && (error instanceof StNotFoundError || error instanceof StRequestRejectedError);
        if (!harmless) throw error;
      }
      if (!gateChecked) pushGateChecks(checks, connection.tenantId);
      gateChecked = true;
      checks.push({ name, ok: true, message: `Allowed to ${SCOPE_PURPOSE[scope]}.`, scope });
    } catch (error) {
      if (error instanceof StAppKeyError) {
        checks.push(failed('App key', error));
        return done();
      }
      if (error instanceof StTenantError) {
        checks.push({ name: 'App key', ok: true, message: 'ServiceTitan accepted the app key.' });
        checks.push(failed(`Tenant ${connection.tenantId}`, error));
        return done();
      }
      if (!gateChecked) pushGateChecks(checks, connection.tenantId);
      gateChecked = true;
      checks.push({ ...failed(name, error), scope });
    }
  }
  return done();
}

function pushGateChecks(checks: StConnectionCheck[], tenantId: string): void {
  checks.push({ name: 'App key', ok: true, message: 'ServiceTitan accepted the app key.' });
  checks.push({
    name: `Tenant ${tenantId}`,
    ok: true,
    message: `Tenant ${tenantId} is reachable with these credentials.`,
  });
}
