import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch';
import { EngineService } from '../../../main/api/engine-service';
import { EventBus } from '../../../main/api/events';
import { createHandlers } from '../../../main/api/handlers';
import type { AppServices } from '../../../main/api/services';
import { listAudit } from '../../../main/storage/audit';
import { listBackups } from '../../../main/storage/backups';
import { LedgerStore } from '../../../main/storage/ledger-store';
import { upsertProfile } from '../../../main/storage/profiles';
import { JsonFileSettingsStore } from '../../../main/storage/settings';
import { SECRET_KINDS } from '../../../main/storage/secrets';
import type { ProfileConfig } from '../../../shared/profile-config';
import { TestSecretStore } from '../../support/memory-stores';

/** Secret values no redactor has seen: the fake keychain below never registers them. */
const SECRET = {
  stClient: 'DIAG-st-client-secret-91f0c2',
  stAppKey: 'DIAG-st-app-key-7d7d31',
  vismaClient: 'DIAG-visma-client-secret-ab12cd',
  hmacKey: 'DIAG-webhook-hmac-key-0123456789abcdef01',
};

const real: ProfileConfig = {
  id: 'nordic-hvac',
  name: 'Nordic HVAC AS',
  timeZone: 'Europe/Oslo',
  servicetitan: {
    environment: 'production',
    authUrl: 'https://auth.servicetitan.io/connect/token',
    apiBaseUrl: 'https://api.servicetitan.io',
    tenantId: '1234567',
    clientId: 'cid.nordic',
    clientSecret: SECRET.stClient,
    appKey: SECRET.stAppKey,
  },
  visma: {
    environment: 'production',
    tokenUrl: 'https://connect.visma.com/connect/token',
    apiBaseUrl: 'https://api.finance.visma.net',
    tenantId: 'vt-1',
    companyId: '5012345',
    clientId: 'isv_nordic',
    clientSecret: SECRET.vismaClient,
  },
  webhook: {
    enabled: false,
    port: 0,
    signatureHeader: 'x-sig',
    signatureEncoding: 'hex',
    hmacKey: SECRET.hmacKey,
  },
  sync: { schedule: '*/15 * * * *' } as ProfileConfig['sync'],
};

/** As `st-visma demo` makes it: id `demo`, both APIs on this computer's simulators. */
const demo: ProfileConfig = {
  id: 'demo',
  name: 'Demo: Nordic Comfort Heating & Plumbing',
  timeZone: 'Europe/Oslo',
  servicetitan: {
    environment: 'integration',
    authUrl: 'http://127.0.0.1:40001/connect/token',
    apiBaseUrl: 'http://127.0.0.1:40001',
    tenantId: '42',
    clientId: 'cid.demo',
    clientSecret: 'demo-client-secret-xyz',
    appKey: 'demo-app-key-xyz',
  },
  visma: {
    environment: 'sandbox',
    tokenUrl: 'http://127.0.0.1:40002/connect/token',
    apiBaseUrl: 'http://127.0.0.1:40002',
    tenantId: 'demo-tenant',
    companyId: '1',
    clientId: 'demo-visma',
    clientSecret: 'demo-visma-secret-xyz',
  },
};

