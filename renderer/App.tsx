import type { ReactNode } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import { BridgeClientProvider } from './bridge/context';
import type { BridgeClient } from './bridge/client';
import { AppRoutes } from './routes';
import { useOsTheme } from './theme/use-os-theme';

/** Theme (following the OS: light, dark or a contrast theme) and language, the part every screen needs, including the one shown when there is no bridge. */
export function Shell({ i18n, children }: { i18n: i18n; children: ReactNode }) {
  const theme = useOsTheme();
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={theme} style={{ height: '100%' }}>
        {children}
      </FluentProvider>
    </I18nextProvider>
  );
}

/** The whole app: bridge, data cache, language, theme and the hash router (works under app:// and http). */
export function App(props: { client: BridgeClient; queryClient: QueryClient; i18n: i18n }) {
  return (
    <BridgeClientProvider client={props.client}>
      <QueryClientProvider client={props.queryClient}>
        <Shell i18n={props.i18n}>
          <HashRouter>
            <AppRoutes />
          </HashRouter>
        </Shell>
      </QueryClientProvider>
    </BridgeClientProvider>
  );
}
