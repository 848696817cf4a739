// The sync worker's entry (bundled to dist/main/app/sync-worker.cjs): a worker thread of the engine process that
// runs `runFullSync` — the same function the CLI and the browser host run in-process — so the engine's main thread
// stays free to answer contract calls. Started by `WorkerSyncRunner`; `workerData` is `SyncWorkerData`.
import { parentPort, workerData } from 'node:worker_threads';
import { ProfileConfig } from '../../shared/profile-config';
import { connectProfile, type EnginePorts } from '../engine/connect';
import { runFullSync } from '../engine/full-sync';
import { logger } from '../log/logger';
import { LedgerStore } from '../storage/ledger-store';
import { describeRefusal, type SecretResult } from './protocol';
import { relayError } from './relayed-error';
import { RemoteSecretStore } from './remote-secret-store';
import { SyncWorkerData, ToSyncWorker, type FromSyncWorker } from './sync-worker-protocol';

const port = parentPort;
if (!port) throw new Error('The sync worker runs only as a worker thread of the engine process.');
const post = (message: FromSyncWorker) => port.postMessage(message);
logger.subscribe((record) =>
  post({
    type: 'log',
    level: record.level,
    message: record.message,
    ...(record.profileId && { profileId: record.profileId }),
  }),
);

/** Secrets a run needs are asked of the engine's main thread, which asks the app (the keychain stays there). */
let nextSecretId = 1;
const secretAnswers = new Map<number, (result: SecretResult) => void>();
const secrets = new RemoteSecretStore(
  (request) =>
    new Promise((resolve) => {
      const id = nextSecretId++;
      secretAnswers.set(id, resolve);
      post({ type: 'secret', id, request });
    }),
);

/** The API connections of each profile, kept between runs until the main thread drops one. */
const connections = new Map<string, Promise<EnginePorts>>();
function portsOf(config: ProfileConfig): Promise<EnginePorts> {
  let pending = connections.get(config.id);
  if (!pending) {
    pending = connectProfile(config, secrets);
    pending.catch(() => connections.delete(config.id));
    connections.set(config.id, pending);
  }
  return pending;
}

const runs = new Map<number, AbortController>();
let closing = false;

/** Closes the ledger and ends the thread once no run is left (kept-alive HTTP sockets would hold it open). */
function closeWhenIdle(ledger: LedgerStore): void {
  if (!closing || runs.size > 0) return;
  ledger.close();
  process.exit(0);
}

function startRun(ledger: LedgerStore, message: Extract<ToSyncWorker, { type: 'run' }>): void {
  const { id, options } = message;
  const config = ProfileConfig.safeParse(message.config);
  if (!config.success) {
    const detail = describeRefusal(config.error);
    return post({
      type: 'failed',
      id,
      error: { kind: 'error', name: 'Error', message: `The profile could not be read: ${detail}` },
    });
  }
  const abort = new AbortController();
  runs.set(id, abort);
  runFullSync(
    config.data,
    {
      db: ledger.ledger,
      ports: () => portsOf(config.data),
      onProgress: (event) => post({ type: 'progress', id, event }),
    },
    { ...options, signal: abort.signal },
  )
    .then((summary) => post({ type: 'done', id, summary: { ...summary } }))
    .catch((err: unknown) => post({ type: 'failed', id, error: relayError(err) }))
    .finally(() => {
      runs.delete(id);
      closeWhenIdle(ledger);
    });
}

function serve(ledger: LedgerStore): void {
  port!.on('message', (raw: unknown) => {
    const parsed = ToSyncWorker.safeParse(raw);
    if (!parsed.success)
      return logger.warn(`The sync worker refused a message: ${describeRefusal(parsed.error)}`);
    const message = parsed.data;
    switch (message.type) {
      case 'run':
        return closing ? undefined : startRun(ledger, message);
      case 'cancel':
        return void runs.get(message.id)?.abort();
      case 'drop':
        return void connections.delete(message.profileId);
      case 'secret-result':
        secretAnswers.get(message.id)?.(message.result);
        return void secretAnswers.delete(message.id);
      case 'close':
        closing = true;
        return closeWhenIdle(ledger);
    }
  });
}

// Its own connection to the engine's ledger file (WAL: the main thread reads while this thread writes). A damaged
// ledger opens as damaged, and every run then fails with the damage message, as in-process.
const { ledgerFile } = SyncWorkerData.parse(workerData);
const ledger = new LedgerStore(ledgerFile);
try {
  ledger.open();
  serve(ledger);
} catch (err) {
  post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}
