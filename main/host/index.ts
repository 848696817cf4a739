import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../../package.json';
import { EngineService } from '../api/engine-service';
import { EventBus } from '../api/events';
import { createHandlers } from '../api/handlers';
import type { AppServices } from '../api/services';
import { logger } from '../log/logger';
import { LedgerStore } from '../storage/ledger-store';
import { KeytarSecretStore, MemorySecretStore } from '../storage/secrets';
import { JsonFileSettingsStore } from '../storage/settings';
import type { SecretStore } from '../storage/types';
import { startBridgeServer } from './bridge-server';
import { resumeDemoProfiles } from '../api/setup/demo';

/** Options of the browser host. */
export interface BrowserHostOptions {
  /** Folder for settings, ledger and logs. */
  dataDir: string;
  /** Running on the built-in simulators: secrets stay in memory. */
  demo?: boolean;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer; defaults to `dist/renderer` of this checkout. */
  rendererDir?: string;
  /** Secret store; defaults to memory in demo mode, the OS keychain otherwise. */
  secrets?: SecretStore;
}

/** A running browser host and the services behind it. */
export interface BrowserHost {
  /** The URL to open (the token is in the fragment). */
  url: string;
  origin: string;
  token: string;
  services: AppServices;
  engine: EngineService;
  close(): Promise<void>;
}

/** The renderer build folder of this checkout. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/**
 * The engine plus the built renderer on 127.0.0.1, for development, the demo and end-to-end tests.
 * Same handlers as the Electron app; the contract travels over a WebSocket guarded by a per-run token.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { dataDir } = options;
  const demo = options.demo ?? false;
  logger.toFile(join(dataDir, 'logs', 'app.log'));
  const events = new EventBus();
  const unsubscribeLog = logger.subscribe((record) => events.emit('log.line', record));
  const ledgerStore = new LedgerStore(join(dataDir, 'ledger.sqlite'));
  const ledgerState = ledgerStore.open();
  if (ledgerState.state === 'damaged') logger.error(ledgerState.error.message);
  const ledger = ledgerStore.ledger;
  const services: AppServices = {
    settings: new JsonFileSettingsStore(join(dataDir, 'settings.json')),
    secrets: options.secrets ?? (demo ? new MemorySecretStore() : new KeytarSecretStore()),
    ledger,
    ledgerStore,
    events,
    host: 'browser',
    dataDir,
    demo,
    version: packageJson.version,
  };
  const engine = new EngineService(services);
  if (!demo) await resumeDemoProfiles(services, engine);
  await engine.start();
  const server = await startBridgeServer({
    handlers: createHandlers(services, engine),
    events,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    port: options.port ?? 0,
  });
  logger.info(`Browser host listening on ${server.origin}`);
  return {
    url: server.url,
    origin: server.origin,
    token: server.token,
    services,
    engine,
    async close() {
      await engine.close();
      unsubscribeLog();
      await server.close();
      ledger.close();
    },
  };
}
