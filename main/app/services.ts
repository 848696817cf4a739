import { join } from 'node:path';
import { EventBus } from '../api/events';
import type { AppServices } from '../api/services';
import { logger } from '../log/logger';
import { LedgerStore } from '../storage/ledger-store';
import { KeytarSecretStore } from '../storage/secrets';
import { ElectronSettingsStore } from './electron-settings-store';

/**
 * The product's services: settings via electron-store, secrets in the OS keychain, the ledger in `dataDir`. A damaged
 * ledger does not stop the app (see `LedgerStore`): Settings can restore a backup.
 */
export function createElectronServices(dataDir: string, version: string): AppServices {
  const events = new EventBus();
  logger.subscribe((record) => events.emit('log.line', record));
  const ledgerStore = new LedgerStore(join(dataDir, 'ledger.sqlite'));
  ledgerStore.open();
  return {
    settings: new ElectronSettingsStore(dataDir),
    secrets: new KeytarSecretStore(),
    ledger: ledgerStore.ledger,
    ledgerStore,
    events,
    host: 'electron',
    dataDir,
    demo: false,
    version,
  };
}
