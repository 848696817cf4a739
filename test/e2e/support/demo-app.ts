import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulators } from '../../../main/cli/simulators';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { upsertProfile } from '../../../main/storage/profiles';
import { rendererDir } from './app-under-test';

/** The browser host with the engine, wired to both simulators through a saved, active demo profile. */
export interface DemoApp {
  host: BrowserHost;
  profileId: string;
  close(): Promise<void>;
}

/**
 * Starts the ServiceTitan and Visma simulators, then the real browser host in demo mode on a throw-away data folder,
 * saves the simulators' profile (secrets included, kept in memory) and imports the seeded mappings.
 */
export async function startDemoApp(options: { invoices?: number; bills?: number } = {}): Promise<DemoApp> {
  const sims = await startSimulators({
    seed: 7,
    invoices: options.invoices ?? 40,
    bills: options.bills ?? 12,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'st-visma-e2e-demo-'));
  const host = await startBrowserHost({ dataDir, demo: true, rendererDir });
  await upsertProfile(host.services.settings, sims.config, host.services.secrets);
  importMappings(host.services.ledger, sims.config.id, sims.mappings, 'cli');
  return {
    host,
    profileId: sims.config.id,
    close: async () => {
      await host.close();
      await sims.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
