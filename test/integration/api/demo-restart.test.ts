import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch';
import { createHandlers } from '../../../main/api/handlers';
import { listOutbox } from '../../../main/engine/outbox/store';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { listAudit } from '../../../main/storage/audit';
import { MemorySecretStore } from '../../../main/storage/secrets/memory-secret-store';

const open: BrowserHost[] = [];

async function startHost(dataDir: string): Promise<BrowserHost> {
  // An installed app's host (not `st-visma demo`): the demo profile is one the wizard made.
  const host = await startBrowserHost({ dataDir, secrets: new MemorySecretStore(), rendererDir: tmpdir() });
  open.push(host);
  return host;
}

async function call(host: BrowserHost, channel: string, input: unknown): Promise<any> {
  const result = await dispatch(createHandlers(host.services, host.engine), channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

afterEach(async () => {
  for (const host of open.splice(0)) await host.close();
});

describe('a demo made in the wizard, after the app restarts', () => {
  it('gets fresh demo companies: the profile reaches them and the first sync posts again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'demo-restart-'));
    const first = await startHost(dataDir);
    await call(first, 'setup.startDemo', {});
    const before = first.services.settings.read().profiles.find((p) => p.id === 'demo')!;
    const firstRun = (await call(first, 'sync.run', { profileId: 'demo' })).summary;
    const posted = firstRun.documents.invoices.posted + firstRun.documents.bills.posted;
    expect(posted).toBeGreaterThan(0);
    await first.close();
    open.splice(0);

    const second = await startHost(dataDir);
    const after = second.services.settings.read().profiles.find((p) => p.id === 'demo')!;
    expect(after.visma.apiBaseUrl).not.toBe(before.visma.apiBaseUrl);
    expect(listOutbox(second.services.ledger, 'demo')).toEqual([]);
    for (const system of ['servicetitan', 'visma'])
      expect((await call(second, 'connection.test', { profileId: 'demo', system })).ok).toBe(true);
    const again = (await call(second, 'sync.run', { profileId: 'demo' })).summary;
    expect(again.outcome).toBe(firstRun.outcome);
    expect(again.documents.invoices.posted + again.documents.bills.posted).toBe(posted);
    const audit = (action: string) =>
      listAudit(second.services.ledger, { profileId: 'demo', action, limit: 1000 });
    expect(audit('profile.demo-restarted')).toHaveLength(1);
    // The audit log keeps the history of the first companies.
    expect(audit('document.posted').length).toBe(2 * posted);
  });
});
