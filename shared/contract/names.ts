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
  'connection.test',
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
  'mappings.links',
  'mappings.link',
  'mappings.acceptAbove',
  'mappings.records',
  'mappings.export',
  'mappings.import',
  'reconcile.period',
  'reconcile.export',
  'reconcile.report',
  'ledger.status',
  'ledger.backup',
  'ledger.restore',
] as const satisfies readonly ChannelName[];

/** Event names, see `channelNames`. */
export const eventNames = ['log.line', 'sync.progress'] as const satisfies readonly EventName[];
