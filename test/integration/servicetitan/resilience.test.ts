import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  StUnavailableError,
  StWriteUncertainError,
  createServiceTitanClient,
} from '../../../main/servicetitan';
import { startServiceTitanSimulator } from '../../simulators/servicetitan';
import type { ServiceTitanSimulator } from '../../simulators/servicetitan';

let sim: ServiceTitanSimulator;

beforeEach(async () => {
  sim = await startServiceTitanSimulator({ seed: 3, invoices: 60, bills: 10 });
});
afterEach(async () => {
  await sim.stop();
});

async function count<T>(it: AsyncIterable<T>): Promise<number> {
  let n = 0;
  for await (const _ of it) n++;
  return n;
}

const fast = { backoffBaseMs: 5, random: () => 0.5 };

describe('tokens', () => {
  it('asks for exactly one token per lifetime over a long run (shared clock, 900 s tokens, 50 simulated minutes)', async () => {
    const client = createServiceTitanClient(sim.connection(), { now: sim.now, ...fast });
    const start = sim.now();
    for (let step = 0; step < 30; step++) {
      await count(client.taxZones());
      sim.advanceClock(100_000);
    }
    const elapsedSeconds = (sim.now() - start) / 1000;
    // Each token is used until a minute before it expires: 840 s of use per 900 s token.
    const expected = Math.floor(elapsedSeconds / 840) + 1;
    expect(client.calls().byEndpoint.token).toBe(expected);
    expect(sim.tokensIssued()).toBe(expected);
    expect(sim.calls().byEndpoint.TaxZones_GetList).toBe(30);
    console.log(
      `long run: ${elapsedSeconds} s simulated, ${expected} token requests, ${client.calls().total} calls`,
    );
  });

  it('outlives several real 1-second token lifetimes with no failed call and one token per lifetime', async () => {
    sim.setTokenLifetime(1);
    const client = createServiceTitanClient(sim.connection());
    const started = Date.now();
    let calls = 0;
    while (Date.now() - started < 3200) {
      await count(client.businessUnits());
      calls++;
    }
    const lifetimes = (Date.now() - started) / 900; // refreshed 100 ms early
    expect(sim.calls().byEndpoint.BusinessUnits_GetList).toBe(calls);
    expect(sim.tokensIssued()).toBeGreaterThanOrEqual(3);
    expect(sim.tokensIssued()).toBeLessThanOrEqual(Math.ceil(lifetimes) + 1);
    expect(JSON.stringify(sim.calls())).not.toContain('401');
  });

  it('re-authenticates once when a token is refused mid-run', async () => {
    const client = createServiceTitanClient(sim.connection(), fast);
    await count(client.taxZones());
    sim.revokeTokens();
    expect(await count(client.taxZones())).toBe(5);
    expect(client.calls().byEndpoint.token).toBe(2);
    expect(client.calls().byEndpoint.TaxZones_GetList).toBe(3);
  });

  it('shares one token request between concurrent callers', async () => {
    const client = createServiceTitanClient(sim.connection(), fast);
    await Promise.all([
      count(client.taxZones()),
      count(client.glAccounts()),
      count(client.businessUnits()),
      count(client.jobs()),
    ]);
    expect(sim.tokensIssued()).toBe(1);
  });
});

