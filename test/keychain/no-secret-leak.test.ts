import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/events';
import { createHandlers } from '../../main/api/handlers';
import { logger, type LogRecord } from '../../main/log/logger';
import { appendAudit } from '../../main/storage/audit';
import { openLedger } from '../../main/storage/ledger';
import { loadProfileConfig, upsertProfile } from '../../main/storage/profiles';
import { KeytarSecretStore } from '../../main/storage/secrets';
import { JsonFileSettingsStore } from '../../main/storage/settings';
import type { ProfileConfig } from '../../shared/profile-config';

const SECRETS = {
  stClient: 'LEAK-st-client-secret-7f3a9c',
  stAppKey: 'LEAK-st-app-key-51be07',
  vismaClient: 'LEAK-visma-client-secret-c0ffee',
  hmacKey: 'LEAK-webhook-hmac-key-0123456789abcdef0123',
  typedInUi: 'LEAK-typed-in-the-settings-screen-9d2e',
  rotated: 'LEAK-rotated-visma-secret-4411aa',
};

function profile(): ProfileConfig {
  return {
    id: 'leakcheck',
    name: 'Leak check',
    timeZone: 'Europe/Oslo',
    servicetitan: {
      environment: 'integration',
      authUrl: 'https://auth-integration.servicetitan.io/connect/token',
      apiBaseUrl: 'https://api-integration.servicetitan.io',
      tenantId: '4242',
      clientId: 'cid.leak',
      clientSecret: SECRETS.stClient,
      appKey: SECRETS.stAppKey,
    },
    visma: {
      environment: 'sandbox',
      tokenUrl: 'https://connect.visma.com/connect/token',
      apiBaseUrl: 'https://api.finance.visma.net',
      tenantId: 'vt-leak',
      companyId: '99',
      clientId: 'isv_leak',
      clientSecret: SECRETS.vismaClient,
    },
    webhook: {
      enabled: true,
      port: 0,
      signatureHeader: 'x-sig',
      signatureEncoding: 'hex',
      hmacKey: SECRETS.hmacKey,
    },
  };
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

describe('no secret value leaves the keychain', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'leak-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves no secret in the data folder, the log output or any IPC reply', async () => {
    const captured: LogRecord[] = [];
    const unsubscribe = logger.subscribe((r) => captured.push(r));
    logger.toFile(join(dataDir, 'logs', 'main.log'));

    const settings = new JsonFileSettingsStore(join(dataDir, 'settings.json'));
    const secrets = new KeytarSecretStore();
    const ledger = openLedger(join(dataDir, 'ledger.sqlite'));
    const handlers = createHandlers({
      settings,
      secrets,
      ledger,
      events: new EventBus(),
      host: 'electron',
      dataDir,
      demo: false,
      version: '0.0.0-test',
    });

    // Profiles: secrets split into the keychain, the rest into settings; then joined back.
    await upsertProfile(settings, profile(), secrets);
    expect(await loadProfileConfig(settings, secrets, 'leakcheck')).toEqual(profile());

    // The IPC path: set, status, a rejected call carrying a secret in an unexpected field, delete.
    const replies = [
      await dispatch(handlers, 'secrets.set', {
        profileId: 'leakcheck',
        kind: 'visma.clientSecret',
        value: SECRETS.typedInUi,
      }),
      await dispatch(handlers, 'secrets.status', { profileId: 'leakcheck' }),
      await dispatch(handlers, 'secrets.set', {
        profileId: 'leakcheck',
        kind: 'nope',
        value: SECRETS.typedInUi,
      }),
      await dispatch(handlers, 'secrets.set', {
        profileId: 'leakcheck',
        kind: 'visma.clientSecret',
        value: SECRETS.typedInUi,
        echo: SECRETS.typedInUi,
      }),
      await dispatch(handlers, 'secrets.set', {
        profileId: 'nobody',
        kind: 'visma.clientSecret',
        value: SECRETS.typedInUi,
      }),
      await dispatch(handlers, 'profiles.list', {}),
      await dispatch(handlers, 'settings.get', {}),
    ];
    expect(replies.map((r) => r.ok)).toEqual([true, true, false, false, false, true, true]);
    expect(await secrets.get('leakcheck', 'visma.clientSecret')).toBe(SECRETS.typedInUi);

    // Rotation, audited; a careless log line and a careless audit message that contain secrets.
    await secrets.rotate('leakcheck', 'visma.clientSecret', SECRETS.rotated);
    appendAudit(ledger, {
      profileId: 'leakcheck',
      actor: 'user',
      action: 'secret.rotated',
      outcome: 'success',
      message: `rotated from ${SECRETS.typedInUi} to ${SECRETS.rotated}`,
      details: { kind: 'visma.clientSecret', oops: SECRETS.rotated },
    });
    logger.info(`careless debug line: ${Object.values(SECRETS).join(' ')}`);
    await expect(secrets.rotate('leakcheck', 'webhook.hmacKey', SECRETS.hmacKey)).resolves.toBeUndefined();
    expect(
      await dispatch(handlers, 'secrets.delete', { profileId: 'leakcheck', kind: 'webhook.hmacKey' }),
    ).toMatchObject({ ok: true });

    ledger.close();
    unsubscribe();

    const texts: [string, string][] = filesBelow(dataDir).map((f) => [f, readFileSync(f).toString('latin1')]);
    texts.push(['captured log output', JSON.stringify(captured)]);
    texts.push(['IPC replies', JSON.stringify(replies)]);
    expect(texts.map(([f]) => f)).toEqual(
      expect.arrayContaining([
        join(dataDir, 'settings.json'),
        join(dataDir, 'ledger.sqlite'),
        join(dataDir, 'logs', 'main.log'),
      ]),
    );
    expect(captured.some((r) => r.message.includes('careless debug line'))).toBe(true);
    const leaks = texts.flatMap(([where, text]) =>
      Object.values(SECRETS)
        .filter((s) => text.includes(s) || text.includes(Buffer.from(s, 'utf16le').toString('latin1')))
        .map((s) => `${where}: ${s}`),
    );
    expect(leaks).toEqual([]);

    for (const kind of [
      'servicetitan.clientSecret',
      'servicetitan.appKey',
      'visma.clientSecret',
      'webhook.hmacKey',
    ] as const) {
      await secrets.delete('leakcheck', kind);
    }
  });
});
