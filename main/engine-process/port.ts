import { fork } from 'node:child_process';
import type { ChildMessage, ParentMessage } from './protocol';

/**
 * The main process's handle on one running engine process. The app implements it with Electron's
 * `utilityProcess` (main/app/utility-engine.ts); tests and the benchmark with a Node child process (`forkEngine`).
 * Both carry structured-clone messages, so the protocol is the same.
 */
export interface EngineChildHandle {
  /** Sends a message; silently dropped once the process is gone (its exit fails what was pending). */
  send(message: ParentMessage): void;
  /** Every message the process sends, unparsed: the caller validates it. */
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended, with a few words on how (exit code or signal). */
  onExit(listener: (detail: string) => void): void;
  /** Ends the process at once. */
  kill(): void;
}

/** Starts one engine process (called again after it died). */
export type StartEngineChild = () => EngineChildHandle;

/** The engine process's side of the link to its parent. */
export interface ParentLink {
  send(message: ChildMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called when the parent is gone (a Node child loses its channel); the engine then stops. */
  onClose(listener: () => void): void;
}

/** Options of `forkEngine`. */
export interface ForkEngineOptions {
  /** Node flags of the child, e.g. `['--import', 'tsx']` to run the TypeScript entry from source. */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Runs the engine entry as a Node child process with an IPC channel (structured clone, like Electron's). */
export function forkEngine(
  entry: string,
  args: string[],
  options: ForkEngineOptions = {},
): EngineChildHandle {
  const child = fork(entry, args, {
    serialization: 'advanced',
    execArgv: options.execArgv ?? [],
    env: options.env ?? process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // A spawn failure also ends in 'exit' or 'error'; report it once as the process's end.
  let ended = false;
  const exitListeners: ((detail: string) => void)[] = [];
  const end = (detail: string) => {
    if (ended) return;
    ended = true;
    for (const listener of exitListeners) listener(detail);
  };
  child.on('exit', (code, signal) => end(signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`));
  child.on('error', (err) => end(err.message));
  return {
    send(message) {
      if (!ended && child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => exitListeners.push(listener),
    kill: () => child.kill('SIGKILL'),
  };
}

/** Electron's `process.parentPort` in a utility process (typed here so no electron import is needed). */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The link to the parent: Electron's parentPort in a utility process, else the Node IPC channel. */
export function connectToParent(): ParentLink {
  const parentPort = (process as { parentPort?: UtilityParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process together with the app.
      onClose: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The engine process was started without a channel to the app.');
  return {
    send: (message) => {
      if (process.connected) send(message);
    },
    onMessage: (listener) => process.on('message', listener),
    onClose: (listener) => process.on('disconnect', listener),
  };
}
