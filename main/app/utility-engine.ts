import { utilityProcess } from 'electron';
import type { EngineChildHandle, StartEngineChild } from '../engine-process/port';
import { engineArgs, type EngineStartOptions } from '../engine-process/protocol';

/**
 * Starts the engine as an Electron utility process: a Node process of its own (Electron's ABI, so better-sqlite3
 * loads as in main), ended together with the app. Call only after `app.whenReady()`.
 */
export function utilityEngine(entry: string, options: EngineStartOptions): StartEngineChild {
  return (): EngineChildHandle => {
    const child = utilityProcess.fork(entry, engineArgs(options), {
      serviceName: 'ST-Visma engine',
      stdio: 'inherit',
    });
    let exited = false;
    child.on('exit', () => (exited = true));
    return {
      send(message) {
        if (!exited) child.postMessage(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
      kill: () => void child.kill(),
    };
  };
}
