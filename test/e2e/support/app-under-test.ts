import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { upsertProfile } from '../../../main/storage/profiles';
import { ST_HOSTS, VISMA_HOSTS, type ProfileConfig } from '../../../shared/profile-config';
import type { SecretKind } from '../../../shared/contract/schemas';

/** The built renderer (`npx vite build` first). */
export const rendererDir = resolve(import.meta.dirname, '../../../dist/renderer');

/** A production Visma company fed from ServiceTitan's integration environment: the case the badge must shout about. */
export const productionProfile: ProfileConfig = {
  id: 'nordic-hvac',
  name: 'Nordic HVAC AS',
  timeZone: 'Europe/Oslo',
  servicetitan: {
    environment: 'integration',
    ...ST_HOSTS.integration,
    tenantId: '1234567',
    clientId: 'cid.e2e',
  },
  visma: {
    environment: 'production',
    ...VISMA_HOSTS,
    tenantId: 'e2e-tenant',
    companyId: '5012345',
    companyName: 'Nordic HVAC AS',
    clientId: 'visma-e2e',
  },
};

/** A test company on both sides. */
export const sandboxProfile: ProfileConfig = {
  ...productionProfile,
  id: 'test-company',
  name: 'Test company',
  servicetitan: { ...productionProfile.servicetitan, tenantId: '7654321' },
  visma: { ...productionProfile.visma, environment: 'sandbox', companyId: '9000001', companyName: undefined },
};

/** The browser host on a fresh data folder, removed again on close. */
export interface AppUnderTest {
  host: BrowserHost;
  close(): Promise<void>;
}

/**
 * Starts the real browser host (demo mode: secrets in memory) on a throw-away data folder, with `profiles` saved
 * the way the app saves them and `secrets` stored for the first profile.
 */
export async function startApp(
  profiles: ProfileConfig[] = [],
  secrets: SecretKind[] = [],
): Promise<AppUnderTest> {
  const dataDir = await mkdtemp(join(tmpdir(), 'st-visma-e2e-data-'));
  const host = await startBrowserHost({ dataDir, demo: true, rendererDir });
  for (const profile of profiles) await upsertProfile(host.services.settings, profile, host.services.secrets);
  const first = profiles[0];
  for (const kind of secrets) if (first) await host.services.secrets.set(first.id, kind, `e2e-${kind}`);
  return {
    host,
    close: async () => {
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
