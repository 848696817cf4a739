// The sandboxed preload: bundled on its own, so it imports only electron and zod-free contract files.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, type BridgeApi } from '../../shared/contract/bridge';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../../shared/contract/channels';
import type { BridgeResult } from '../../shared/contract/define';
import { eventNames } from '../../shared/contract/names';

function invoke<N extends ChannelName>(
  name: N,
  input: ChannelInput<N>,
): Promise<BridgeResult<ChannelOutput<N>>> {
  return ipcRenderer.invoke(name, input) as Promise<BridgeResult<ChannelOutput<N>>>;
}

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!(eventNames as readonly string[]).includes(event))
    throw new Error(`There is no event called "${event}".`);
  const forward = (_event: IpcRendererEvent, payload: EventPayload<E>) => listener(payload);
  ipcRenderer.on(event, forward);
  return () => void ipcRenderer.removeListener(event, forward);
}

/** The bridge the renderer sees at `window.stVisma`: one named function per channel, nothing generic. */
export const bridge = {
  'app.info': (input) => invoke('app.info', input),
  'settings.get': (input) => invoke('settings.get', input),
  'settings.setLocale': (input) => invoke('settings.setLocale', input),
  'profiles.list': (input) => invoke('profiles.list', input),
  'profiles.setActive': (input) => invoke('profiles.setActive', input),
  'secrets.status': (input) => invoke('secrets.status', input),
  'secrets.set': (input) => invoke('secrets.set', input),
  'secrets.delete': (input) => invoke('secrets.delete', input),
  'profiles.get': (input) => invoke('profiles.get', input),
  'profiles.confirmEnvironments': (input) => invoke('profiles.confirmEnvironments', input),
  'profiles.getSettings': (input) => invoke('profiles.getSettings', input),
  'profiles.setSettings': (input) => invoke('profiles.setSettings', input),
  'profiles.save': (input) => invoke('profiles.save', input),
  'profiles.remove': (input) => invoke('profiles.remove', input),
  'profiles.windowsTask': (input) => invoke('profiles.windowsTask', input),
  'profiles.createWindowsTask': (input) => invoke('profiles.createWindowsTask', input),
  'app.openDataFolder': (input) => invoke('app.openDataFolder', input),
  'diagnostics.export': (input) => invoke('diagnostics.export', input),
  'connection.test': (input) => invoke('connection.test', input),
  'connection.testUnsaved': (input) => invoke('connection.testUnsaved', input),
  'setup.drafts': (input) => invoke('setup.drafts', input),
  'setup.saveDraft': (input) => invoke('setup.saveDraft', input),
  'setup.deleteDraft': (input) => invoke('setup.deleteDraft', input),
  'setup.storeSecrets': (input) => invoke('setup.storeSecrets', input),
  'setup.startDemo': (input) => invoke('setup.startDemo', input),
  'setup.readMasterData': (input) => invoke('setup.readMasterData', input),
  'setup.status': (input) => invoke('setup.status', input),
  'setup.preview': (input) => invoke('setup.preview', input),
  'sync.run': (input) => invoke('sync.run', input),
  'sync.cancel': (input) => invoke('sync.cancel', input),
  'dashboard.get': (input) => invoke('dashboard.get', input),
  'review.list': (input) => invoke('review.list', input),
  'review.preview': (input) => invoke('review.preview', input),
  'review.replay': (input) => invoke('review.replay', input),
  'review.detail': (input) => invoke('review.detail', input),
  'review.accounts': (input) => invoke('review.accounts', input),
  'review.fix': (input) => invoke('review.fix', input),
  'review.approve': (input) => invoke('review.approve', input),
  'review.ignore': (input) => invoke('review.ignore', input),
  'review.resolveMasterData': (input) => invoke('review.resolveMasterData', input),
  'audit.list': (input) => invoke('audit.list', input),
  'mappings.list': (input) => invoke('mappings.list', input),
  'mappings.set': (input) => invoke('mappings.set', input),
  'mappings.links': (input) => invoke('mappings.links', input),
  'mappings.link': (input) => invoke('mappings.link', input),
  'mappings.acceptAbove': (input) => invoke('mappings.acceptAbove', input),
  'mappings.records': (input) => invoke('mappings.records', input),
  'mappings.export': (input) => invoke('mappings.export', input),
  'mappings.import': (input) => invoke('mappings.import', input),
  'reconcile.period': (input) => invoke('reconcile.period', input),
  'reconcile.export': (input) => invoke('reconcile.export', input),
  'reconcile.report': (input) => invoke('reconcile.report', input),
  'ledger.status': (input) => invoke('ledger.status', input),
  'ledger.backup': (input) => invoke('ledger.backup', input),
  'ledger.restore': (input) => invoke('ledger.restore', input),
  on,
} satisfies BridgeApi;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
