import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportFeed, idBatches, paginate } from '../../../main/servicetitan/paging';
import type { StRequest, StTransport } from '../../../main/servicetitan/transport';

/** A transport that answers from a script and records the queries it got. */
function scripted(answers: unknown[]) {
  const queries: Record<string, unknown>[] = [];
  const transport = {
    send: (req: StRequest, schema: z.ZodType) => {
      queries.push({ ...req.query });
      return Promise.resolve(schema.parse(answers.shift()));
    },
  } as unknown as StTransport;
  return { transport, queries };
}

const req: StRequest = {
  endpoint: 'X',
  module: 'accounting',
  method: 'GET',
  path: '/x',
  scope: 'tn.acc.invoices:r',
};
const Item = z.looseObject({ id: z.number(), modifiedOn: z.string() });

describe('paging helpers', () => {
  it('splits ids into batches of at most 50, without repeats', () => {
    const ids = Array.from({ length: 120 }, (_, i) => i + 1);
    const batches = idBatches([...ids, 1, 2]);
    expect(batches).toHaveLength(3);
    expect(batches[0]!.split(',')).toHaveLength(50);
    expect(batches[2]!.split(',')).toHaveLength(20);
  });

  it('follows hasMore page by page', async () => {
    const { transport, queries } = scripted([
      {
        page: 1,
        pageSize: 2,
        hasMore: true,
        data: [
          { id: 1, modifiedOn: 'a' },
          { id: 2, modifiedOn: 'a' },
        ],
      },
      { page: 2, pageSize: 2, hasMore: false, data: [{ id: 3, modifiedOn: 'a' }] },
    ]);
    const ids: number[] = [];
    for await (const r of paginate(transport, req, Item, 2)) ids.push(r.id);
    expect(ids).toEqual([1, 2, 3]);
    expect(queries.map((q) => q.page)).toEqual([1, 2]);
  });

  it('drops the records an inclusive export feed repeats at page boundaries, and passes the cursor on', async () => {
    const { transport, queries } = scripted([
      {
        hasMore: true,
        continueFrom: 't1',
        data: [
          { id: 1, modifiedOn: 'm1' },
          { id: 2, modifiedOn: 'm2' },
        ],
      },
      {
        hasMore: true,
        continueFrom: 't2',
        data: [
          { id: 2, modifiedOn: 'm2' },
          { id: 3, modifiedOn: 'm3' },
        ],
      },
      {
        hasMore: false,
        continueFrom: 't3',
        data: [
          { id: 3, modifiedOn: 'm3' },
          { id: 2, modifiedOn: 'm9' },
        ],
      },
    ]);
    const pages = [];
    for await (const page of exportFeed(transport, req, Item, '2026-01-01')) pages.push(page);
    expect(pages.map((p) => p.data.map((r) => `${r.id}@${r.modifiedOn}`))).toEqual([
      ['1@m1', '2@m2'],
      ['3@m3'],
      ['2@m9'],
    ]);
    expect(pages.map((p) => p.continueFrom)).toEqual(['t1', 't2', 't3']);
    expect(queries.map((q) => q.from)).toEqual(['2026-01-01', 't1', 't2']);
  });
});
