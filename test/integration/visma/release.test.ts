import { afterEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../../simulators/visma';
import type { VismaSimulator, VismaSimulatorOptions } from '../../simulators/visma';
import { createVismaClient } from '../../../main/visma';
import type { VismaClient } from '../../../main/visma';
import { ANCHORED } from '../../support/test-day';
import { connectionFor, eventually, testOptions } from './helpers';

// Visma answers a release "operation starts in the background" (SPEC-2025): the client must report what the action
// answered and read the status back, never take a 200 for a release.
let sim: VismaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(
  options: VismaSimulatorOptions = {},
): Promise<{ s: VismaSimulator; client: VismaClient }> {
  sim = await startVismaSimulator({ ...ANCHORED.visma, ...options });
  return { s: sim, client: createVismaClient(connectionFor(sim), testOptions()) };
}

const invoice = (client: VismaClient, externalReference: string, date = '2026-06-10') =>
  client.createCustomerInvoice({
    customerNumber: '10001',
    documentDate: date,
    externalReference,
    lines: [{ description: 'Labour', unitPrice: '1000', accountNumber: '3000', vatCodeId: '3' }],
  });

const bill = (client: VismaClient, date = '2026-06-10') =>
  client.createSupplierInvoice({
    supplierNumber: '20001',
    date,
    lines: [{ description: 'Pipe', unitCost: '100', accountNumber: '4000', vatCodeId: '1' }],
  });

describe('asynchronous release', () => {
  it('a queued release answers Queued, the invoice stays Balanced until it completes, then is Open with its GL batch', async () => {
    // A long delay keeps it queued while we look (no race with the clock); finishReleases() lets its time come.
    const { s, client } = await start({ release: { mode: 'queued', share: 1, delayMs: 600_000 } });
    const number = await invoice(client, 'ST-Q-1');
    const answer = await client.releaseCustomerInvoice(number);
    expect(answer).toMatchObject({ actionResult: 'Queued', actionId: expect.any(String) as unknown });
    expect(await client.getCustomerInvoiceStatus(number)).toMatchObject({
      status: 'Balanced',
      released: false,
    });
    expect(s.batches()).toHaveLength(0);
    // A second release while the first is queued is refused the way Acumatica refuses a second long operation.
    await expect(client.releaseCustomerInvoice(number)).rejects.toMatchObject({
      code: 'in_progress',
      status: 400,
    });
    // Updating or deleting it meanwhile is refused too.
    await expect(client.deleteCustomerInvoice(number)).rejects.toMatchObject({ code: 'in_progress' });
    s.finishReleases();
    expect(await client.getCustomerInvoiceStatus(number)).toMatchObject({ status: 'Open', released: true });
    expect(
      await client.findGlBatch({ module: 'AR', period: '202606', referenceNumber: number }),
    ).not.toBeNull();
  });

  it('waiting for a queued release polls the status until it is done', async () => {
    const { client } = await start({ release: { mode: 'queued', share: 1, delayMs: 200 } });
    const number = await invoice(client, 'ST-Q-2');
    const result = await client.releaseCustomerInvoice(number, { waitMs: 30_000, pollMs: 50 });
    expect(result.actionResult).toBe('Done');
    expect((await client.getCustomerInvoice(number))?.status).toBe('Open');
  });

  it('a release that never completes stays Queued: the document stays Balanced and no batch appears', async () => {
    const { s, client } = await start({ release: { mode: 'never', share: 1 } });
    const number = await invoice(client, 'ST-N-1');
    const result = await client.releaseCustomerInvoice(number, { waitMs: 300, pollMs: 50 });
    expect(result.actionResult).toBe('Queued');
    s.finishReleases(); // "never" is not hurried along either
    expect(await client.getCustomerInvoiceStatus(number)).toMatchObject({
      status: 'Balanced',
      released: false,
    });
    expect(s.batches()).toEqual([]);
  });

  it('a release that fails later leaves the document Balanced with errorInfo, which later reads show', async () => {
    const { s, client } = await start({
      release: {
        mode: 'fail-later',
        share: 1,
        delayMs: 100,
        errorInfo: 'Simulated: the batch could not be posted.',
      },
    });
    const number = await invoice(client, 'ST-F-1');
    expect((await client.releaseCustomerInvoice(number)).actionResult).toBe('Queued');
    const failed = await eventually(async () => {
      const status = await client.getCustomerInvoiceStatus(number);
      return status?.errorInfo ? status : undefined;
    });
    expect(failed).toMatchObject({
      status: 'Balanced',
      released: false,
      errorInfo: 'Simulated: the batch could not be posted.',
    });
    expect((await client.listCustomerInvoices({ externalReference: 'ST-F-1' }))[0]?.errorInfo).toBe(
      'Simulated: the batch could not be posted.',
    );
    // Once the cause is gone, a new release goes through and clears errorInfo.
    s.setDocumentRelease('customerInvoice', number, { mode: 'instant' });
    expect(await client.releaseCustomerInvoice(number)).toMatchObject({ actionResult: 'Done' });
    expect(await client.getCustomerInvoiceStatus(number)).toEqual(
      expect.not.objectContaining({ errorInfo: expect.anything() as unknown }),
    );
  });

  it('a period closed while the release is queued makes it fail in the background with Visma’s message', async () => {
    const { s, client } = await start({ release: { mode: 'queued', share: 1, delayMs: 60_000 } });
    const number = await invoice(client, 'ST-P-1');
    expect((await client.releaseCustomerInvoice(number)).actionResult).toBe('Queued');
    s.setPeriodClosed('202606', true, 'customer');
    s.finishReleases();
    const status = await client.getCustomerInvoiceStatus(number);
    expect(status).toMatchObject({ status: 'Balanced', released: false });
    expect(status?.errorInfo).toMatch(/financial period 06-2026 is closed in the Customer Ledger/);
  });

  it('fail-now answers Failed with errorInfo at once', async () => {
    const { client } = await start({ release: { mode: 'fail-now', share: 1, errorInfo: 'Nope.' } });
    const number = await invoice(client, 'ST-F-2');
    expect(await client.releaseCustomerInvoice(number)).toMatchObject({
      actionResult: 'Failed',
      errorInfo: 'Nope.',
    });
    expect(await client.getCustomerInvoiceStatus(number)).toMatchObject({
      status: 'Balanced',
      errorInfo: 'Nope.',
    });
  });

  it('supplier invoices are released by a background job whose state tells queued, done and failed', async () => {
    const { s, client } = await start({ release: { mode: 'queued', share: 1, delayMs: 600_000 } });
    const queued = await bill(client);
    const first = await client.releaseSupplierInvoice(queued);
    expect(first.actionResult).toBe('InProcess');
    expect((await client.getSupplierInvoiceStatus(queued))?.released).toBe(false);
    s.finishReleases();
    expect((await client.getSupplierInvoiceStatus(queued))?.released).toBe(true);

    s.setRelease({ delayMs: 100 });
    const waited = await client.releaseSupplierInvoice(await bill(client), { waitMs: 30_000, pollMs: 25 });
    expect(waited.actionResult).toBe('Done');

    s.setRelease({ mode: 'fail-later', delayMs: 50, errorInfo: 'Background failure.' });
    const failing = await bill(client);
    expect(await client.releaseSupplierInvoice(failing, { waitMs: 30_000, pollMs: 25 })).toMatchObject({
      actionResult: 'Failed',
      errorInfo: 'Background failure.',
    });
    expect(await client.getSupplierInvoiceStatus(failing)).toMatchObject({
      status: 'Balanced',
      errorInfo: 'Background failure.',
    });
  });

  it('by default a seeded share of the documents is queued, the same ones on every run', async () => {
    const picks: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const { s, client } = await start({ seed: 7 });
      const answers: string[] = [];
      for (let i = 0; i < 20; i++) {
        const number = await invoice(client, `ST-D-${i}`);
        answers.push((await client.releaseCustomerInvoice(number)).actionResult);
      }
      picks.push(answers);
      expect(s.releaseSettings()).toMatchObject({ mode: 'queued', share: 0.3 });
      await s.stop();
      sim = undefined;
    }
    expect(picks[0]).toEqual(picks[1]);
    const queued = picks[0]!.filter((a) => a === 'Queued').length;
    expect(queued).toBeGreaterThan(0);
    expect(queued).toBeLessThan(20);
  });
});
