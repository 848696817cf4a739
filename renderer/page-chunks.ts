import type { ComponentType } from 'react';

/** How each page's chunk is loaded: one dynamic import per page, so the first screen downloads only its own code. */
const loaders = {
  dashboard: () => import('./pages/DashboardPage').then((m) => m.DashboardPage),
  setup: () => import('./pages/setup/SetupPage').then((m) => m.SetupPage),
  review: () => import('./pages/ReviewQueuePage').then((m) => m.ReviewQueuePage),
  reconciliation: () => import('./pages/ReconciliationPage').then((m) => m.ReconciliationPage),
  audit: () => import('./pages/AuditLogPage').then((m) => m.AuditLogPage),
  mappings: () => import('./pages/MappingsPage').then((m) => m.MappingsPage),
  settings: () => import('./pages/SettingsPage').then((m) => m.SettingsPage),
} satisfies Record<string, () => Promise<ComponentType>>;

/** A page that has its own chunk. */
export type PageChunk = keyof typeof loaders;

/** The chunks' page components once their import has finished (rendered directly from then on). */
const loaded = new Map<PageChunk, ComponentType>();
/** Imports under way or finished; a failed one is forgotten, so the next try imports again. */
const loading = new Map<PageChunk, Promise<ComponentType>>();

/** The page component of `chunk`, importing its chunk once however often it is asked for. */
export function loadPage(chunk: PageChunk): Promise<ComponentType> {
  let promise = loading.get(chunk);
  if (!promise) {
    promise = loaders[chunk]().then(
      (component) => {
        loaded.set(chunk, component);
        return component;
      },
      (error: unknown) => {
        loading.delete(chunk);
        throw error;
      },
    );
    loading.set(chunk, promise);
  }
  return promise;
}

/**
 * The page component of `chunk` if its chunk has finished loading, so it can be rendered at once (React.lazy would
 * still suspend once and hold its fallback for the reveal throttle, about 300 ms, before showing code already there).
 */
export function loadedPage(chunk: PageChunk): ComponentType | undefined {
  return loaded.get(chunk);
}

/** Starts loading `chunk` in the background (on hover or focus of its link); a failure shows when it is opened. */
export function preloadPage(chunk: PageChunk): void {
  loadPage(chunk).catch(() => undefined);
}

/**
 * Loads every page's chunk in the background, so opening a page later does not wait for the network or the parser.
 * A chunk that fails to load here is loaded again (and its error shown) when its page is opened.
 */
export function prefetchPages(): void {
  for (const chunk of Object.keys(loaders) as PageChunk[]) preloadPage(chunk);
}
