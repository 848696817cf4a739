import type { BridgeResult, EventName } from '../../shared/contract';
import type { EventBus } from '../api/events';
import { logger } from '../log/logger';
import type { SecretStore } from '../storage/types';
import type { EngineChildHandle, StartEngineChild } from './port';
import { answerSecretRequest } from './remote-secret-store';
import { ChildMessage, describeRefusal, engineStopped, parseEvent } from './protocol';

/** How a start of the engine process went. */
export type EngineStart =
  /** Up; `ledgerProblem` says why the ledger could not be opened (Settings can restore a backup), or is null. */
  | { state: 'ready'; ledgerProblem: string | null }
  /** It ended before it was up; `message` says why in plain words. */
  | { state: 'failed'; message: string };

/** Options of `EngineProcess`. */
export interface EngineProcessOptions {
  /** Starts one engine process; called again after one died (after a pause, or at the next call). */
  start: StartEngineChild;
  /** The keychain, which stays in this process: the engine asks for secrets over the link. */
  secrets: SecretStore;
  /** Where the engine's events go (the app forwards this bus to its windows). */
  events: EventBus;
  /**
   * Pauses before starting the engine again after it died on its own (the schedules and the webhook receiver live
   * there, so waiting for the window's next call is not enough): the n-th crash in a row waits the n-th value, the
   * last one repeating. A process that stayed up for `STABLE_UPTIME_MS` resets the count.
   */
  restartDelaysMs?: readonly number[];
}

/** Restart pauses after the engine died on its own: at once-ish, then backing off to a minute. */
export const RESTART_DELAYS_MS = [1_000, 5_000, 30_000, 60_000] as const;

/** How long an engine must have run for its crash to count as the first in a row again. */
export const STABLE_UPTIME_MS = 10 * 60_000;

interface PendingCall {
  channel: string;
  resolve: (result: BridgeResult<unknown>) => void;
}

/** One engine process and what is waiting on it. */
interface Running {
  handle: EngineChildHandle;
  ready: Promise<EngineStart>;
  pending: Map<number, PendingCall>;
  /** Profiles with a run in progress (seen in `sync.progress`), and the run id. */
  openRuns: Map<string, string>;
  exited: Promise<void>;
  startedAt: number;
}

/**
 * The main process's side of the engine process: contract calls go over the link and come back as `BridgeResult`s,
 * engine events land on `events`, keychain requests are served here. When the process dies, pending calls fail with a
 * plain message, runs in progress are reported failed, and a new process starts after a pause (or at the next call).
 */
export class EngineProcess {
  private running: Running | null = null;
  private nextId = 1;
  private closing = false;
  private crashesInARow = 0;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: EngineProcessOptions) {}

  /** Starts the engine process now (if it is not running) and resolves once it is up or has failed to start. */
  start(): Promise<EngineStart> {
    if (this.closing) return Promise.resolve({ state: 'failed', message: 'The app is closing.' });
    return this.ensure().ready;
  }

  /** Runs one contract call in the engine process. Never throws: failures are `BridgeResult` errors. */
  call(channel: string, input: unknown): Promise<BridgeResult<unknown>> {
    if (this.closing) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unavailable', message: 'The app is closing; the request was not started.' },
      });
    }
    const running = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve) => {
      running.pending.set(id, { channel, resolve });
      void running.ready.then((ready) => {
        if (ready.state === 'ready') running.handle.send({ type: 'call', id, channel, input });
      });
    });
  }

  /** Asks the engine to stop (runs in progress finish their step first) and waits until the process has ended. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const running = this.running;
    if (!running) return;
    running.handle.send({ type: 'shutdown' });
    await running.exited;
  }

  private ensure(): Running {
    if (this.running) return this.running;
    const handle = this.options.start();
    let readied: (start: EngineStart) => void = () => undefined;
    let exited: () => void = () => undefined;
    const running: Running = {
      handle,
      ready: new Promise((resolve) => (readied = resolve)),
      pending: new Map(),
      openRuns: new Map(),
      exited: new Promise((resolve) => (exited = resolve)),
      startedAt: Date.now(),
    };
    handle.onMessage((raw) => this.receive(running, raw, readied));
    handle.onExit((detail) => {
      if (this.running === running) this.running = null;
      readied({ state: 'failed', message: `The engine process ended (${detail}) before it was up.` });
      this.ended(running, detail);
      exited();
    });
    this.running = running;
    return running;
  }

  private receive(running: Running, raw: unknown, readied: (start: EngineStart) => void): void {
    const parsed = ChildMessage.safeParse(raw);
    if (!parsed.success) {
      logger.warn(`Refused a message from the engine process: ${describeRefusal(parsed.error)}`);
      this.failUnreadableResult(running, raw);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        return readied({ state: 'ready', ledgerProblem: message.ledgerProblem });
      case 'start-failed':
        return readied({ state: 'failed', message: message.message });
      case 'result': {
        const call = running.pending.get(message.id);
        running.pending.delete(message.id);
        return call?.resolve(message.result);
      }
      case 'event':
        return this.forward(running, message.event, message.payload);
      case 'secret':
        return void answerSecretRequest(this.options.secrets, message.request).then((result) =>
          running.handle.send({ type: 'secret-result', id: message.id, result }),
        );
    }
  }

  private failUnreadableResult(running: Running, raw: unknown): void {
    const id = (raw as { type?: unknown; id?: unknown } | null)?.id;
    if ((raw as { type?: unknown } | null)?.type !== 'result' || typeof id !== 'number') return;
    const call = running.pending.get(id);
    running.pending.delete(id);
    call?.resolve({
      ok: false,
      error: { code: 'internal', message: `The engine's answer to "${call.channel}" could not be read.` },
    });
  }

  private forward(running: Running, event: EventName, payload: unknown): void {
    const parsed = parseEvent(event, payload);
    if (!parsed)
      return logger.warn(
        `Refused a "${event}" event from the engine process: it does not match the contract.`,
      );
    if (parsed.event === 'sync.progress') {
      const { profileId, runId, phase } = parsed.payload;
      if (phase === 'done' || phase === 'failed') running.openRuns.delete(profileId);
      else running.openRuns.set(profileId, runId);
    }
    this.options.events.emit(parsed.event, parsed.payload);
  }

  private ended(running: Running, detail: string): void {
    const expected = this.closing;
    if (!expected) {
      logger.error(`The engine process stopped unexpectedly (${detail}).`);
      this.scheduleRestart(running);
    }
    for (const call of running.pending.values()) call.resolve(engineStopped(call.channel, detail));
    running.pending.clear();
    for (const [profileId, runId] of running.openRuns) {
      this.options.events.emit('sync.progress', {
        profileId,
        runId,
        phase: 'failed',
        done: 0,
        message: `The engine stopped during the run (${detail}). Everything posted so far is kept in the ledger; the next run carries on from there.`,
      });
    }
    running.openRuns.clear();
  }

  /** Starts the engine again after a pause, unless the app closes or a call has started it meanwhile. */
  private scheduleRestart(died: Running): void {
    const delays = this.options.restartDelaysMs ?? RESTART_DELAYS_MS;
    if (delays.length === 0 || this.restartTimer) return;
    this.crashesInARow = Date.now() - died.startedAt >= STABLE_UPTIME_MS ? 1 : this.crashesInARow + 1;
    const delay = delays[Math.min(this.crashesInARow, delays.length) - 1]!;
    logger.info(`Starting the engine process again in ${Math.round(delay / 1000)} s.`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.closing && !this.running) void this.start();
    }, delay);
  }
}
