import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/api/dispatch';
import { EngineService } from '../../../main/api/engine-service';
import { EventBus } from '../../../main/api/events';
import { createHandlers } from '../../../main/api/handlers';
import { exportMappings } from '../../../main/engine/mapping/rule-store';
import { openLedger } from '../../../main/storage/ledger';
import { upsertProfile } from '../../../main/storage/profiles';
import { MemorySecretStore } from '../../../main/storage/secrets';
import { JsonFileSettingsStore } from '../../../main/storage/settings';
import type { Ledger } from '../../../main/storage/types';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';
import { configFor, startHarness, type Harness } from '../engine/harness';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');

/** The seed mappings with customer links added (ServiceTitan id → Visma number). */
const withLinks = (customers: Record<string, string>) => ({
  ...SEED_MAPPINGS,
  links: { customers, suppliers: {} },
});

describe('a mapping import is checked against Visma before it is applied (issue 13, acceptance 3)', () => {
  let h: Harness;
  let dir: string;
  let db: Ledger;
  let handlers: Handlers;

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 5, bills: 2 }, mappings: false });
    dir = mkdtempSync(join(tmpdir(), 'mapping-import-'));
    db = openLedger(join(dir, 'ledger.sqlite'));
    const settings = new JsonFileSettingsStore(join(dir, 'settings.json'));
    const secrets = new MemorySecretStore();
    const config = configFor(h.st, h.visma);
    await upsertProfile(settings, config, secrets);
    const events = new EventBus();
    const services = {
      settings,
      secrets,
      ledger: db,
      events,
      host: 'browser' as const,
      dataDir: dir,
      demo: true,
      version: 'test',
    };
    handlers = createHandlers(services, new EngineService({ settings, secrets, ledger: db, events }));
  });

  afterAll(async () => {
    db?.close();
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads Visma first, names a missing and an inactive customer, and changes nothing', async () => {
    const content = JSON.stringify(withLinks({ '1': '99999', '2': '10005', '3': '10001' }));
    const result = await dispatch(handlers, 'mappings.import', {
      profileId: 'test',
      format: 'json',
      content,
      apply: true,
    });
    expect(result.ok).toBe(true);
    const plan = (result as { value: any }).value;
    expect(plan.applied).toBe(false);
    expect(plan.refusals).toEqual([
      {
        table: 'links.customers',
        key: '1',
        field: 'number',
        what: 'customer',
        value: '99999',
        code: 'missing',
      },
      {
        table: 'links.customers',
        key: '2',
        field: 'number',
        what: 'customer',
        value: '10005',
        code: 'inactive',
        name: 'Gamle Bygg AS',
      },
    ]);
    // The rules themselves name accounts and cost centres the simulated company has: only the links are refused.
    expect(plan.adds.length).toBeGreaterThan(10);
    expect(exportMappings(db, 'test').links.customers).toEqual({});
    expect(Object.keys(exportMappings(db, 'test').rules.expenseByGlAccount)).toEqual([]);
  });

  it('applies a clean file and says what it changed; a CSV of the result imports back unchanged', async () => {
    const content = JSON.stringify(withLinks({ '3': '10001' }));
    const result = await dispatch(handlers, 'mappings.import', {
      profileId: 'test',
      format: 'json',
      content,
      apply: true,
    });
    expect(result).toMatchObject({ ok: true, value: { applied: true, refusals: [] } });
    expect(exportMappings(db, 'test').links.customers).toEqual({ '3': '10001' });
    const csv = await dispatch(handlers, 'mappings.export', { profileId: 'test', format: 'csv' });
    const text = (csv as { value: { content: string } }).value.content;
    expect(text).toContain('expenseByGlAccount,6800,account,6540,');
    const again = await dispatch(handlers, 'mappings.import', {
      profileId: 'test',
      format: 'csv',
      content: text,
      apply: false,
    });
    expect(again).toMatchObject({
      ok: true,
      value: { adds: [], changes: [], removals: [], refusals: [], applied: false },
    });
  });

  it('`mappings import` on the command line refuses a link to a customer Visma does not have', async () => {
    const cliDir = mkdtempSync(join(tmpdir(), 'mapping-import-cli-'));
    try {
      const config = join(cliDir, 'profile.json');
      writeFileSync(config, JSON.stringify(configFor(h.st, h.visma)));
      const cli = (...args: string[]) =>
        run(
          process.execPath,
          [join(root, 'bin/st-visma.mjs'), ...args, '--config', config, '--data-dir', cliDir],
          {
            cwd: root,
          },
        );
      const bad = join(cliDir, 'bad.json');
      writeFileSync(bad, JSON.stringify(withLinks({ '1': '99999' })));
      const refused = await cli('mappings', 'import', bad).then(
        () => undefined,
        (err: { code: number; stderr: string }) => err,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toContain('Visma has no customer 99999 (the link of ServiceTitan customer 1).');
      const good = join(cliDir, 'good.json');
      writeFileSync(good, JSON.stringify(withLinks({ '3': '10001' })));
      const dry = JSON.parse((await cli('mappings', 'import', good, '--dry-run', '--json')).stdout) as {
        applied: boolean;
        adds: unknown[];
        rules: number;
      };
      expect(dry).toMatchObject({ applied: false, rules: 0 });
      expect(dry.adds.length).toBeGreaterThan(10);
      const done = JSON.parse((await cli('mappings', 'import', good, '--json')).stdout) as {
        applied: boolean;
        links: number;
      };
      expect(done).toMatchObject({ applied: true, links: 1 });
    } finally {
      rmSync(cliDir, { recursive: true, force: true });
    }
  });
});
