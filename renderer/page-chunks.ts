import { lazy, type ComponentType } from 'react';

/** How each page's chunk is loaded: one dynamic import per page, so the first screen downloads only its own code. */
const loaders = {
  dashboard: () => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })),
  setup: () => import('./pages/setup/SetupPage').then((m) => ({ default: m.SetupPage })),
  review: () => import('./pages/ReviewQueuePage').then((m) => ({ default: m.ReviewQueuePage })),
  reconciliation: () => import('./pages/ReconciliationPage').then((m) => ({ default: m.ReconciliationPage })),
  audit: () => import('./pages/AuditLogPage').then((m) => ({ default: m.AuditLogPage })),
  mappings: () => import('./pages/MappingsPage').then((m) => ({ default: m.MappingsPage })),
  settings: () => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })),
} satisfies Record<string, () => Promise<{ default: ComponentType }>>;

/** A page that has its own chunk. */
export type PageChunk = keyof typeof loaders;

/** The pages as lazy components, loaded the first time they are shown (or earlier by `prefetchPages`). */
export const lazyPages: Record<PageChunk, ComponentType> = {
  dashboard: lazy(loaders.dashboard),
  setup: lazy(loaders.setup),
  review: lazy(loaders.review),
  reconciliation: lazy(loaders.reconciliation),
  audit: lazy(loaders.audit),
  mappings: lazy(loaders.mappings),
  settings: lazy(loaders.settings),
};

/**
 * Loads every page's chunk in the background, so opening a page later does not wait for the network or the parser.
 * A chunk that fails to load here is loaded again (and its error shown) when its page is opened.
 */
export function prefetchPages(): void {
  for (const load of Object.values(loaders)) load().catch(() => undefined);
}
