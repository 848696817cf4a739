// The engine process's entry (bundled to dist/main/app/engine.cjs): started by the app as an Electron utility
// process, or by tests and the benchmark as a Node child process. One argument: the JSON `EngineStartOptions`.
import { join } from 'node:path';
import { EngineService } from '../api/engine-service';
import { EventBus } from '../api/events';
import { createHandlers } from '../api/handlers';
import type { AppServices } from '../api/services';
import { logger } from '../log/logger';
import { LedgerStore } from '../storage/ledger-store';
import { JsonFileSettingsStore } from '../storage/settings';
import type { SecretStore } from '../storage/types';
import { serveEngine, type ServedEngine } from './engine-server';
import { connectToParent } from './port';
import { WorkerSyncRunner } from './sync-worker-runner';
import { EngineStartOptions, type EngineStartSettings } from './protocol';
import { resumeDemoProfiles } from '../api/setup/demo';

/** The same services and handlers as the browser host, over the app's data folder; secrets come from the app. */
async function buildEngine(options: EngineStartSettings, secrets: SecretStore): Promise<ServedEngine> {
  const { dataDir, version, host, demo } = options;
  logger.toFile(join(dataDir, 'logs', 'engine.log'));
  const events = new EventBus();
  logger.subscribe((record) => events.emit('log.line', record));
  const ledgerStore = new LedgerStore(join(dataDir, 'ledger.sqlite'));
  const state = ledgerStore.open();
  const services: AppServices = {
    // The file electron-store keeps in the app's data folder: same name, same schema and upgrades.
    settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')),
    secrets,
    ledger: ledgerStore.ledger,
    ledgerStore,
    events,
    host,
    dataDir,
    demo,
    version,
  };
  // The syncs run in a worker thread, so this thread only answers the app's calls and passes events on.
  const syncRunner = () => new WorkerSyncRunner({ ledgerFile: ledgerStore.file, secrets });
  const engine = new EngineService({ ...services, syncRunner });
  if (!demo) await resumeDemoProfiles(services, engine);
  await engine.start();
  logger.info(`Engine process ${process.pid} ready; data in ${dataDir}`);
  return {
    handlers: createHandlers(services, engine),
    events,
    ledgerProblem: state.state === 'damaged' ? state.error.message : null,
    async close() {
      await engine.close();
      services.ledger.close();
    },
  };
}

const parsed = EngineStartOptions.safeParse(JSON.parse(process.argv[2] ?? '{}'));
if (!parsed.success) {
  process.stderr.write('st-visma engine: started without valid options; it needs the app to start it.\n');
  process.exit(2);
}
void serveEngine(connectToParent(), (secrets) => buildEngine(parsed.data, secrets));
