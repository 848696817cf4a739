import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/api/dispatch';
import { createHandlers } from '../../../main/api/handlers';
import { startSimulators, type RunningSimulators } from '../../../main/cli/simulators';
import { listOutbox } from '../../../main/engine/outbox/store';
import { startBrowserHost, type BrowserHost } from '../../../main/host';

let sims: RunningSimulators;
let host: BrowserHost;
let handlers: Handlers;

async function call(channel: string, input: unknown): Promise<any> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  sims = await startSimulators({ seed: 5, invoices: 12, bills: 4 });
  host = await startBrowserHost({
    dataDir: mkdtempSync(join(tmpdir(), 'setup-api-')),
    demo: true,
    rendererDir: tmpdir(),
  });
  handlers = createHandlers(host.services, host.engine);
});

afterAll(async () => {
  await host.close();
  await sims.stop();
});

describe('the setup wizard channels', () => {
  it('tests typed ServiceTitan values without storing anything: a wrong secret fails, the right one passes', async () => {
    const st = sims.config.servicetitan;
    const values = {
      environment: 'integration',
      tenantId: st.tenantId,
      clientId: st.clientId,
      appKey: st.appKey,
      authUrl: st.authUrl,
      apiBaseUrl: st.apiBaseUrl,
    };
    const wrong = await call('connection.testUnsaved', {
      system: 'servicetitan',
      servicetitan: { ...values, clientSecret: 'not-the-secret' },
    });
    expect(wrong.ok).toBe(false);
    expect(wrong.checks[0].ok).toBe(false);
    const right = await call('connection.testUnsaved', {
      system: 'servicetitan',
      servicetitan: { ...values, clientSecret: st.clientSecret },
    });
    expect(right.ok).toBe(true);
    expect(right.checks.length).toBeGreaterThan(1);
    expect(host.services.settings.read().profiles).toEqual([]);
  });

  it('tests typed Visma values the same way', async () => {
    const v = sims.config.visma;
    const values = {
      environment: 'sandbox',
      tenantId: v.tenantId,
      companyId: v.companyId,
      clientId: v.clientId,
      tokenUrl: v.tokenUrl,
      apiBaseUrl: v.apiBaseUrl,
    };
    const wrong = await call('connection.testUnsaved', {
      system: 'visma',
      visma: { ...values, clientSecret: 'wrong' },
    });
    expect(wrong.ok).toBe(false);
    const right = await call('connection.testUnsaved', {
      system: 'visma',
      visma: { ...values, clientSecret: v.clientSecret },
    });
    expect(right.ok).toBe(true);
  });

  it('keeps drafts without secrets and stores secrets only for a draft or profile', async () => {
    const draft = {
      profileId: 'acme',
      mode: 'connect',
      step: 'servicetitan',
      form: {
        name: 'Acme',
        timeZone: 'Europe/Oslo',
        stEnvironment: 'integration',
        stTenantId: '1',
        stClientId: 'c',
        stAuthUrl: '',
        stApiBaseUrl: '',
        vismaEnvironment: 'sandbox',
        vismaTenantId: '',
        vismaCompanyId: '',
        vismaCompanyName: '',
        vismaClientId: '',
        vismaTokenUrl: '',
        vismaApiBaseUrl: '',
      },
      stored: { servicetitan: 'none', visma: 'none' },
      updatedAt: '2026-01-05T10:00:00.000Z',
    };
    const secretInDraft = await dispatch(handlers, 'setup.saveDraft', {
      draft: { ...draft, form: { ...draft.form, stClientSecret: 'x' } },
    });
    expect(secretInDraft).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await call('setup.saveDraft', { draft });
    expect((await call('setup.drafts', {})).drafts).toEqual([draft]);
    const stray = await dispatch(handlers, 'setup.storeSecrets', {
      profileId: 'nobody',
      secrets: { 'servicetitan.appKey': 'k' },
    });
    expect(stray).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await call('setup.storeSecrets', { profileId: 'acme', secrets: { 'servicetitan.appKey': 'key-1' } });
    expect(await host.services.secrets.get('acme', 'servicetitan.appKey')).toBe('key-1');
    expect(await call('setup.deleteDraft', { profileId: 'acme' })).toEqual({ deleted: true });
    expect((await call('setup.drafts', {})).drafts).toEqual([]);
  });

  it('starts the demo, reads master data with progress, previews without posting, and the first sync posts the preview', async () => {
    const { profile } = await call('setup.startDemo', {});
    expect(profile).toMatchObject({ id: 'demo', demo: true });
    const progress: number[] = [];
    const stop = host.services.events.subscribe((event, payload) => {
      if (event === 'setup.progress') progress.push((payload as { done: number }).done);
    });
    const counts = await call('setup.readMasterData', { profileId: 'demo' });
    stop();
    expect(progress.at(-1)).toBe(15);
    // The read ends with matching: the map step shows what is matched and what is left without a sync.
    expect(counts.matched.vendors.linked).toBeGreaterThan(0);
    const customers = await call('mappings.links', { profileId: 'demo', kind: 'customer' });
    expect(customers.counts.matched).toBe(counts.matched.customers.linked);
    expect(customers.counts.suggested).toBe(counts.matched.customers.suggested);
    expect(customers.total).toBe(counts.customers.servicetitan);
    expect(counts.glAccounts.visma).toBeGreaterThan(0);
    expect(counts.customers.servicetitan).toBeGreaterThan(0);
    expect(counts.taxZones.servicetitan).toBeGreaterThan(0);

    const preview = await call('setup.preview', { profileId: 'demo' });
    expect(preview.wouldPost).toBeGreaterThan(0);
    expect(preview.documents.length).toBe(Math.min(200, preview.wouldPost + preview.wouldWait));
    const db = host.services.ledger;
    expect(listOutbox(db, 'demo', ['posted', 'released', 'exported'])).toEqual([]);

    const { summary } = await call('sync.run', { profileId: 'demo' });
    expect(summary.documents.invoices.posted + summary.documents.bills.posted).toBeGreaterThanOrEqual(
      preview.wouldPost,
    );
    const lines = (planned: any) =>
      planned.lines.map((l: any) => [l.accountNumber, l.amount, l.vatCodeId ?? null, l.description]);
    for (const doc of preview.documents.filter((d: any) => d.outcome === 'ready')) {
      const row = listOutbox(db, 'demo').find((r) => r.id === doc.id)!;
      expect(row.plannedJson).not.toBeNull();
      expect(lines(JSON.parse(row.plannedJson!))).toEqual(lines(doc.planned));
    }
  });
});