describe('limits and failures', () => {
  it('waits for Retry-After on 429 (seconds form)', async () => {
    const client = createServiceTitanClient(sim.connection(), fast);
    await count(client.taxZones());
    sim.addFault({ kind: 'status', status: 429, retryAfter: 1, count: 1, pathIncludes: '/tax-zones' });
    const started = Date.now();
    expect(await count(client.taxZones())).toBe(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(client.calls().byEndpoint.TaxZones_GetList).toBe(3);
  });

  it('waits for Retry-After on 429 (HTTP-date form)', async () => {
    const client = createServiceTitanClient(sim.connection(), fast);
    await count(client.taxZones());
    sim.addFault({
      kind: 'status',
      status: 429,
      retryAfter: new Date(Date.now() + 2000).toUTCString(),
      count: 1,
    });
    const started = Date.now();
    await count(client.taxZones());
    // HTTP dates have whole seconds, so the wait is between 1 and 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('retries reads after 5xx and a dropped connection, with backoff', async () => {
    const client = createServiceTitanClient(sim.connection(), fast);
    sim.addFault({ kind: 'status', status: 503, count: 2, pathIncludes: '/invoices' });
    sim.addFault({ kind: 'drop', count: 1, pathIncludes: '/invoices' });
    expect(await count(client.invoices.list({ statuses: ['Posted', 'Pending', 'Exported'] }))).toBe(60);
    expect(client.calls().byEndpoint.Invoices_GetList).toBe(4);
  });

  it('gives up with a plain "unavailable" error after the retries', async () => {
    const client = createServiceTitanClient(sim.connection(), { ...fast, maxRetries: 2 });
    sim.addFault({ kind: 'status', status: 500, count: 10, pathIncludes: '/gl-accounts' });
    await expect(count(client.glAccounts())).rejects.toBeInstanceOf(StUnavailableError);
    expect(sim.calls().byEndpoint.GlAccounts_GetList).toBe(3);
  });

  it('times out a slow answer and retries the read', async () => {
    const client = createServiceTitanClient(sim.connection(), { ...fast, timeoutMs: 200 });
    sim.addFault({ kind: 'slow', delayMs: 600, count: 1, pathIncludes: '/business-units' });
    expect(await count(client.businessUnits())).toBe(6);
    expect(client.calls().byEndpoint.BusinessUnits_GetList).toBe(2);
  });

  it('never retries a write blindly: 5xx or a drop after commit is reported as uncertain', async () => {
    const client = createServiceTitanClient(sim.connection(), fast);
    sim.addFault({ kind: 'commit-then-drop', count: 1, method: 'POST', pathIncludes: 'markasexported' });
    const error = await client.invoices
      .markAsExported([{ invoiceId: 60_002, externalId: 'V-2' }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StWriteUncertainError);
    expect(sim.calls().byEndpoint.Invoices_MarkAsExported).toBe(1);
    expect(sim.get('invoices', 60_002)!.syncStatus).toBe('Exported');

    sim.addFault({ kind: 'status', status: 502, count: 1, method: 'PATCH' });
    await expect(client.vendors.update(701, { memo: 'x' })).rejects.toBeInstanceOf(StWriteUncertainError);
    expect(sim.calls().byEndpoint.Vendors_Update).toBe(1);
  });

  it('keeps to 60 requests per second per tenant', async () => {
    const client = createServiceTitanClient(sim.connection(), { ...fast, maxRequestsPerSecond: 60 });
    await count(client.taxZones());
    const started = Date.now();
    await Promise.all(Array.from({ length: 90 }, () => count(client.taxZones({ pageSize: 10 }))));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(sim.calls().byEndpoint.TaxZones_GetList).toBe(91);
  });

  it('keeps tenants apart', async () => {
    const other = sim.tenants[1]!;
    const clientB = createServiceTitanClient(sim.connection(other.tenantId), fast);
    const idsB = new Set<number>();
    for await (const inv of clientB.invoices.list({ statuses: ['Posted', 'Pending', 'Exported'] }))
      idsB.add(inv.id);
    expect(idsB.size).toBe(25);
    sim.modify('customers', 10_001, { name: 'Bare i leietaker A' });
    const namesB: string[] = [];
    for await (const c of clientB.customers({ ids: [10_001] })) namesB.push(c.name);
    expect(namesB).toHaveLength(1);
    expect(namesB[0]).not.toBe('Bare i leietaker A');
    const crossed = createServiceTitanClient(
      { ...sim.connection(other.tenantId), tenantId: sim.tenantId },
      fast,
    );
    await expect(count(crossed.invoices.list())).rejects.toMatchObject({ code: 'st_unknown_tenant' });
  });
});
