import {
  ArrowSwap20Filled,
  ArrowSwap20Regular,
  Board20Filled,
  Board20Regular,
  ClipboardTaskListLtr20Filled,
  ClipboardTaskListLtr20Regular,
  History20Filled,
  History20Regular,
  Scales20Filled,
  Scales20Regular,
  Settings20Filled,
  Settings20Regular,
  bundleIcon,
  type FluentIcon,
} from '@fluentui/react-icons';

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
