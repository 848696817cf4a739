import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_RENDERER_DIR, startBrowserHost } from '../host';
import { MemorySecretStore } from '../storage/secrets';
import { importMappings } from '../engine/mapping/rule-store';
import { upsertProfile } from '../storage/profiles';
import { intOption } from './options';
import { readSimBehaviour } from './sim-behaviour';
import { runUntilStopped } from './run-until-stopped';
import { startSimulators } from './simulators';

interface DemoOptions {
  port?: number;
  dataDir?: string;
  seed: number;
  invoices?: number;
  bills?: number;
  behaviour?: string;
}

/** `st-visma demo`: the app on its built-in simulators, served by the browser host; prints the URL to open. */
export function registerDemoCommand(program: Command, rendererDir = DEFAULT_RENDERER_DIR): void {
  program
    .command('demo')
    .description(
      'Start the app on the built-in demo company (ServiceTitan and Visma simulators) and print its URL.',
    )
    .option('--port <n>', 'port of the app (a free one by default)', intOption)
    .option(
      '--data-dir <dir>',
      'where the demo keeps its ledger and settings (a fresh temporary folder by default)',
    )
    .option('--seed <n>', 'seed of the demo company', intOption, 1)
    .option('--invoices <n>', 'number of ServiceTitan invoices in the demo company', intOption)
    .option('--bills <n>', 'number of ServiceTitan AP bills in the demo company', intOption)
    .option('--behaviour <file>', 'simulator switches as JSON (see `st-visma sim --help`)')
    .action(async (opts: DemoOptions) => {
      if (!existsSync(join(rendererDir, 'index.html'))) {
        throw new Error('The user interface has not been built yet: run `npm run build:renderer` first.');
      }
      const sims = await startSimulators({
        seed: opts.seed,
        ...(opts.invoices !== undefined ? { invoices: opts.invoices } : {}),
        ...(opts.bills !== undefined ? { bills: opts.bills } : {}),
        ...(opts.behaviour && { behaviour: readSimBehaviour(opts.behaviour) }),
      });
      const dataDir = opts.dataDir ? resolve(opts.dataDir) : mkdtempSync(join(tmpdir(), 'st-visma-demo-'));
      const secrets = new MemorySecretStore();
      const host = await startBrowserHost({
        dataDir,
        demo: true,
        secrets,
        rendererDir,
        ...(opts.port ? { port: opts.port } : {}),
      });
      await upsertProfile(host.services.settings, sims.config, secrets);
      host.services.settings.update((s) => ({ ...s, activeProfileId: sims.config.id }));
      importMappings(host.services.ledger, sims.config.id, sims.mappings, 'system');
      process.stdout.write(
        [
          'ServiceTitan → Visma Connector is running on its demo company (Ctrl+C to stop).',
          `Open: ${host.url}`,
          `Data: ${dataDir}`,
          '',
        ].join('\n'),
      );
      await runUntilStopped(async () => {
        await host.close();
        await sims.stop();
      });
    });
}
