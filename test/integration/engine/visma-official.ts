/** Calls to Visma's official API made the way another tool of the accountant's would: to inject what the sync must find. */
import { expect } from 'vitest';
import type { Harness } from './harness';

const SCOPE = 'vismanet_erp_service_api:create vismanet_erp_service_api:read vismanet_erp_service_api:update';

/** A raw call to Visma's official API with a fresh token, as another tool of the accountant's would make it. */
export async function vismaCall(
  h: Harness,
): Promise<(method: string, path: string, body?: unknown) => Promise<Response>> {
  const c = h.visma.companies[0]!;
  const token = await fetch(h.visma.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      scope: SCOPE,
      tenant_id: c.tenantId,
    }),
  });
  const bearer = ((await token.json()) as { access_token: string }).access_token;
  const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
  return (method, path, body) =>
    fetch(`${h.visma.apiBaseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** Posts and releases a manual GL journal through Visma's official endpoints. */
export async function postManualJournal(
  h: Harness,
  period: string,
  lines: [string, number, number][],
): Promise<string> {
  const call = await vismaCall(h);
  const created = await call('POST', '/v2/journaltransaction', {
    financialPeriod: { value: period },
    description: { value: 'Correction entered by hand' },
    journalTransactionLines: lines.map(([account, debit, credit]) => ({
      operation: 'Insert',
      accountNumber: { value: account },
      debitAmountInCurrency: { value: debit },
      creditAmountInCurrency: { value: credit },
    })),
  });
  expect(created.status).toBe(201);
  const number = created.headers.get('location')!.split('/').pop()!;
  expect((await call('POST', `/v2/journaltransaction/${number}/action/release`)).status).toBe(200);
  return number;
}
