import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceTitanClient } from '../../../main/servicetitan';
import type { ServiceTitanClient } from '../../../main/servicetitan';
import { OpenApiValidator } from '../../simulators/common/openapi-validator';
import { startServiceTitanSimulator } from '../../simulators/servicetitan';
import type { ServiceTitanSimulator } from '../../simulators/servicetitan';
import { ST_SPEC_FILES, defaultSpecDir } from '../../simulators/servicetitan/spec';
import { startRecordingProxy } from './recording-proxy';

const validator = new OpenApiValidator('3.1');
for (const id of ST_SPEC_FILES) validator.addSpec(id, `${defaultSpecDir()}${id}.json`);

let sim: ServiceTitanSimulator;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let client: ServiceTitanClient;

beforeAll(async () => {
  sim = await startServiceTitanSimulator({ seed: 3, invoices: 480, bills: 2, secondTenant: false });
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

describe('tag types and customer contacts', () => {
  it('reads tag types and the tags customers carry', async () => {
    const tags = await drain(client.tagTypes({ active: 'Any' }));
    expect(tags.map((t) => t.name)).toEqual(['Service Agreement', 'Property Manager', 'Warranty']);
    const customers = await drain(client.customers({ active: 'Any', pageSize: 500 }));
    expect(customers.some((c) => c.tagTypeIds?.includes(tags[0]!.id))).toBe(true);
  });

  it('reads the contacts of many customers in batches of 50, not one call per customer', async () => {
    const customers = await drain(client.customers({ active: 'Any', pageSize: 500 }));
    expect(customers.length).toBe(60);
    const before = sim.calls().byEndpoint.Customers_GetModifiedContactsList ?? 0;
    const contacts = await drain(client.customerContacts({ customerIds: customers.map((c) => c.id) }));
    expect((sim.calls().byEndpoint.Customers_GetModifiedContactsList ?? 0) - before).toBe(2);
    const commercial = customers.filter((c) => c.type === 'Commercial').map((c) => c.id);
    expect(contacts.map((c) => c.customerId).sort()).toEqual(commercial.sort());
    expect(contacts.every((c) => c.type === 'Email' && c.value.includes('@'))).toBe(true);
  });

  it('reads contacts changed since a time', async () => {
    const since = new Date(sim.now()).toISOString();
    const added = sim.add('customer-contacts', {
      id: 99_001,
      customerId: 10_001,
      type: 'Email',
      value: 'ny@example.no',
      memo: null,
      phoneSettings: { phoneNumber: '', doNotText: false },
      preferences: null,
      createdOn: since,
      modifiedOn: since,
    });
    const changed = await drain(client.customerContacts({ modifiedOnOrAfter: since }));
    expect(changed.map((c) => c.id)).toEqual([added.id]);
  });

  it('sends requests and gets answers that match the official spec', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const ex of proxy.exchanges) {
      if (!/tag-types|customers\/contacts/.test(ex.url.pathname)) continue;
      const op = validator.match(ex.method, ex.url.pathname);
      if (!op) {
        problems.push(`no operation for ${ex.method} ${ex.url.pathname}`);
        continue;
      }
      checked++;
      const request = { query: ex.url.searchParams, headers: ex.headers, body: ex.body, hasBody: ex.hasBody };
      problems.push(...validator.validateRequest(op, request).map((p) => `${op.operationId} request: ${p}`));
      problems.push(
        ...validator.validateResponse(op, ex.status, ex.responseBody).map((p) => `${op.operationId}: ${p}`),
      );
    }
    expect(checked).toBe(4);
    expect(problems).toEqual([]);
    expect(sim.responseViolations).toEqual([]);
  });
});
