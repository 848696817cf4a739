import { afterEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../../simulators/visma';
import type { VismaSimulator, VismaSimulatorOptions } from '../../simulators/visma';
import { createVismaClient, financialPeriodOf, isAdjustmentPeriod } from '../../../main/visma';
import type { VismaClient } from '../../../main/visma';
import { ANCHORED } from '../../support/test-day';
import { connectionFor, testOptions } from './helpers';

let sim: VismaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(options: VismaSimulatorOptions): Promise<{ s: VismaSimulator; client: VismaClient }> {
  sim = await startVismaSimulator({ ...ANCHORED.visma, release: { mode: 'instant' }, ...options });
  return { s: sim, client: createVismaClient(connectionFor(sim), testOptions()) };
}

const arLines = [{ description: 'Service', unitPrice: '500', accountNumber: '3000', vatCodeId: '3' }];
const apLines = [{ description: 'Parts', unitCost: '500', accountNumber: '4000', vatCodeId: '1' }];

describe('financial periods', () => {
  it('a financial year starting in July numbers its periods from July, with dates the engine can map by', async () => {
    const { client } = await start({ calendar: { startMonth: 7 } });
    const periods = await client.listFinancialPeriods();
    const byId = new Map(periods.map((p) => [p.period, p]));
    // The year is named after the calendar year it starts in (Acumatica's default): July 2026 is period 01 of 2026.
    expect(byId.get('202601')).toMatchObject({ year: 2026, startDate: '2026-07-01', endDate: '2026-07-31' });
    expect(byId.get('202606')).toMatchObject({ startDate: '2026-12-01', endDate: '2026-12-31' });
    expect(byId.get('202512')).toMatchObject({ year: 2025, startDate: '2026-06-01', endDate: '2026-06-30' });
    expect(byId.get('202508')).toMatchObject({ startDate: '2026-02-01', endDate: '2026-02-28' });
    expect(financialPeriodOf(periods, '2026-07-15')?.period).toBe('202601');
    expect(financialPeriodOf(periods, '2026-06-30')?.period).toBe('202512');

    // A document dated in July 2026 lands in 202601 — not in "202607", which is January 2027 here.
    const number = await client.createCustomerInvoice({
      customerNumber: '10001',
      documentDate: '2026-07-15',
      lines: arLines,
    });
    expect((await client.getCustomerInvoice(number))?.financialPeriod).toBe('202601');
    const bill = await client.createSupplierInvoice({
      supplierNumber: '20001',
      date: '2026-07-02',
      lines: apLines,
    });
    expect((await client.getSupplierInvoice(bill))?.invoice.financialPeriod).toBe('202601');
    expect((await client.releaseCustomerInvoice(number)).actionResult).toBe('Done');
    expect(
      await client.findGlBatch({ module: 'AR', period: '202601', referenceNumber: number }),
    ).not.toBeNull();
  });

  it('with "belongs to next year" the July–June year is named after its end: July 2026 is 202701', async () => {
    const { client } = await start({ calendar: { startMonth: 7, belongsToNextYear: true } });
    const periods = await client.listFinancialPeriods();
    expect(financialPeriodOf(periods, '2026-07-01')).toMatchObject({ period: '202701', year: 2027 });
    const number = await client.createCustomerInvoice({
      customerNumber: '10001',
      documentDate: '2026-07-01',
      lines: arLines,
    });
    expect((await client.getCustomerInvoice(number))?.financialPeriod).toBe('202701');
  });

  it('a 13-period company has a day-less adjustment period on the year boundary that no date maps to', async () => {
    const { client } = await start({ calendar: { startMonth: 7, adjustmentPeriod: true } });
    const periods = await client.listFinancialPeriods();
    const adjustment = periods.find((p) => p.period === '202513')!;
    // Acumatica keeps the adjustment period as a zero-length period at the end of the year: start = end = the first
    // day of the next year, which is also the first day of the next year's period 01.
    expect(adjustment).toMatchObject({ year: 2025, startDate: '2026-07-01', endDate: '2026-07-01' });
    expect(isAdjustmentPeriod(adjustment)).toBe(true);
    expect(periods.filter((p) => p.year === 2025)).toHaveLength(13);
    // A naive "first period whose dates hold the day" would pick 202513 (it sorts first); the client's helper does not.
    const naive = [...periods]
      .sort((a, b) => a.period.localeCompare(b.period))
      .find((p) => p.startDate! <= '2026-07-01' && '2026-07-01' <= p.endDate!);
    expect(naive?.period).toBe('202513');
    expect(financialPeriodOf(periods, '2026-07-01')?.period).toBe('202601');
    const number = await client.createCustomerInvoice({
      customerNumber: '10001',
      documentDate: '2026-07-01',
      lines: arLines,
    });
    expect((await client.getCustomerInvoice(number))?.financialPeriod).toBe('202601');
    // Posting into the adjustment period is possible only by asking for it.
    const adjusted = await client.createCustomerInvoice({
      customerNumber: '10001',
      documentDate: '2026-06-30',
      financialPeriod: '202513',
      lines: arLines,
    });
    expect((await client.getCustomerInvoice(adjusted))?.financialPeriod).toBe('202513');
  });

  it('closes periods per ledger: customer ledger closed while the supplier ledger is open, then the general ledger', async () => {
    const { s, client } = await start({ calendar: { startMonth: 7, adjustmentPeriod: true } });
    const period = '202512'; // June 2026
    s.setPeriodClosed(period, true, 'customer');
    const refused = await client
      .createCustomerInvoice({ customerNumber: '10001', documentDate: '2026-06-10', lines: arLines })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'period_closed', status: 400 });
    expect((refused as Error).message).toMatch(/12-2025 is closed in the customer ledger/);
    const bill = await client.createSupplierInvoice({
      supplierNumber: '20001',
      date: '2026-06-10',
      lines: apLines,
    });
    const p = (await client.getFinancialPeriod(period))!;
    expect(p).toMatchObject({ closedInCustomerLedger: true, closedInSupplierLedger: false });

    // Closing the general ledger refuses the release of the supplier invoice that was posted before (in the
    // background job the release answers with; the client reads it when asked to wait).
    s.setPeriodClosed(period, true, 'general');
    await expect(client.releaseSupplierInvoice(bill, { waitMs: 60_000, pollMs: 20 })).resolves.toMatchObject({
      actionResult: 'Failed',
      errorInfo: expect.stringMatching(/12-2025 is closed in the General Ledger/) as unknown,
    });
    await expect(
      client.createSupplierInvoice({ supplierNumber: '20001', date: '2026-06-11', lines: apLines }),
    ).rejects.toMatchObject({ code: 'period_closed' });
    // A customer invoice release into a period closed meanwhile is refused too.
    const july = await client.createCustomerInvoice({
      customerNumber: '10001',
      documentDate: '2026-07-10',
      lines: arLines,
    });
    s.setPeriodClosed('202601', true, 'customer');
    await expect(client.releaseCustomerInvoice(july)).rejects.toMatchObject({
      code: 'period_closed',
      message: expect.stringMatching(/01-2026 is closed in the customer ledger/) as unknown,
    });
  });

  it('the seed closes the period holding the month two months before "today" in the new calendar', async () => {
    const { s, client } = await start({ calendar: { startMonth: 7 } });
    // TEST_DAY is 2026-06-20: April 2026 is period 10 of the year 2025.
    expect(s.companies[0]!.closedPeriod).toBe('202510');
    expect((await client.getFinancialPeriod('202510'))?.closedInCustomerLedger).toBe(true);
  });
});
