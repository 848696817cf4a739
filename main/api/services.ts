import type { EventBus } from './events';
import type { LedgerStore } from '../storage/ledger-store';
import type { Ledger, SecretStore, SettingsStore } from '../storage/types';

/** Everything the handlers need; each host (Electron, browser host, CLI) builds one. */
export interface AppServices {
  settings: SettingsStore;
  secrets: SecretStore;
  ledger: Ledger;
  /** The host's ledger file, for backups and restore; absent where a test hands in a bare connection. */
  ledgerStore?: LedgerStore;
  events: EventBus;
  host: 'electron' | 'browser';
  dataDir: string;
  /** True when running on the built-in simulators. */
  demo: boolean;
  version: string;
}
