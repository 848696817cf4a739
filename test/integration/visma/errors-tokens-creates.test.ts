import { afterEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../../simulators/visma';
import type { VismaSimulator } from '../../simulators/visma';
import { createVismaClient, isUncertain, UncertainWriteError, VismaError } from '../../../main/visma';
import type { VismaClient } from '../../../main/visma';
import { ANCHORED } from '../../support/test-day';
import { connectionFor, eventually, rawApi, rawToken, testOptions } from './helpers';

let sim: VismaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(): Promise<{ s: VismaSimulator; client: VismaClient }> {
  sim = await startVismaSimulator({ ...ANCHORED.visma, release: { mode: 'instant' } });
  return { s: sim, client: createVismaClient(connectionFor(sim), testOptions()) };
}

const input = (externalReference: string) => ({
  customerNumber: '10001',
  documentDate: '2026-06-15',
  externalReference,
  lines: [{ description: 'Labour', unitPrice: '100', accountNumber: '3000', vatCodeId: '3' }],
});

describe('error answers without JSON', () => {
  it('turns empty and plain-text 4xx answers into plain messages with the HTTP status', async () => {
    const { s, client } = await start();
    s.injectFault({
      kind: 'status',
      status: 400,
      body: 'empty',
      pathIncludes: '/v2/customerinvoice',
      count: 1,
    });
    const empty = await client.createCustomerInvoice(input('ST-E-1')).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(VismaError);
    expect(empty).toMatchObject({ code: 'validation', status: 400 });
    expect((empty as Error).message).toBe('Visma refused the request (HTTP 400, no details).');

    s.injectFault({
      kind: 'status',
      status: 400,
      body: 'text',
      pathIncludes: '/v2/customerinvoice',
      count: 1,
    });
    const text = await client.createCustomerInvoice(input('ST-E-2')).catch((e: unknown) => e);
    expect((text as Error).message).toBe('Visma refused the request (HTTP 400: "400 Bad Request").');

    s.injectFault({ kind: 'status', status: 404, body: 'text', pathIncludes: '/v1/customer/', count: 1 });
    const missing = await client.getCustomer('10001').catch((e: unknown) => e);
    // A plain-text 404 from a gateway is still "not found": read as null.
    expect(missing).toBeNull();

    s.injectFault({ kind: 'status', status: 403, body: 'empty', count: 1 });
    await expect(client.listBranches()).rejects.toMatchObject({
      code: 'missing_api_role',
      message: expect.stringContaining('(HTTP 403, no details)') as unknown,
    });
    s.injectFault({ kind: 'status', status: 409, body: 'text', count: 1 });
    await expect(client.listBranches()).rejects.toMatchObject({
      status: 409,
      message: 'Visma refused the request (HTTP 409: "409 Conflict").',
    });
  });

  it('answers a wrong method with an empty 405 and an unsupported body type with an empty 415', async () => {
    const { s } = await start();
    const call = rawApi(s, await rawToken(s));
    const wrongMethod = await call('PATCH', '/v1/customerinvoice/100001');
    expect(wrongMethod).toMatchObject({ status: 405, text: '' });
    expect(wrongMethod.headers.get('allow')).toContain('GET');
    const wrongType = await call('POST', '/v2/customerinvoice', 'customerNumber=10001', {
      'content-type': 'text/plain',
    });
    expect(wrongType).toMatchObject({ status: 415, text: '' });
  });
});

describe('token endpoint', () => {
  it('accepts client_secret_basic (HTTP Basic, RFC 6749 §2.3.1) as well as form fields', async () => {
    const { s } = await start();
    const c = s.companies[0]!;
    const basic = Buffer.from(
      `${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`,
    ).toString('base64');
    const form = (extra: Record<string, string>) =>
      new URLSearchParams({
        grant_type: 'client_credentials',
        tenant_id: c.tenantId,
        scope: 'vismanet_erp_service_api:read',
        ...extra,
      });
    const ok = await fetch(s.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: form({}),
    });
    expect(ok.status).toBe(200);
    const token = ((await ok.json()) as { access_token: string }).access_token;
    expect((await rawApi(s, token)('GET', '/v1/branch')).status).toBe(200);
    const wrong = Buffer.from(`${c.clientId}:not-the-secret`).toString('base64');
    const refused = await fetch(s.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${wrong}` },
      body: form({}),
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
    const both = await fetch(s.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: form({ client_secret: c.clientSecret }),
    });
    expect(both.status).toBe(400);
  });

  it('retries 503, 429 and dropped connections at the token endpoint with bounded backoff', async () => {
    const { s, client } = await start();
    s.injectFault({ kind: 'status', status: 503, pathIncludes: '/connect/token', count: 1 });
    s.injectFault({ kind: 'status', status: 429, retryAfter: 0, pathIncludes: '/connect/token', count: 1 });
    s.injectFault({ kind: 'drop', pathIncludes: '/connect/token', count: 1 });
    expect(await client.getCustomer('10001')).toMatchObject({ name: 'Nordvik Eiendom AS' });
    expect(client.callCounts()['POST token']).toBe(4);

    // A token refresh mid-run that meets a 503 does not abort the creates in flight.
    s.expireTokens();
    s.injectFault({ kind: 'status', status: 503, body: 'text', pathIncludes: '/connect/token', count: 2 });
    const numbers = await Promise.all([1, 2, 3].map((i) => client.createCustomerInvoice(input(`ST-T-${i}`))));
    expect(new Set(numbers).size).toBe(3);

    // Bounded: a token endpoint that keeps failing ends in a plain error, not an endless loop.
    const stubborn = createVismaClient(connectionFor(s), testOptions({ maxRetries: 2 }));
    s.injectFault({ kind: 'status', status: 503, body: 'empty', pathIncludes: '/connect/token', count: 3 });
    await expect(stubborn.listBranches()).rejects.toMatchObject({
      code: 'server_error',
      message: expect.stringContaining('HTTP 503') as unknown,
    });
    expect(stubborn.callCounts()['POST token']).toBe(3);
  });
});

describe('creates whose answer is lost or incomplete', () => {
  it('a 201 without Location is an uncertain write: the document is stored, the client looks it up', async () => {
    const { s, client } = await start();
    s.injectFault({ kind: 'no-location', pathIncludes: '/v2/customerinvoice', count: 1 });
    const error = await client.createCustomerInvoice(input('ST-NL-1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UncertainWriteError);
    expect(isUncertain(error)).toBe(true);
    expect((error as Error).message).toMatch(/without a Location header/);
    expect(await client.listCustomerInvoices({ externalReference: 'ST-NL-1' })).toHaveLength(1);
  });

  it('a slow create the client gave up on is stored anyway', async () => {
    const { s } = await start();
    const impatient = createVismaClient(connectionFor(s), testOptions({ timeoutMs: 300 }));
    await impatient.listBranches(); // fetch the token first, so only the create is slow
    s.injectFault({ kind: 'slow', delayMs: 1_500, pathIncludes: '/v2/customerinvoice', count: 1 });
    const error = await impatient.createCustomerInvoice(input('ST-SLOW-1')).catch((e: unknown) => e);
    expect(isUncertain(error)).toBe(true);
    const stored = await eventually(
      () => s.documents('customerInvoice').filter((d) => d.externalReference === 'ST-SLOW-1').length > 0,
    );
    expect(stored).toBe(true);
    expect(s.documents('customerInvoice').filter((d) => d.externalReference === 'ST-SLOW-1')).toHaveLength(1);
  });

  it('a create stored at once whose answer comes late (commit-then-slow) is uncertain and exists once', async () => {
    const { s } = await start();
    const impatient = createVismaClient(connectionFor(s), testOptions({ timeoutMs: 300 }));
    await impatient.listBranches();
    s.injectFault({
      kind: 'commit-then-slow',
      delayMs: 1_500,
      pathIncludes: '/v1/supplierInvoice',
      count: 1,
    });
    const error = await impatient
      .createSupplierInvoice({
        supplierNumber: '20001',
        date: '2026-06-15',
        note: 'ST-BILL-LATE',
        lines: [{ description: 'Pipe', unitCost: '1', accountNumber: '4000', vatCodeId: '1' }],
      })
      .catch((e: unknown) => e);
    expect(isUncertain(error)).toBe(true);
    // Stored before the answer was even due.
    expect(s.documents('supplierInvoice').filter((d) => d.note === 'ST-BILL-LATE')).toHaveLength(1);
    expect(
      (await impatient.listSupplierInvoices({ supplier: '20001' })).filter((d) => d.note === 'ST-BILL-LATE'),
    ).toHaveLength(1);
  });
});
