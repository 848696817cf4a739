import { bundleIcon, type FluentIcon } from '@fluentui/react-icons';
import { ArrowSwap20Filled, ArrowSwap20Regular } from '@fluentui/react-icons/svg/arrow-swap';
import { Board20Filled, Board20Regular } from '@fluentui/react-icons/svg/board';
import {
  ClipboardTaskListLtr20Filled,
  ClipboardTaskListLtr20Regular,
} from '@fluentui/react-icons/svg/clipboard-task-list-ltr';
import { History20Filled, History20Regular } from '@fluentui/react-icons/svg/history';
import { Scales20Filled, Scales20Regular } from '@fluentui/react-icons/svg/scales';
import { Settings20Filled, Settings20Regular } from '@fluentui/react-icons/svg/settings';

/** A place in the left navigation: its route, its label key under `nav.` and its icon. */
export interface Destination {
  path: string;
  key: 'dashboard' | 'review' | 'reconciliation' | 'audit' | 'mappings' | 'settings';
  Icon: FluentIcon;
}

/** The app's pages in navigation order. */
export const destinations: readonly Destination[] = [
  { path: '/', key: 'dashboard', Icon: bundleIcon(Board20Filled, Board20Regular) },
  {
    path: '/review',
    key: 'review',
    Icon: bundleIcon(ClipboardTaskListLtr20Filled, ClipboardTaskListLtr20Regular),
  },
  { path: '/reconciliation', key: 'reconciliation', Icon: bundleIcon(Scales20Filled, Scales20Regular) },
  { path: '/audit', key: 'audit', Icon: bundleIcon(History20Filled, History20Regular) },
  { path: '/mappings', key: 'mappings', Icon: bundleIcon(ArrowSwap20Filled, ArrowSwap20Regular) },
  { path: '/settings', key: 'settings', Icon: bundleIcon(Settings20Filled, Settings20Regular) },
];

/** The destination a pathname belongs to (the dashboard only for `/` itself). */
export function destinationFor(pathname: string): Destination | undefined {
  return destinations.find((d) => (d.path === '/' ? pathname === '/' : pathname.startsWith(d.path)));
}
