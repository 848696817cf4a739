import { render } from '@testing-library/react';
import { App } from '../../../../renderer/App';
import { createBridgeClient } from '../../../../renderer/bridge/client';
import { createQueryClient } from '../../../../renderer/data/query-client';
import { createI18n } from '../../../../renderer/i18n/create-i18n';
import { createMemoryBridge, type MemorySeed } from './memory-bridge';

/** jsdom lacks matchMedia, which Fluent's motion reads for reduced-motion. */
function ensureMatchMedia(): void {
  if (typeof window.matchMedia === 'function') return;
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

/** Renders the whole app over an in-memory bridge, at `hash`, in the seed's language. */
export async function renderApp(seed: MemorySeed, hash = '#/') {
  ensureMatchMedia();
  window.location.hash = hash;
  const bridge = createMemoryBridge(seed);
  const i18n = await createI18n(seed.locale ?? 'en');
  const view = render(
    <App client={createBridgeClient(bridge)} queryClient={createQueryClient()} i18n={i18n} />,
  );
  return { bridge, i18n, ...view };
}
