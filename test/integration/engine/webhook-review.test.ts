import { afterEach, describe, expect, it } from 'vitest';
import { SyncCoordinator } from '../../../main/engine/coordinator';
import { importMappings, exportMappings } from '../../../main/engine/mapping/rule-store';
import { ignore, listReview, replay } from '../../../main/engine/review';
import { runSync, type SyncSummary } from '../../../main/engine/run-sync';
import { listAudit } from '../../../main/storage/audit';
import { startWebhookReceiver, type WebhookReceiver } from '../../../main/webhooks/receiver';
import { expectNoDuplicates, keyOf } from './checks';
import { startHarness, type Harness } from './harness';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';

const KEY = 'webhook-key-'.padEnd(40, 'x');

describe('webhooks and the review queue', () => {
  let h: Harness | undefined;
  let receiver: WebhookReceiver | undefined;
  let coordinator: SyncCoordinator | undefined;
  afterEach(async () => {
    await receiver?.close();
    // Events emitted after the test's own run (e.g. the export mark) may still have queued a run: let it finish.
    await coordinator?.whenIdle();
    coordinator = undefined;
    await h?.stop();
    h = undefined;
    receiver = undefined;
  });

  it('a signed invoice webhook triggers a run that fetches and posts the invoice; a repeated event is acknowledged and not acted on', async () => {
    h = await startHarness({ st: { invoices: 20, bills: 2 } });
    await h.sync();
    const profile = h.config;
    const harness = h;
    coordinator = new SyncCoordinator((options) =>
      runSync(profile, { db: harness.db, ...harness.ports }, options),
    );
    const runner = coordinator;
    const runs: Promise<SyncSummary>[] = [];
    receiver = await startWebhookReceiver({
      db: h.db,
      profileId: profile.id,
      hmacKey: KEY,
      onInvoice: (id) => runs.push(runner.trigger('webhook', [id])),
    });
    h.st.configureWebhook({ url: receiver.url, hmacKey: KEY });
    const invoice = h.st.addInvoice();
    await h.st.flushWebhooks();
    expect(h.st.webhookDeliveries().map((d) => d.status)).toEqual([200]);
    await new Promise((r) => setImmediate(r));
    expect(runs).toHaveLength(1);
    const summary = await runs[0]!;
    expect(summary.trigger).toBe('webhook');
    expect(expectNoDuplicates(h).has(keyOf(h, 'invoice', invoice.id))).toBe(true);
    const replayed = await fetch(receiver.url, {
      method: 'POST',
      body: h.st.webhookDeliveries()[0]!.body,
      headers: {
        'x-servicetitan-signature': (await import('../../simulators/servicetitan')).signBody(
          h.st.webhookDeliveries()[0]!.body,
          KEY,
        ),
      },
    });
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toEqual({ status: 'duplicate' });
  });

  it('replays a blocked document after its mapping is fixed, showing the payload first; ignores with a reason', async () => {
    h = await startHarness({ st: { invoices: 80, bills: 10 }, mappings: false });
    importMappings(
      h.db,
      h.config.id,
      { ...SEED_MAPPINGS, rules: { ...SEED_MAPPINGS.rules, revenueByGlAccount: {} } },
      'system',
    );
    await h.sync();
    const profile = h.config;
    // Only the missing rule may block it: not a document of the seed's closed month (a day's margin for time zones).
    const closed = h.visma.companies[0]!.closedPeriod;
    const nearClosedMonth = (stId: string) => {
      const at = Date.parse(String(h!.st.get('invoices', Number(stId))?.invoiceDate));
      return [at - 86_400_000, at + 86_400_000].some(
        (t) => new Date(t).toISOString().slice(0, 7).replace('-', '') === closed,
      );
    };
    const blocked = listReview(h.db, profile.id).find(
      (r) => r.reason === 'account_missing' && r.sourceType === 'invoice' && !nearClosedMonth(r.stId),
    )!;
    expect(blocked).toBeDefined();
    const before = await replay(profile, { db: h.db }, { id: blocked.id }, { apply: false });
    expect(before[0]).toMatchObject({ outcome: 'blocked' });
    const file = exportMappings(h.db, profile.id);
    file.rules.revenueByGlAccount['3080'] = { account: '3000' };
    importMappings(h.db, profile.id, file, 'user');
    const preview = await replay(
      profile,
      { db: h.db, visma: h.ports.visma },
      { id: blocked.id },
      { apply: true },
    );
    expect(preview[0]).toMatchObject({
      outcome: 'ready',
      planned: { externalReference: keyOf(h, 'invoice', blocked.stId) },
    });
    expect(preview[0]!.planned!.lines.some((l) => l.accountNumber === '3000')).toBe(true);
    await h.sync();
    expect(expectNoDuplicates(h).has(keyOf(h, 'invoice', blocked.stId))).toBe(true);

    const other = listReview(h.db, profile.id).find((r) => r.state === 'blocked')!;
    expect(() => ignore(profile, { db: h!.db }, other.id, '')).toThrow(/reason/);
    ignore(profile, { db: h.db }, other.id, 'Handled by hand in Visma');
    expect(listReview(h.db, profile.id).some((r) => r.id === other.id)).toBe(false);
    expect(listAudit(h.db, { action: 'document.ignored' })[0]).toMatchObject({
      message: 'Handled by hand in Visma',
      sourceNumber: other.sourceNumber,
    });
  });
});
