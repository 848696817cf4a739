import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '../shared/contract/schemas';
import { App, Shell } from './App';
import { createBridgeClient, type BridgeClient } from './bridge/client';
import { selectTransport } from './bridge/select-transport';
import { createQueryClient } from './data/query-client';
import { createI18n } from './i18n/create-i18n';
import { guessLocale } from './i18n/guess-locale';
import { MissingToken } from './MissingToken';
import './styles.css';

async function startupLocale(client: BridgeClient): Promise<Locale> {
  try {
    return (await client.call('settings.get', {})).locale;
  } catch {
    return guessLocale(navigator.languages);
  }
}

/** Picks the transport, reads the saved language, then renders the app (or the missing-token notice). */
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element.');
  const root = createRoot(container);
  const transport = selectTransport(window);
  if (transport.kind === 'missing-token') {
    const locale = guessLocale(navigator.languages);
    document.documentElement.lang = locale;
    root.render(
      <Shell i18n={await createI18n(locale)}>
        <MissingToken />
      </Shell>,
    );
    return;
  }
  const client = createBridgeClient(transport.api);
  const locale = await startupLocale(client);
  document.documentElement.lang = locale;
  const i18n = await createI18n(locale);
  root.render(
    <StrictMode>
      <App client={client} queryClient={createQueryClient()} i18n={i18n} />
    </StrictMode>,
  );
}

void start();
