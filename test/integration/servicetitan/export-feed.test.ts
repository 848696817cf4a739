import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceTitanClient } from '../../../main/servicetitan';
import { startSimulatorProcess } from './sim-process';

const INVOICES = 12_000;
v8.setFlagsFromString('--expose-gc');
/** A full collection before each sample, so the numbers show what is retained, not garbage not yet collected. */
const gc = vm.runInNewContext('gc') as () => void;
let sim: Awaited<ReturnType<typeof startSimulatorProcess>>;

beforeAll(async () => {
  // The simulator runs in its own process so the heap measured here is the client's alone.
  sim = await startSimulatorProcess(['--seed', '11', '--invoices', String(INVOICES), '--bills', '5']);
});
afterAll(async () => {
  await sim.stop();
});

async function modify(id: number, patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(
    `${sim.connection.baseUrl}/__sim/tenants/${sim.connection.tenantId}/invoices/${id}`,
    {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    },
  );
  expect(res.status).toBe(200);
}

describe('export feed at scale', () => {
  it(`pages through ${INVOICES} invoices with no duplicate and no gap, in flat memory`, async () => {
    const client = createServiceTitanClient(sim.connection);
    const seen = new Set<number>();
    const heapMb: number[] = [];
    let duplicates = 0;
    let pages = 0;
    let cursor = '';
    for await (const page of client.invoices.exportFeed()) {
      for (const invoice of page.data) {
        if (seen.has(invoice.id)) duplicates++;
        seen.add(invoice.id);
      }
      cursor = page.continueFrom;
      pages++;
      gc();
      heapMb.push(process.memoryUsage().heapUsed / 1_048_576);
    }
    expect(duplicates).toBe(0);
    expect(seen.size).toBe(INVOICES);
    const ids = [...seen].sort((a, b) => a - b);
    expect(ids[0]).toBe(60_001);
    expect(ids[ids.length - 1]).toBe(60_000 + INVOICES);

    // Memory: the client holds one page (500 invoices) at a time. Compare the second half of the run with the first.
    const half = Math.floor(heapMb.length / 2);
    const firstHalfMax = Math.max(...heapMb.slice(0, half));
    const secondHalfMax = Math.max(...heapMb.slice(half));
    const calls = client.calls();
    console.log(
      `export feed: ${seen.size} invoices, ${pages} pages, calls ${JSON.stringify(calls.byEndpoint)} (total ${calls.total}); ` +
        `heap MB per page min ${Math.min(...heapMb).toFixed(1)} max ${Math.max(...heapMb).toFixed(1)}, first half max ${firstHalfMax.toFixed(1)}, second half max ${secondHalfMax.toFixed(1)}`,
    );
    expect(secondHalfMax - firstHalfMax).toBeLessThan(5);
    expect(calls.byEndpoint.Export_Invoices).toBe(pages);
    expect(calls.byEndpoint.token).toBe(1);

    // Resuming from the saved cursor returns exactly what changed since: continuation tokens are exclusive.
    await modify(60_005, { summary: '<p>Endret etter eksport</p>' });
    const later: number[] = [];
    for await (const page of client.invoices.exportFeed(cursor)) later.push(...page.data.map((i) => i.id));
    expect(later).toEqual([60_005]);
  });
});
