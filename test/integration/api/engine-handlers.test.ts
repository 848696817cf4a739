import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/api/dispatch';
import { startSimulators, type RunningSimulators } from '../../../main/cli/simulators';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { listOutbox } from '../../../main/engine/outbox/store';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { upsertProfile } from '../../../main/storage/profiles';
import { MemorySecretStore } from '../../../main/storage/secrets';
import { createHandlers } from '../../../main/api/handlers';
import { signBody } from '../../simulators/servicetitan';

let sims: RunningSimulators;
let host: BrowserHost;
let handlers: Handlers;

async function call(channel: string, input: unknown): Promise<any> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  sims = await startSimulators({ seed: 3, invoices: 60, bills: 20 });
  const secrets = new MemorySecretStore();
  host = await startBrowserHost({
    dataDir: mkdtempSync(join(tmpdir(), 'api-')),
    demo: true,
    secrets,
    rendererDir: tmpdir(),
  });
  await upsertProfile(host.services.settings, sims.config, secrets);
  importMappings(host.services.ledger, sims.config.id, sims.mappings, 'system');
  handlers = createHandlers(host.services, host.engine);
});

afterAll(async () => {
  await host.close();
  await sims.stop();
});

describe('engine channels over the simulators', () => {
  it('tests both connections with a check per need', async () => {
    const st = await call('connection.test', { profileId: 'demo', system: 'servicetitan' });
    const visma = await call('connection.test', { profileId: 'demo', system: 'visma' });
    expect(st.ok).toBe(true);
    expect(visma.ok).toBe(true);
    expect(visma.checks.length).toBeGreaterThan(3);
  });

  it('runs Sync now with progress events and shows it on the dashboard', async () => {
    const phases: string[] = [];
    const stop = host.services.events.subscribe((event, payload) => {
      if (event === 'sync.progress') phases.push((payload as { phase: string }).phase);
    });
    const { summary } = await call('sync.run', { profileId: 'demo' });
    stop();
    expect(summary.documents.invoices.posted).toBeGreaterThan(0);
    expect(phases.at(-1)).toBe('done');
    const dashboard = await call('dashboard.get', { profileId: 'demo' });
    expect(dashboard.lastRun.id).toBe(summary.runId);
    expect(dashboard.lastRun.summary.documents.invoices.posted).toBe(summary.documents.invoices.posted);
    expect(dashboard.outboxByState.exported).toBeGreaterThan(0);
    // The queue's count is its documents (what the run reports) plus its master-data questions.
    const queue = await call('review.list', { profileId: 'demo' });
    const questions = queue.items.filter((i: { kind: string }) => i.kind !== 'document').length;
    expect(dashboard.reviewQuestions).toBe(questions);
    expect(dashboard.reviewCount - dashboard.reviewQuestions).toBe(summary.reviewQueue);
    expect(
      dashboard.volume.reduce((n: number, p: { invoices: number }) => n + p.invoices, 0),
    ).toBeGreaterThan(0);
  });

  it('lists the review queue with actions, previews and ignores with a reason', async () => {
    const { items } = await call('review.list', { profileId: 'demo' });
    const doc = items.find((i: any) => i.kind === 'document' && i.actions.includes('ignore'));
    expect(doc).toBeDefined();
    const preview = await call('review.preview', { profileId: 'demo', id: doc.id });
    expect(preview.id).toBe(doc.id);
    expect(['ready', 'blocked', 'correct-in-place', 'not-replayable']).toContain(preview.outcome);
    const short = await dispatch(handlers, 'review.ignore', { profileId: 'demo', id: doc.id, reason: 'x' });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await call('review.ignore', { profileId: 'demo', id: doc.id, reason: 'Duplicate entered by the office' });
    const after = await call('review.list', { profileId: 'demo' });
    expect(after.items.find((i: any) => i.id === doc.id)).toBeUndefined();
  });

  it('shows the audit trail with ServiceTitan and Visma numbers and GL batches', async () => {
    const { entries } = await call('audit.list', { profileId: 'demo', limit: 1000 });
    const exported = entries.filter((e: any) => e.action === 'document.exported');
    expect(exported.length).toBeGreaterThan(0);
    for (const e of exported) {
      expect(e.sourceNumber).toBeTruthy();
      expect(e.stModifiedOn).toBeTruthy();
      expect(e.vismaDocNumber).toBeTruthy();
      expect(e.glBatchNumber).toBeTruthy();
    }
    const ignored = await call('audit.list', { profileId: 'demo', search: 'Duplicate entered' });
    expect(ignored.entries.length).toBeGreaterThan(0);
  });

  it('exports the period as the auditor CSV and the printable report, in English unless told', async () => {
    const posted = listOutbox(host.services.ledger, 'demo').find((r) => r.state === 'exported')!;
    const planned = (JSON.parse(posted.plannedJson ?? '{}') as { financialPeriod: string }).financialPeriod;
    const period = `${planned.slice(0, 4)}-${planned.slice(4)}`;
    const en = await call('reconcile.export', { profileId: 'demo', period });
    expect(en.filename).toBe(`reconciliation-demo-${period}.csv`);
    expect(en.csv).toContain(`\r\nPeriod;${period}\r\n`);
    const nb = await call('reconcile.export', { profileId: 'demo', period, locale: 'nb', format: 'csv' });
    expect(nb.csv).toContain(`\r\nPeriode;${period}\r\n`);
    const report = await call('reconcile.report', { profileId: 'demo', period, locale: 'nb' });
    expect(report.filename).toBe(`reconciliation-demo-${period}.html`);
    expect(report.html).toContain('<html lang="nb">');
    const html = await dispatch(handlers, 'reconcile.export', { profileId: 'demo', period, format: 'html' });
    expect(html).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('edits mappings and refuses unknown tables in plain words', async () => {
    const set = await call('mappings.set', {
      profileId: 'demo',
      table: 'revenueBySku',
      sourceKey: '999',
      target: { account: '3000' },
    });
    expect(set.rules).toContainEqual({
      table: 'revenueBySku',
      sourceKey: '999',
      target: { account: '3000' },
      names: { account: expect.any(String) },
    });
    for (const [account, message] of [
      ['9999', 'Visma has no account 9999 (the rule revenueBySku "998").'],
      ['3099', /^Visma account 3099 "Gammel salgskonto \(inactive\)" is inactive/],
    ] as const) {
      const refused = await dispatch(handlers, 'mappings.set', {
        profileId: 'demo',
        table: 'revenueBySku',
        sourceKey: '998',
        target: { account },
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message } });
    }
    const removed = await call('mappings.set', {
      profileId: 'demo',
      table: 'revenueBySku',
      sourceKey: '999',
      target: null,
    });
    expect(removed.rules.find((r: any) => r.sourceKey === '999')).toBeUndefined();
    const bad = await dispatch(handlers, 'mappings.set', {
      profileId: 'demo',
      table: 'nope',
      sourceKey: '1',
      target: null,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('edits the sync settings, refuses a bad schedule, and runs the webhook receiver once enabled with a key', async () => {
    const defaults = await call('profiles.getSettings', { profileId: 'demo' });
    expect(defaults).toMatchObject({
      holdingAccount: null,
      schedule: null,
      webhook: { enabled: false, listeningOn: null },
    });
    const bad = await dispatch(handlers, 'profiles.setSettings', {
      profileId: 'demo',
      settings: { schedule: 'every day' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const key = 'k'.repeat(40);
    await call('secrets.set', { profileId: 'demo', kind: 'webhook.hmacKey', value: key });
    const changed = await call('profiles.setSettings', {
      profileId: 'demo',
      settings: { holdingAccount: '2900', schedule: '0 6 * * 1-5', webhook: { enabled: true } },
    });
    expect(changed).toMatchObject({
      holdingAccount: '2900',
      schedule: '0 6 * * 1-5',
      webhook: { enabled: true, hmacKeySet: true },
    });
    expect(changed.webhook.listeningOn).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const body = JSON.stringify({
      specversion: '1.0',
      id: 'evt-api-1',
      type: 'tn.acc.invoice-posted',
      time: new Date().toISOString(),
      source: 'https://webhooks.servicetitan.io',
      data: { invoice: { id: 1 }, tenantId: 1 },
    });
    const runs = new Promise<void>((resolve) => {
      const stop = host.services.events.subscribe((event, payload) => {
        if (event === 'sync.progress' && ['done', 'failed'].includes((payload as { phase: string }).phase)) {
          stop();
          resolve();
        }
      });
    });
    const res = await fetch(changed.webhook.listeningOn, {
      method: 'POST',
      body,
      headers: { 'x-servicetitan-signature': signBody(body, key, 'hex'), 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    await runs;
    const dashboard = await call('dashboard.get', { profileId: 'demo' });
    expect(dashboard.lastRun.trigger).toBe('webhook');
    const off = await call('profiles.setSettings', {
      profileId: 'demo',
      settings: { webhook: { enabled: false }, holdingAccount: null },
    });
    expect(off.webhook.listeningOn).toBeNull();
  });

  it('never syncs a ServiceTitan test tenant into a production Visma company until confirmed (audited)', async () => {
    await call('profiles.save', {
      profile: {
        id: 'mixed',
        name: 'Sandbox into real books',
        timeZone: 'Europe/Oslo',
        servicetitan: { environment: 'integration', tenantId: '5', clientId: 'cid.m' },
        visma: {
          environment: 'production',
          tenantId: 't',
          companyId: '77',
          companyName: 'Real Books AS',
          clientId: 'v',
        },
      },
      secrets: {
        'servicetitan.clientSecret': 'mixed-secret-1',
        'servicetitan.appKey': 'mixed-key-1',
        'visma.clientSecret': 'mixed-secret-2',
      },
    });
    const listed = await call('profiles.list', {});
    expect(listed.profiles.find((p: any) => p.id === 'mixed').crossEnvironment).toBe('unconfirmed');
    const refused = await dispatch(handlers, 'sync.run', { profileId: 'mixed' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'service_failed' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Real Books AS/);
    const confirmed = await call('profiles.confirmEnvironments', { profileId: 'mixed' });
    expect(confirmed.profile.crossEnvironment).toBe('confirmed');
    await expect(host.engine.ports('mixed')).resolves.toBeDefined();
    const audit = await call('audit.list', { profileId: 'mixed', search: 'Real Books AS' });
    expect(audit.entries[0]).toMatchObject({ action: 'profile.cross-environment-confirmed', actor: 'user' });
    const notNeeded = await dispatch(handlers, 'profiles.confirmEnvironments', { profileId: 'demo' });
    expect(notNeeded).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('saves a new profile with secrets kept out of the reply and fills the production hosts', async () => {
    const saved = await call('profiles.save', {
      profile: {
        id: 'oslo',
        name: 'Oslo Rør AS',
        timeZone: 'Europe/Oslo',
        servicetitan: { environment: 'production', tenantId: '123', clientId: 'cid.x' },
        visma: { environment: 'production', tenantId: 'ten', companyId: '42', clientId: 'isv_x' },
      },
      secrets: { 'servicetitan.clientSecret': 'very-secret-value-1' },
    });
    expect(JSON.stringify(saved)).not.toContain('very-secret-value-1');
    const stored = host.services.settings.read().profiles.find((p) => p.id === 'oslo');
    expect(stored?.servicetitan.apiBaseUrl).toBe('https://api.servicetitan.io');
    expect(stored?.visma.tokenUrl).toBe('https://connect.visma.com/connect/token');
    const status = await call('secrets.status', { profileId: 'oslo' });
    expect(status.secrets['servicetitan.clientSecret']).toBe(true);
    const { profile } = await call('profiles.get', { profileId: 'demo' });
    expect(JSON.stringify(profile)).not.toMatch(/clientSecret|appKey/);
    await call('profiles.save', {
      profile: {
        ...profile,
        name: 'Renamed demo',
        servicetitan: { ...profile.servicetitan, authUrl: undefined, apiBaseUrl: undefined },
      },
    });
    const demo = host.services.settings.read().profiles.find((p) => p.id === 'demo');
    expect(demo?.name).toBe('Renamed demo');
    expect(demo?.servicetitan.apiBaseUrl).toBe(sims.config.servicetitan.apiBaseUrl);
    const test = await call('connection.test', { profileId: 'oslo', system: 'visma' });
    expect(test.ok).toBe(false);
    expect(test.checks[0].message).toMatch(/visma.clientSecret/);
  });
});
