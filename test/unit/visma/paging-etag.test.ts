import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readAllPages } from '../../../main/visma/paging';
import { updateWithEtag } from '../../../main/visma/etag';
import { VismaError } from '../../../main/visma/errors';
import type { VismaCall, VismaTransport } from '../../../main/visma/transport';

function pagedTransport(total: number, maxPageSize: number) {
  const calls: VismaCall[] = [];
  const transport = {
    send: (call: VismaCall) => {
      calls.push(call);
      const page = Number(call.query?.pageNumber);
      const size = Math.min(Number(call.query?.pageSize), maxPageSize);
      const items = Array.from({ length: total }, (_, i) => ({ n: i + 1 })).slice(
        (page - 1) * size,
        page * size,
      );
      return Promise.resolve({
        status: 200,
        headers: {},
        data: items.map((i) => ({ ...i, metadata: { totalCount: total, maxPageSize } })),
      });
    },
  } as unknown as VismaTransport;
  return { transport, calls };
}

describe('readAllPages', () => {
  it('always sends pageNumber/pageSize, lowers the size to maxPageSize and stops at totalCount', async () => {
    const { transport, calls } = pagedTransport(7, 3);
    const items = await readAllPages(
      transport,
      { path: '/v1/x', endpoint: 'GET /v1/x' },
      z.object({ n: z.number() }),
      { pageSize: 10 },
    );
    expect(items.map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls.map((c) => [c.query?.pageNumber, c.query?.pageSize])).toEqual([
      [1, 10],
      [2, 3],
      [3, 3],
    ]);
  });

  it('handles an empty list in one call', async () => {
    const { transport, calls } = pagedTransport(0, 3);
    expect(
      await readAllPages(transport, { path: '/v1/x', endpoint: 'GET /v1/x' }, z.object({ n: z.number() })),
    ).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('reports a missing required field in plain words', async () => {
    const transport = {
      send: () => Promise.resolve({ status: 200, headers: {}, data: [{ other: 1 }] }),
    } as unknown as VismaTransport;
    await expect(
      readAllPages(transport, { path: '/v1/x', endpoint: 'GET /v1/x' }, z.object({ accountCD: z.string() })),
    ).rejects.toThrow("Visma's answer to GET /v1/x could not be read: 0.accountCD is missing.");
  });
});

describe('updateWithEtag', () => {
  const conflict = new VismaError({ code: 'conflict', message: 'changed', status: 412 });

  it('re-reads and re-applies the change after 412', async () => {
    let version = 1;
    const writes: string[] = [];
    const ok = await updateWithEtag<{ v: number }>({
      endpoint: 'PUT x',
      read: () => Promise.resolve({ value: { v: version }, etag: `"${version}"` }),
      change: (current) => ({ basedOn: current.v }),
      write: (body, etag) => {
        writes.push(`${JSON.stringify(body)} ${etag}`);
        if (version === 1) {
          version = 2;
          return Promise.reject(conflict);
        }
        return Promise.resolve();
      },
      maxAttempts: 3,
      sleep: () => Promise.resolve(),
      random: () => 0.5,
    });
    expect(ok).toBe(true);
    expect(writes).toEqual(['{"basedOn":1} "1"', '{"basedOn":2} "2"']);
  });

  it('gives up after the bounded number of attempts', async () => {
    await expect(
      updateWithEtag({
        endpoint: 'PUT x',
        read: () => Promise.resolve({ value: 1, etag: '"1"' }),
        change: () => ({}),
        write: () => Promise.reject(conflict),
        maxAttempts: 3,
        sleep: () => Promise.resolve(),
        random: () => 0,
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/3 attempts/) as unknown });
  });
});
