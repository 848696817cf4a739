import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceTitanClient } from '../../../main/servicetitan';
import type { ServiceTitanClient } from '../../../main/servicetitan';
import { OpenApiValidator } from '../../simulators/common/openapi-validator';
import { startServiceTitanSimulator } from '../../simulators/servicetitan';
import type { ServiceTitanSimulator } from '../../simulators/servicetitan';
import { ST_SPEC_FILES, defaultSpecDir } from '../../simulators/servicetitan/spec';
import { startRecordingProxy } from './recording-proxy';

// An independent validator (not the simulator's) reads the official spec files.
const validator = new OpenApiValidator('3.1');
for (const id of ST_SPEC_FILES) validator.addSpec(id, `${defaultSpecDir()}${id}.json`);

let sim: ServiceTitanSimulator;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let client: ServiceTitanClient;

beforeAll(async () => {
  sim = await startServiceTitanSimulator({ seed: 7, invoices: 120, bills: 30 });
  proxy = await startRecordingProxy(sim.baseUrl);
  client = createServiceTitanClient({
    ...sim.connection(),
    authUrl: `${proxy.url}/connect/token`,
    apiBaseUrl: proxy.url,
  });
});
afterAll(async () => {
  await proxy.stop();
  await sim.stop();
});

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('contract: every request the client sends and every answer the simulator gives match the official spec', () => {
  it('covers each endpoint the connector uses', async () => {
    const invoices = await drain(
      client.invoices.list({
        statuses: ['Posted', 'Pending'],
        modifiedOnOrAfter: '2000-01-01T00:00:00Z',
        pageSize: 40,
      }),
    );
    await drain(client.invoices.list({ ids: invoices.slice(0, 60).map((i) => i.id) }));
    await drain(client.invoices.exportFeed());
    await drain(client.invoices.exportItems());
    await client.invoices.markAsExported([
      { invoiceId: invoices[0]!.id, externalId: 'VISMA-1', externalMessage: 'Bokført' },
    ]);
    const bills = await drain(
      client.apBills.list({
        billType: 'ApBill',
        syncStatuses: ['Posted', 'Pending'],
        dateFrom: '2000-01-01T00:00:00Z',
      }),
    );
    await drain(client.apBills.list());
    await client.apBills.get(bills[0]!.id);
    await client.apBills.markAsExported([bills[0]!.id]);
    const inventoryBills = await drain(client.inventoryBills.list({ syncStatuses: ['Posted'] }));
    await client.inventoryBills.markAsExported([inventoryBills[0]!.id]);
    const vendors = await drain(client.vendors.list({ active: 'Any' }));
    await client.vendors.get(vendors[0]!.id);
    const id = await client.vendors.create({
      name: 'Ærø Rørhandel AS',
      active: true,
      isTruckReplenishment: false,
      taxRate: 0.25,
      restrictedMobileCreation: false,
      address: {
        street: 'Kaigata 1',
        unit: '',
        city: 'Ålesund',
        state: 'Møre og Romsdal',
        zip: '6002',
        country: 'NO',
      },
    });
    await client.vendors.update(id, {
      memo: 'Oppdatert',
      externalData: {
        patchMode: 'Merge',
        applicationGuid: '7d1f4b1e-5a39-4c1e-9b55-3c8f0d7e2a10',
        externalData: [{ key: 'visma', value: '20001' }],
      },
    });
    await drain(client.taxZones());
    await drain(client.businessUnits());
    await drain(client.glAccounts());
    await drain(client.customers({ pageSize: 10 }));
    await client.customer(invoices[0]!.customer!.id);
    await drain(client.locations());
    const jobs = await drain(client.jobs({ pageSize: 100 }));
    await client.job(jobs[0]!.id);

    const seen = new Set<string>();
    for (const ex of proxy.exchanges) {
      if (ex.url.pathname === '/connect/token') {
        expect(ex.status).toBe(200);
        continue;
      }
      const op = validator.match(ex.method, ex.url.pathname);
      expect(op, `${ex.method} ${ex.url.pathname}`).toBeDefined();
      seen.add(op!.operationId);
      expect(ex.headers['st-app-key']).toBe(sim.appKey);
      expect(ex.headers.authorization).toMatch(/^Bearer \S+$/);
      expect(
        validator.validateRequest(op!, {
          query: ex.url.searchParams,
          headers: ex.headers,
          body: ex.body,
          hasBody: ex.hasBody,
        }),
      ).toEqual([]);
      expect(ex.status, `${op!.operationId} ${JSON.stringify(ex.responseBody).slice(0, 300)}`).toBe(200);
      expect(validator.validateResponse(op!, ex.status, ex.responseBody), op!.operationId).toEqual([]);
    }
    expect([...seen].sort()).toEqual(
      [
        'ApBills_GetById',
        'ApBills_GetListPaginated',
        'ApBills_MarkAsExported',
        'BusinessUnits_GetList',
        'Customers_Get',
        'Customers_GetList',
        'Export_InvoiceItems',
        'Export_Invoices',
        'GlAccounts_GetList',
        'InventoryBills_GetListPaginated',
        'InventoryBills_MarkAsExported',
        'Invoices_GetList',
        'Invoices_MarkAsExported',
        'Jobs_Get',
        'Jobs_GetList',
        'Locations_GetList',
        'TaxZones_GetList',
        'Vendors_Create',
        'Vendors_GetById',
        'Vendors_GetList',
        'Vendors_Update',
      ].sort(),
    );
    expect(sim.responseViolations).toEqual([]);
  });

  it('refuses a malformed request with the spec error shape', async () => {
    const token = (await (
      await fetch(sim.authUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: sim.clientId,
          client_secret: sim.clientSecret,
        }),
      })
    ).json()) as { access_token: string };
    const headers = {
      authorization: `Bearer ${token.access_token}`,
      'st-app-key': sim.appKey,
      'content-type': 'application/json',
    };
    const base = `${sim.apiBaseUrl}/accounting/v2/tenant/${sim.tenantId}`;

    const badQuery = await fetch(`${base}/invoices?pageSize=lots&statuses=Paid`, { headers });
    const badBody = await fetch(`${base}/invoices/markasexported`, {
      method: 'POST',
      headers,
      body: JSON.stringify([{ externalId: 'x' }]),
    });
    const tooBig = await fetch(`${base}/ap-bills?pageSize=5001`, { headers });
    for (const [res, path] of [
      [badQuery, '/invoices'],
      [badBody, '/invoices/markasexported'],
      [tooBig, '/ap-bills'],
    ] as const) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: Record<string, string[]> };
      const op = validator.match(
        path === '/invoices/markasexported' ? 'POST' : 'GET',
        `/accounting/v2/tenant/${sim.tenantId}${path}`,
      )!;
      expect(validator.validateResponse(op, 400, body)).toEqual([]);
      expect(Object.values(body.errors).flat().join(' ')).not.toBe('');
    }
  });
});
