import type { BridgeResult } from '../../shared/contract';
import { dispatch, type Handlers } from '../api/dispatch';
import type { EventBus } from '../api/events';
import { logger } from '../log/logger';
import type { SecretStore } from '../storage/types';
import type { ParentLink } from './port';
import { ParentMessage, describeRefusal, type SecretResult } from './protocol';
import { RemoteSecretStore } from './remote-secret-store';

/** What the engine process serves, built once the link to the parent is up. */
export interface ServedEngine {
  handlers: Handlers;
  events: EventBus;
  ledgerProblem: string | null;
  /** Stops schedules and receivers, waits for runs in progress, closes the ledger. */
  close(): Promise<void>;
}

/**
 * The engine process's side of the link: builds the engine (with a secret store that asks the parent), then answers
 * every contract call with `dispatch` — the same validation and handlers as the browser host — and pushes the
 * engine's events. A shutdown message, or losing the parent, closes the engine and ends the process.
 */
export async function serveEngine(
  link: ParentLink,
  build: (secrets: SecretStore) => Promise<ServedEngine>,
  exit: (code: number) => void = (code) => process.exit(code),
): Promise<void> {
  let nextSecretId = 1;
  const secretAnswers = new Map<number, (result: SecretResult) => void>();
  let engine: ServedEngine | null = null;
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        await engine?.close();
      } finally {
        exit(0);
      }
    })());

  let parentGone = false;
  const gone: SecretResult = {
    ok: false,
    reason: 'unavailable',
    message: 'The app closed the link to the engine.',
  };
  link.onClose(() => {
    parentGone = true;
    for (const answer of secretAnswers.values()) answer(gone);
    secretAnswers.clear();
    void stop();
  });
  link.onMessage((raw) => {
    const parsed = ParentMessage.safeParse(raw);
    if (!parsed.success)
      return logger.warn(`Refused a message from the app: ${describeRefusal(parsed.error)}`);
    const message = parsed.data;
    if (message.type === 'shutdown') return void stop();
    if (message.type === 'secret-result') {
      secretAnswers.get(message.id)?.(message.result);
      secretAnswers.delete(message.id);
      return;
    }
    if (!engine || stopping) {
      const refused = stopping ? 'The engine is stopping' : 'The engine is still starting';
      return send(link, message.id, {
        ok: false,
        error: { code: 'unavailable', message: `${refused}; try again.` },
      });
    }
    void dispatch(engine.handlers, message.channel, message.input).then((result) =>
      send(link, message.id, result),
    );
  });

  const secrets = new RemoteSecretStore(
    (request) =>
      new Promise((resolve) => {
        if (parentGone) return resolve(gone);
        const id = nextSecretId++;
        secretAnswers.set(id, resolve);
        link.send({ type: 'secret', id, request });
      }),
  );
  try {
    engine = await build(secrets);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    logger.error(`The engine could not start: ${message}`);
    link.send({ type: 'start-failed', message });
    return exit(1);
  }
  engine.events.subscribe((event, payload) => link.send({ type: 'event', event, payload }));
  link.send({ type: 'ready', ledgerProblem: engine.ledgerProblem });
}

/** Sends a call's result; a value that cannot be copied across becomes an error instead of a lost answer. */
function send(link: ParentLink, id: number, result: BridgeResult<unknown>): void {
  try {
    link.send({ type: 'result', id, result });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    logger.error(`An answer could not be sent to the app: ${reason}`);
    link.send({
      type: 'result',
      id,
      result: {
        ok: false,
        error: { code: 'internal', message: `The engine's answer could not be sent: ${reason}` },
      },
    });
  }
}
