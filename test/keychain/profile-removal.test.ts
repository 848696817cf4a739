import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { EngineService } from '../../main/api/engine-service';
import { EventBus } from '../../main/api/events';
import { createHandlers } from '../../main/api/handlers';
import type { AppServices } from '../../main/api/services';
import { LedgerStore } from '../../main/storage/ledger-store';
import { upsertProfile } from '../../main/storage/profiles';
import { KeytarSecretStore, SECRET_SERVICE, loadSystemKeytar } from '../../main/storage/secrets';
import { JsonFileSettingsStore } from '../../main/storage/settings';
import type { ProfileConfig } from '../../shared/profile-config';

// Runs under `npm run test:keychain`: a private D-Bus session with an unlocked gnome-keyring (a real Secret Service).
describe('removing a profile against the real Secret Service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'st-visma-kc-remove-'));
  const store = new LedgerStore(join(dataDir, 'ledger.sqlite'));
  store.open();
  const secrets = new KeytarSecretStore();
  const services: AppServices = {
    settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')),
    secrets,
    ledger: store.ledger,
    ledgerStore: store,
    events: new EventBus(),
    host: 'browser',
    dataDir,
    demo: false,
    version: '0.0.0-kc',
  };
  const engine = new EngineService(services);
  const gone = `kc-gone-${process.pid}`;
  const kept = `kc-kept-${process.pid}`;

  const profile = (id: string): ProfileConfig => ({
    id,
    name: `Keychain ${id}`,
    timeZone: 'Europe/Oslo',
    servicetitan: {
      environment: 'production',
      authUrl: 'https://auth.servicetitan.io/connect/token',
      apiBaseUrl: 'https://api.servicetitan.io',
      tenantId: '4242',
      clientId: 'cid.kc',
      clientSecret: `kc-st-secret-${id}`,
      appKey: `kc-app-key-${id}`,
    },
    visma: {
      environment: 'production',
      tokenUrl: 'https://connect.visma.com/connect/token',
      apiBaseUrl: 'https://api.finance.visma.net',
      tenantId: 'vt-kc',
      companyId: '77',
      clientId: 'isv_kc',
      clientSecret: `kc-visma-secret-${id}`,
    },
    webhook: {
      enabled: false,
      port: 0,
      signatureHeader: 'x-sig',
      signatureEncoding: 'hex',
      hmacKey: `kc-hmac-key-${id}-0123456789abcdef`.slice(0, 40),
    },
  });

  const accountsOf = async (id: string) =>
    (await (await loadSystemKeytar()).findCredentials(SECRET_SERVICE))
      .map((c) => c.account)
      .filter((a) => a.startsWith(`${id}:`))
      .sort();

  afterAll(async () => {
    await engine.close();
    for (const account of await accountsOf(kept)) {
      await (await loadSystemKeytar()).deletePassword(SECRET_SERVICE, account);
    }
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('deletes every keychain entry of the removed profile and none of another', async () => {
    await upsertProfile(services.settings, profile(gone), secrets);
    await upsertProfile(services.settings, profile(kept), secrets);
    expect(await accountsOf(gone)).toHaveLength(4);

    const r = await dispatch(createHandlers(services, engine), 'profiles.remove', {
      profileId: gone,
      confirmation: gone,
    });
    expect(r).toMatchObject({ ok: true, value: { profileId: gone } });
    expect(await accountsOf(gone)).toEqual([]);
    expect(await accountsOf(kept)).toEqual([
      `${kept}:servicetitan.appKey`,
      `${kept}:servicetitan.clientSecret`,
      `${kept}:visma.clientSecret`,
      `${kept}:webhook.hmacKey`,
    ]);
  });
});
