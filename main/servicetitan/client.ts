import { z } from 'zod';
import { StConnection } from '../../shared/profile-config';
import { apBillEndpoints, inventoryBillEndpoints } from './endpoints/bills';
import { crmTagEndpoints } from './endpoints/crm-tags';
import { invoiceEndpoints } from './endpoints/invoices';
import { masterDataEndpoints } from './endpoints/master-data';
import { vendorEndpoints } from './endpoints/vendors';
import { StTransport } from './transport';
import type { StCallCounts, StClientOptions, StCredentials } from './types';

const Credentials = StConnection.extend({
  clientSecret: z.string().min(1, 'The ServiceTitan client secret is missing.'),
  appKey: z.string().min(1, 'The ServiceTitan app key is missing.'),
});

/** Checks a connection before use; throws an Error with plain words naming what is missing or wrong. */
export function checkCredentials(connection: StCredentials): StCredentials {
  const parsed = Credentials.safeParse(connection);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'connection'}: ${i.message}`);
  throw new Error(`The ServiceTitan connection settings are incomplete: ${problems.join('; ')}`);
}

/** A typed ServiceTitan client for one tenant. Lists and export feeds are async generators that stream pages. */
export function createServiceTitanClient(connection: StCredentials, options: StClientOptions = {}) {
  const transport = new StTransport(checkCredentials(connection), options);
  return {
    tenantId: connection.tenantId,
    invoices: invoiceEndpoints(transport),
    apBills: apBillEndpoints(transport),
    inventoryBills: inventoryBillEndpoints(transport),
    vendors: vendorEndpoints(transport),
    ...masterDataEndpoints(transport),
    ...crmTagEndpoints(transport),
    /** Calls made so far, per endpoint (the sync summary reports these). */
    calls: (): StCallCounts => transport.calls(),
    /** The underlying transport, for the connection test and custom calls. */
    transport,
  };
}

/** The client returned by `createServiceTitanClient`. */
export type ServiceTitanClient = ReturnType<typeof createServiceTitanClient>;
