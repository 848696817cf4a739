import { join } from 'node:path';
import { EventBus } from '../api/events';
import type { AppServices } from '../api/services';
import { logger } from '../log/logger';
import { openLedger } from '../storage/ledger';
import { KeytarSecretStore } from '../storage/secrets';
import { ElectronSettingsStore } from './electron-settings-store';

/** The product's services: settings via electron-store, secrets in the OS keychain, the ledger in `dataDir`. */
export function createElectronServices(dataDir: string, version: string): AppServices {
  const events = new EventBus();
  logger.subscribe((record) => events.emit('log.line', record));
  const ledger = openLedger(join(dataDir, 'ledger.sqlite'));
  return {
    settings: new ElectronSettingsStore(dataDir),
    secrets: new KeytarSecretStore(),
    ledger,
    events,
    host: 'electron',
    dataDir,
    demo: false,
    version,
  };
}
