import { z } from 'zod';
import { TokenCache } from '../http/token-cache';
import { VismaError } from './errors';
import { VismaTransport } from './transport';
import type { VismaConnectionWithSecret, VismaClientOptions } from './client';
import { createVismaClient } from './client';

/** One line of the connection diagnosis. */
export interface ConnectionCheck {
  name: string;
  ok: boolean;
  message: string;
}

/** The connection diagnosis shown by "Test connection". */
export interface ConnectionTestResult {
  ok: boolean;
  checks: ConnectionCheck[];
}

const Counted = z.array(
  z.object({ metadata: z.object({ totalCount: z.number().optional() }).optional() }).loose(),
);

/**
 * Checks a Visma connection step by step: the token (naming tenant id problems), access to the company
 * (`ipp-company-id` against the token's tenant, licence, API role), and read access to the master data the connector
 * needs. Stops after the first step that fails, since the later ones cannot work.
 */
export async function testConnection(
  connection: VismaConnectionWithSecret,
  options: VismaClientOptions = {},
): Promise<ConnectionTestResult> {
  const tuned: VismaClientOptions = {
    maxRetries: 1,
    maxRateLimitRetries: 1,
    timeoutMs: 20_000,
    ...options,
    tokenCache: new TokenCache(),
  };
  const transport = new VismaTransport(connection, tuned);
  const client = createVismaClient(connection, tuned);
  const checks: ConnectionCheck[] = [];
  const step = async (name: string, run: () => Promise<string>): Promise<boolean> => {
    try {
      checks.push({ name, ok: true, message: await run() });
      return true;
    } catch (error) {
      checks.push({
        name,
        ok: false,
        message:
          error instanceof VismaError
            ? error.message
            : 'An unexpected error occurred while checking the connection.',
      });
      return false;
    }
  };

  const tokenOk = await step('Visma Connect token', async () => {
    await transport.token();
    return `Visma Connect issued a token for tenant id ${connection.tenantId}.`;
  });
  if (!tokenOk) return { ok: false, checks };
  const companyOk = await step('Company access', async () => {
    await transport.send({ method: 'GET', path: '/v1/dimension', endpoint: 'GET /v1/dimension' });
    return `Company ${connection.companyId} answers with this tenant id.`;
  });
  if (!companyOk) return { ok: false, checks };

  const total = async (path: string, endpoint: string): Promise<number> => {
    const reply = await transport.send({
      method: 'GET',
      path,
      endpoint,
      query: { pageNumber: 1, pageSize: 1 },
    });
    const parsed = Counted.safeParse(reply.data);
    return parsed.success ? (parsed.data[0]?.metadata?.totalCount ?? parsed.data.length) : 0;
  };
  const reads: [string, () => Promise<string>][] = [
    ['GL accounts', async () => `${(await client.listAccounts({ active: true })).length} active accounts.`],
    ['Subaccounts', async () => `${await total('/v1/subaccount', 'GET /v1/subaccount')} subaccounts.`],
    ['VAT zones', async () => `${await total('/v1/vatZone', 'GET /v1/vatZone')} VAT zones.`],
    ['VAT categories', async () => `${(await client.listVatCategories()).length} VAT categories.`],
    ['VAT codes', async () => `${(await client.listVatCodes()).length} VAT codes.`],
    ['Branches', async () => `${(await client.listBranches()).length} branches.`],
    ['Financial periods', async () => periodsMessage(await client.listFinancialPeriods())],
    ['Projects', async () => `${await total('/v1/project', 'GET /v1/project')} projects.`],
    ['Customers', async () => `${await total('/v1/customer', 'GET /v1/customer')} customers.`],
    ['Suppliers', async () => `${await total('/v1/supplier', 'GET /v1/supplier')} suppliers.`],
  ];
  for (const [name, run] of reads) await step(name, run);
  return { ok: checks.every((c) => c.ok), checks };
}

function periodsMessage(
  periods: { closedInCustomerLedger: boolean; closedInSupplierLedger: boolean }[],
): string {
  const closedAr = periods.filter((p) => p.closedInCustomerLedger).length;
  const closedAp = periods.filter((p) => p.closedInSupplierLedger).length;
  return `${periods.length} financial periods (${closedAr} closed in the customer ledger, ${closedAp} in the supplier ledger).`;
}
