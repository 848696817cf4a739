import { EventBus } from '../api/events';
import { EngineProcess } from '../engine-process/engine-client';
import { logger } from '../log/logger';
import { KeytarSecretStore } from '../storage/secrets';
import { utilityEngine } from './utility-engine';

/** What the app's main process holds: the events for its windows and the engine process behind the contract. */
export interface AppSide {
  events: EventBus;
  engine: EngineProcess;
}

/**
 * The app's side of the engine: the engine (settings, ledger, schedules, webhooks, handlers) runs in a utility
 * process started from `engineEntry` over `dataDir`; the OS keychain stays here and answers the engine's requests.
 * Main's own log lines and the engine's events reach the windows through one bus.
 */
export function createAppSide(dataDir: string, version: string, engineEntry: string): AppSide {
  const events = new EventBus();
  logger.subscribe((record) => events.emit('log.line', record));
  const engine = new EngineProcess({
    start: utilityEngine(engineEntry, { dataDir, version, host: 'electron' }),
    secrets: new KeytarSecretStore(),
    events,
  });
  return { events, engine };
}