describe('profile administration handlers (remove, Windows task, data folder, diagnostics)', () => {
  let dataDir: string;
  let store: LedgerStore;
  let services: AppServices;
  let secrets: TestSecretStore;
  let engine: EngineService;
  const call = (name: string, input: unknown = {}) => dispatch(createHandlers(services, engine), name, input);

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'st-visma-admin-'));
    store = new LedgerStore(join(dataDir, 'ledger.sqlite'));
    store.open();
    secrets = new TestSecretStore();
    services = {
      settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')),
      secrets,
      ledger: store.ledger,
      ledgerStore: store,
      events: new EventBus(),
      host: 'browser',
      dataDir,
      demo: false,
      version: '9.9.9-test',
    };
    engine = new EngineService(services);
    await upsertProfile(services.settings, demo, secrets);
    await upsertProfile(services.settings, real, secrets);
    services.settings.update((s) => ({ ...s, activeProfileId: 'nordic-hvac' }));
  });

  afterEach(async () => {
    await engine.close();
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('marks the demo profile (made as the CLI demo makes it) and only that one', async () => {
    const r = await call('profiles.list');
    expect(r.ok && (r.value as { profiles: { id: string; demo?: boolean }[] }).profiles).toEqual([
      expect.objectContaining({ id: 'demo', demo: true }),
      expect.not.objectContaining({ demo: true }),
    ]);
  });

  it('refuses to remove a real profile without the typed id or name, and changes nothing', async () => {
    for (const confirmation of [undefined, '', 'nordic', 'demo']) {
      const r = await call('profiles.remove', { profileId: 'nordic-hvac', confirmation });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(Object.values(await secrets.status('nordic-hvac')).every(Boolean)).toBe(true);
    expect(services.settings.read().profiles).toHaveLength(2);
    expect(listBackups(store.file)).toHaveLength(0);
  });

  it('removes a real profile: every kind of secret deleted, the ledger kept as a backup, audited, a sensible active one', async () => {
    const r = await call('profiles.remove', { profileId: 'nordic-hvac', confirmation: '  Nordic HVAC AS ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const removal = r.value as {
      secretsDeleted: string[];
      backupFile: string;
      backup: { reason: string };
      activeProfileId: string | null;
      demo: boolean;
    };
    expect(removal.demo).toBe(false);
    expect([...removal.secretsDeleted].sort()).toEqual([...SECRET_KINDS].sort());
    for (const kind of SECRET_KINDS) expect(await secrets.get('nordic-hvac', kind)).toBeNull();
    expect(removal.backup.reason).toBe('profile-removed');
    expect(statSync(removal.backupFile).size).toBeGreaterThan(0);
    expect(listBackups(store.file).map((b) => b.file)).toEqual([removal.backupFile]);
    // Only the demo is left, so it becomes active.
    expect(removal.activeProfileId).toBe('demo');
    expect(services.settings.read().profiles.map((p) => p.id)).toEqual(['demo']);
    const [entry] = listAudit(store.ledger, { action: 'profile.removed', limit: 5 });
    expect(entry?.profileId).toBe('nordic-hvac');
    expect(entry?.message).toContain(removal.backupFile);
    expect(
      await call('profiles.remove', { profileId: 'nordic-hvac', confirmation: 'nordic-hvac' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('removes a demo profile in one call, without a confirmation; the real profile stays active', async () => {
    const r = await call('profiles.remove', { profileId: 'demo' });
    expect(r).toMatchObject({ ok: true, value: { demo: true, activeProfileId: 'nordic-hvac' } });
    expect(Object.values(await secrets.status('demo')).some(Boolean)).toBe(false);
    expect(Object.values(await secrets.status('nordic-hvac')).every(Boolean)).toBe(true);
  });

  it('never prunes the backup kept at a removal', async () => {
    await call('profiles.remove', { profileId: 'demo' });
    for (let i = 0; i < 9; i++) expect((await call('ledger.backup')).ok).toBe(true);
    const backups = listBackups(store.file);
    expect(backups.filter((b) => b.reason === 'profile-removed')).toHaveLength(1);
    expect(backups.filter((b) => b.reason === 'manual')).toHaveLength(7);
  });

  it('prints the Windows task of a profile, calling this host’s CLI with the data folder and profile', async () => {
    const r = await call('profiles.windowsTask', { profileId: 'nordic-hvac' });
    expect(r).toMatchObject({
      ok: true,
      value: {
        taskName: 'ST-Visma sync nordic-hvac',
        schedule: '*/15 * * * *',
        problem: null,
        canRun: false,
      },
    });
    const command = r.ok ? (r.value as { command: string }).command : '';
    expect(command).toMatch(/^schtasks \/Create \/TN "ST-Visma sync nordic-hvac" \/TR ".* sync --data-dir /);
    expect(command).toContain(`--profile nordic-hvac" /SC MINUTE /MO 15 /ST 00:00 /F`);
    expect(command).toContain(dataDir);
    expect(await call('profiles.windowsTask', { profileId: 'demo' })).toMatchObject({
      ok: true,
      value: { problem: 'no_schedule', command: null },
    });
    expect(await call('profiles.createWindowsTask', { profileId: 'nordic-hvac' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('names the data folder without opening it outside the app', async () => {
    expect(await call('app.openDataFolder')).toEqual({ ok: true, value: { path: dataDir, opened: false } });
  });

  it('exports diagnostics in which no secret appears, even ones only the keychain knew', async () => {
    // Stored in the keychain by another process (the app's main process, the CLI): no redactor here has seen it.
    const onlyInKeychain = 'DIAG-rotated-only-in-the-keychain-5e5e';
    await secrets.set('nordic-hvac', 'visma.clientSecret', onlyInKeychain);
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    // A log line that escaped redaction (as an older version might have written it), and one with a token.
    writeFileSync(
      join(dataDir, 'logs', 'app.log'),
      [
        JSON.stringify({ level: 'info', message: `token request with client_secret ${SECRET.stClient}` }),
        JSON.stringify({ level: 'info', message: `headers ST-App-Key: ${SECRET.stAppKey}` }),
        JSON.stringify({
          level: 'warn',
          message: `visma said no to ${SECRET.vismaClient}; hmac ${SECRET.hmacKey}`,
        }),
        JSON.stringify({ level: 'error', message: `refused ${onlyInKeychain} (rotated)` }),
        JSON.stringify({
          level: 'info',
          message: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.signature',
        }),
        '',
      ].join('\n'),
    );
    const r = await call('diagnostics.export');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = r.value as { folder: string; files: string[]; secretsKnown: number };
    expect(out.folder.startsWith(join(dataDir, 'diagnostics'))).toBe(true);
    expect(out.secretsKnown).toBe(4 + 3);
    expect(out.files).toEqual(
      expect.arrayContaining([
        'versions.json',
        'settings.json',
        'secrets.json',
        'ledger.json',
        join('logs', 'app.log'),
      ]),
    );
    const texts = readdirSync(out.folder, { recursive: true, encoding: 'utf8' })
      .map((name) => join(out.folder, name))
      .filter((file) => statSync(file).isFile())
      .map((file) => readFileSync(file, 'utf8'));
    const everything = texts.join('\n');
    for (const value of [
      ...Object.values(SECRET),
      onlyInKeychain,
      'demo-client-secret-xyz',
      'demo-visma-secret-xyz',
    ])
      expect(everything).not.toContain(value);
    expect(everything).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    const log = readFileSync(join(out.folder, 'logs', 'app.log'), 'utf8');
    expect(log.match(/\[HIDDEN\]/g)?.length).toBeGreaterThanOrEqual(6);

    const versions = JSON.parse(readFileSync(join(out.folder, 'versions.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(versions).toMatchObject({ app: '9.9.9-test', node: process.versions.node, electron: null });
    const ledger = JSON.parse(readFileSync(join(out.folder, 'ledger.json'), 'utf8')) as {
      state: string;
      sizeBytes: number;
      tables: Record<string, unknown>;
    };
    expect(ledger.state).toBe('open');
    expect(ledger.sizeBytes).toBeGreaterThan(0);
    expect(Object.keys(ledger.tables)).toEqual(
      expect.arrayContaining(['outbox', 'source_documents', 'audit_log']),
    );
    const status = JSON.parse(readFileSync(join(out.folder, 'secrets.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(status['nordic-hvac']).toMatchObject({ 'visma.clientSecret': true });
  });
});
