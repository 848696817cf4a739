import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelNames, type BridgeResult, type EventName, type EventPayload } from '../../shared/contract';
import { dispatch, type Handlers } from '../api/dispatch';
import type { EventBus } from '../api/events';
import { logger } from '../log/logger';
import { isAppUrl } from './origin';

/** True when an IPC call comes from a live frame showing our own app:// page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

const forbidden: BridgeResult<never> = {
  ok: false,
  error: { code: 'forbidden_origin', message: 'This call did not come from the app window and was refused.' },
};

/** Where a checked call goes instead of in-process handlers: the engine process (see `EngineProcess.call`). */
export type CallRoute = (name: string, input: unknown) => Promise<BridgeResult<unknown>>;

/**
 * Registers one `ipcMain.handle` per contract channel: the sender is checked first, then the call goes to `target`:
 * `dispatch` over in-process handlers, or a route (the engine process, which dispatches there). Returns a function
 * that removes the handlers again.
 */
export function registerIpc(ipcMain: IpcMain, target: Handlers | CallRoute): () => void {
  const route: CallRoute =
    typeof target === 'function' ? target : (name, input) => dispatch(target, name, input);
  for (const name of channelNames) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        logger.warn(`Refused "${name}" from ${event.senderFrame?.url.slice(0, 200) ?? 'a closed frame'}.`);
        return forbidden;
      }
      return route(name, input);
    });
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(name);
  };
}

/** Forwards every event on `bus` to the live windows; returns the function that stops it. */
export function forwardEvents(bus: EventBus, targets: () => WebContents[]): () => void {
  return bus.subscribe(<E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(event, payload);
    }
  });
}
