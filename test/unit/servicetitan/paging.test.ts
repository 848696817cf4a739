import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StBadResponseError, StFeedLoopError } from '../../../main/servicetitan';
import type { StRejectedRecord } from '../../../main/servicetitan';
import { exportFeed, idBatches, paginate } from '../../../main/servicetitan/paging';
import type { StRequest, StTransport } from '../../../main/servicetitan/transport';

/** A transport that answers from a script and records the queries it got; past the script it fails the test. */
function scripted(answers: unknown[]) {
  const queries: Record<string, unknown>[] = [];
  const transport = {
    send: (req: StRequest, schema: z.ZodType) => {
      queries.push({ ...req.query });
      if (answers.length === 0)
        return Promise.reject(new Error('the client asked for more pages than exist'));
      return Promise.resolve(schema.parse(answers.shift()));
    },
  } as unknown as StTransport;
  return { transport, queries };
}

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const page = (hasMore: boolean, continueFrom: string, ids: number[]) => ({
  hasMore,
  continueFrom,
  data: ids.map((id) => ({ id, modifiedOn: `m${id}` })),
});

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

  it('drops records a feed repeats at page boundaries (as includeRecentChanges may), and passes the cursor on', async () => {
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

  it('reads an export feed until an empty page, even when every page with data says hasMore', async () => {
    const { transport, queries } = scripted([
      page(true, 't1', [1, 2]),
      page(true, 't2', [3]),
      page(false, 't3', []),
    ]);
    const pages = await drain(exportFeed(transport, req, Item));
    expect(pages.flatMap((p) => p.data.map((r) => r.id))).toEqual([1, 2, 3]);
    expect(queries.map((q) => q.from)).toEqual([undefined, 't1', 't2']);
    expect(pages[pages.length - 1]).toEqual({ data: [], continueFrom: 't3', hasMore: false });
  });

  it('stops an export feed on hasMore false without asking again', async () => {
    const { transport, queries } = scripted([page(true, 't1', [1]), page(false, 't2', [2])]);
    const pages = await drain(exportFeed(transport, req, Item, 't0'));
    expect(pages.flatMap((p) => p.data.map((r) => r.id))).toEqual([1, 2]);
    expect(queries).toHaveLength(2);
  });

  it('stops with a plain error instead of looping when a continuation token comes back', async () => {
    const { transport, queries } = scripted([
      page(true, 't1', [1]),
      page(true, 't2', [2]),
      page(true, 't1', [3]),
      page(true, 't1', [3]),
    ]);
    const seen: number[] = [];
    const read = async () => {
      for await (const p of exportFeed(transport, req, Item)) seen.push(...p.data.map((r) => r.id));
    };
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StFeedLoopError);
    expect((error as Error).message).toMatch(/already sent.*instead of going round in a loop/);
    expect(seen).toEqual([1, 2]);
    expect(queries).toHaveLength(3);
  });

  it('also refuses the saved token it started from when it comes back with more data', async () => {
    const { transport } = scripted([page(true, 'saved', [7])]);
    await expect(drain(exportFeed(transport, req, Item, 'saved'))).rejects.toBeInstanceOf(StFeedLoopError);
  });

  it('accepts the same token on the final empty page (nothing to loop over)', async () => {
    const { transport } = scripted([page(true, 't1', [1]), page(false, 't1', [])]);
    const pages = await drain(exportFeed(transport, req, Item));
    expect(pages.map((p) => p.data.length)).toEqual([1, 0]);
  });
});

describe('one bad record never stops the others', () => {
  const bad = { id: 2, modifiedOn: 42 };

  it('reports records that do not fit the schema and yields the rest of a list', async () => {
    const { transport } = scripted([
      { page: 1, pageSize: 3, hasMore: true, data: [{ id: 1, modifiedOn: 'a' }, bad, { modifiedOn: 'x' }] },
      { page: 2, pageSize: 3, hasMore: false, data: [{ id: 4, modifiedOn: 'a' }] },
    ]);
    const rejected: StRejectedRecord[] = [];
    const ids = (
      await drain(
        paginate(transport, req, Item, 3, { resource: 'invoices', onRejected: (r) => rejected.push(r) }),
      )
    ).map((r) => r.id);
    expect(ids).toEqual([1, 4]);
    expect(rejected).toEqual([
      { id: '2', resource: 'invoices', problems: expect.stringContaining('modifiedOn') as string },
      { id: null, resource: 'invoices', problems: expect.stringContaining('id') as string },
    ]);
  });

  it('reports rejected export records and still yields the page with its cursor', async () => {
    const { transport } = scripted([
      {
        hasMore: false,
        continueFrom: 't1',
        data: [{ id: 1, modifiedOn: 'a' }, bad, { id: 3, modifiedOn: 'c' }],
      },
    ]);
    const rejected: StRejectedRecord[] = [];
    const pages = await drain(
      exportFeed(transport, req, Item, undefined, {
        resource: 'ap-bills',
        onRejected: (r) => rejected.push(r),
      }),
    );
    expect(pages).toEqual([
      {
        data: [
          { id: 1, modifiedOn: 'a' },
          { id: 3, modifiedOn: 'c' },
        ],
        continueFrom: 't1',
        hasMore: false,
      },
    ]);
    expect(rejected.map((r) => [r.id, r.resource])).toEqual([['2', 'ap-bills']]);
  });

  it('without a callback, stops with an error naming the record (never drops it silently)', async () => {
    const list = scripted([
      {
        page: 1,
        pageSize: 3,
        hasMore: false,
        data: [{ id: 1, modifiedOn: 'a' }, bad, { id: 3, modifiedOn: 'c' }],
      },
    ]);
    const yielded: number[] = [];
    const read = async () => {
      for await (const r of paginate(list.transport, req, Item, 3, { resource: 'invoices' }))
        yielded.push(r.id);
    };
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StBadResponseError);
    expect((error as Error).message).toContain('invoices record 2: modifiedOn');
    expect(yielded).toEqual([1]);

    // An export page with a bad record is not handed out at all, so its cursor is never saved past the record.
    const feed = scripted([{ hasMore: false, continueFrom: 't1', data: [{ id: 1, modifiedOn: 'a' }, bad] }]);
    const pages: unknown[] = [];
    const readFeed = async () => {
      for await (const p of exportFeed(feed.transport, req, Item)) pages.push(p);
    };
    await expect(readFeed()).rejects.toBeInstanceOf(StBadResponseError);
    expect(pages).toEqual([]);
  });

  it('still refuses a page whose envelope is wrong', async () => {
    const { transport } = scripted([{ page: 1, pageSize: 3, hasMore: 'no', data: [] }]);
    await expect(drain(paginate(transport, req, Item))).rejects.toThrow();
  });
});
