import { afterEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../../simulators/visma';
import type { VismaSimulator, VismaSimulatorOptions } from '../../simulators/visma';
import { createVismaClient, toVismaLocalTime } from '../../../main/visma';
import type { VismaClient } from '../../../main/visma';
import { ANCHORED } from '../../support/test-day';
import { connectionFor, rawApi, rawToken, testOptions } from './helpers';

let sim: VismaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(
  options: VismaSimulatorOptions = {},
): Promise<{ s: VismaSimulator; client: VismaClient }> {
  sim = await startVismaSimulator({ ...ANCHORED.visma, release: { mode: 'instant' }, ...options });
  return { s: sim, client: createVismaClient(connectionFor(sim), testOptions({ pageSize: 50 })) };
}

const invoice = (client: VismaClient, externalReference: string, extra: Record<string, unknown> = {}) =>
  client.createCustomerInvoice({
    customerNumber: '10001',
    documentDate: '2026-06-10',
    externalReference,
    lines: [{ description: 'Labour', unitPrice: '100', accountNumber: '3000', vatCodeId: '3' }],
    ...extra,
  });

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

describe('lists, filters and dates', () => {
  it('a list call without paging gets one default page, and the simulator records it', async () => {
    const { s, client } = await start({ defaultPageSize: 4, maxPageSize: 10 });
    for (let i = 0; i < 6; i++) await invoice(client, `ST-P-${i}`);
    s.expectViolations({ kind: 'request', problem: 'without pageNumber and pageSize' });
    const call = rawApi(s, await rawToken(s));
    const unpaged = await call('GET', '/v1/customerinvoice');
    expect(unpaged.status).toBe(200);
    const items = unpaged.json as { metadata: { totalCount: number; maxPageSize: number } }[];
    expect(items).toHaveLength(4);
    expect(items[0]!.metadata).toEqual({ totalCount: 6, maxPageSize: 10 });
    // A page size above the maximum is capped silently.
    expect(
      ((await call('GET', '/v1/customerinvoice?pageNumber=1&pageSize=1000')).json as unknown[]).length,
    ).toBe(6);
    s.setRelease({ mode: 'instant' });
    const capped = await startVismaSimulator({ ...ANCHORED.visma, maxPageSize: 2 });
    try {
      const c2 = createVismaClient(connectionFor(capped), testOptions({ pageSize: 500 }));
      for (let i = 0; i < 5; i++) await invoice(c2, `ST-C-${i}`);
      const raw = await rawApi(capped, await rawToken(capped))(
        'GET',
        '/v1/customerinvoice?pageNumber=1&pageSize=500',
      );
      expect(raw.json).toHaveLength(2);
      // The client lowers its page size to maxPageSize and reads every page.
      expect(await c2.listCustomerInvoices()).toHaveLength(5);
    } finally {
      await capped.stop();
    }
    expect(s.unexpectedViolations()).toEqual([]);
  });

  it('binds mis-cased query names as ASP.NET does (ON-IT sends PascalCase)', async () => {
    const { s, client } = await start();
    await invoice(client, 'ST-CASE-1');
    await invoice(client, 'ST-CASE-2');
    const call = rawApi(s, await rawToken(s));
    const found = await call(
      'GET',
      '/v1/customerinvoice?ExternalReference=ST-CASE-2&PageNumber=1&PageSize=10',
    );
    expect((found.json as { externalReference: string }[]).map((d) => d.externalReference)).toEqual([
      'ST-CASE-2',
    ]);
    const since = await call(
      'GET',
      `/v1/customerinvoice?LastModifiedDateTime=2000-01-01&LastModifiedDateTimeCondition=${encodeURIComponent('>=')}&pageNumber=1&pageSize=1`,
    );
    expect(since.json).toHaveLength(1);
    expect(s.violations()).toEqual([]);
  });

  it('ignores an unknown (misspelt) filter as the real API does, but records it so the test fails', async () => {
    const { s, client } = await start();
    await invoice(client, 'ST-A');
    await invoice(client, 'ST-B');
    const call = rawApi(s, await rawToken(s));
    const all = await call('GET', '/v1/customerinvoice?externalRefernce=ST-A&pageNumber=1&pageSize=10');
    expect(all.json).toHaveLength(2); // the filter did nothing
    expect(s.unexpectedViolations()).toEqual([
      {
        kind: 'request',
        operationId: 'CustomerInvoice_GetAll',
        problems: [expect.stringContaining("'externalRefernce' is not declared") as unknown],
      },
    ]);
    await expect(s.stop()).rejects.toThrow(/externalRefernce/);
    sim = undefined;
  });

  it('stamps records in company-local time without offset and reads lastModifiedDateTime filters in that time', async () => {
    const timeZone = 'America/New_York';
    const { s, client } = await start({ timeZone });
    const before = new Date();
    const number = await invoice(client, 'ST-TZ-1');
    const after = new Date();
    const doc = (await client.getCustomerInvoice(number))!;
    expect(doc.lastModifiedDateTime).toMatch(LOCAL);
    expect(doc.createdDateTime).toMatch(LOCAL);
    expect(doc.lastModifiedDateTime! >= toVismaLocalTime(before, timeZone)).toBe(true);
    expect(doc.lastModifiedDateTime! <= toVismaLocalTime(after, timeZone)).toBe(true);
    // New York is behind UTC: the same instant written in UTC is hours later in local terms and misses the record.
    const utc = before.toISOString().slice(0, 23);
    expect(await client.listCustomerInvoices({ modifiedSince: utc })).toEqual([]);
    expect(
      (await client.listCustomerInvoices({ modifiedSince: toVismaLocalTime(before, timeZone) })).map(
        (d) => d.referenceNumber,
      ),
    ).toEqual([number]);
    // A filter with an offset is refused by the client (Visma would read it as local time).
    await expect(client.listCustomerInvoices({ modifiedSince: before.toISOString() })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(s.violations()).toEqual([]);
  });

  it('lists by lastModifiedDateTime and by createdDateTime across every page', async () => {
    const { s, client } = await start({ maxPageSize: 3 });
    const before = toVismaLocalTime(new Date(), 'Europe/Oslo');
    const numbers: string[] = [];
    for (let i = 0; i < 7; i++) numbers.push(await invoice(client, `ST-L-${i}`));
    const bills: string[] = [];
    for (let i = 0; i < 4; i++)
      bills.push(
        await client.createSupplierInvoice({
          supplierNumber: '20002',
          date: '2026-06-12',
          note: `ST-BILL-${i}`,
          lines: [{ description: 'Parts', unitCost: '10', accountNumber: '4000', vatCodeId: '1' }],
        }),
      );
    s.resetCounters();
    const byCreated = await client.listCustomerInvoices({ createdSince: before });
    expect(byCreated.map((d) => d.referenceNumber).sort()).toEqual(numbers.sort());
    expect(s.counters().byEndpoint.CustomerInvoice_GetAll).toBe(3);
    const byModified = await client.listSupplierInvoices({ modifiedSince: before });
    expect(byModified.map((d) => d.referenceNumber).sort()).toEqual(bills.sort());
    expect(byModified.map((d) => d.note).sort()).toEqual([
      'ST-BILL-0',
      'ST-BILL-1',
      'ST-BILL-2',
      'ST-BILL-3',
    ]);
  });

  it('never answers "" in a date or date-time field (a subaccount combination outside the list included)', async () => {
    const { s, client } = await start();
    const number = await invoice(client, 'ST-E-1', {
      lines: [
        {
          description: 'Labour',
          unitPrice: '100',
          accountNumber: '3000',
          vatCodeId: '3',
          subaccount: [
            { segmentId: 1, segmentValue: '30' },
            { segmentId: 2, segmentValue: '01' },
          ],
        },
      ],
    });
    const call = rawApi(s, await rawToken(s));
    for (const path of [
      `/v1/customerinvoice/${number}`,
      '/v1/customerinvoice?pageNumber=1&pageSize=10',
      '/v1/subaccount?pageNumber=1&pageSize=10',
      '/v1/financialPeriod',
      '/v1/account',
    ]) {
      const answer = await call('GET', path);
      expect(answer.status).toBe(200);
      expect(answer.text).not.toMatch(/"[A-Za-z]*(Date|DateTime|Utc|date)":""/);
    }
    // The simulator checks every answer for this; any such field would be a violation that fails stop().
    expect(s.violations()).toEqual([]);
  });
});
