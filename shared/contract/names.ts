import type { ChannelName, EventName } from './channels';

/**
 * The channel and event names as plain strings, kept free of zod so the sandboxed preload bundle stays tiny.
 * A test checks this list against `channels`/`events`.
 */
export const channelNames = [
  'app.info',
  'settings.get',
  'settings.setLocale',
  'profiles.list',
  'profiles.setActive',
  'secrets.status',
  'secrets.set',
  'secrets.delete',
  'profiles.get',
  'profiles.confirmEnvironments',
  'profiles.getSettings',
  'profiles.setSettings',
  'profiles.save',
  'profiles.remove',
  'profiles.windowsTask',
  'profiles.createWindowsTask',
  'app.openDataFolder',
  'diagnostics.export',
  'connection.test',
  'connection.testUnsaved',
  'setup.drafts',
  'setup.saveDraft',
  'setup.deleteDraft',
  'setup.storeSecrets',
  'setup.startDemo',
  'setup.readMasterData',
  'setup.status',
  'setup.preview',
  'sync.run',
  'dashboard.get',
  'review.list',
  'review.detail',
  'review.accounts',
  'review.fix',
  'review.preview',
  'review.replay',
  'review.approve',
  'review.ignore',
  'review.resolveMasterData',
  'audit.list',
  'mappings.list',
  'mappings.set',
  'reconcile.period',
  'reconcile.export',
  'reconcile.report',
  'ledger.status',
  'ledger.backup',
  'ledger.restore',
] as const satisfies readonly ChannelName[];

/** Event names, see `channelNames`. */
export const eventNames = [
  'log.line',
  'sync.progress',
  'setup.progress',
] as const satisfies readonly EventName[];
