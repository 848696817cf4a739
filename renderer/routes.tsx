import { createElement, useEffect, useState, type ComponentType } from 'react';
import { Button, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './frame/AppFrame';
import { loadPage, loadedPage, prefetchPages, type PageChunk } from './page-chunks';
import { FirstRunGate } from './pages/setup/FirstRunGate';

const useStyles = makeStyles({
  loading: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}` },
  failed: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** What the main landmark shows while a page's code loads: a spinner with its label, announced politely. */
function PageLoading() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div role="status" className={styles.loading}>
      <Spinner size="small" label={t('app.loading')} />
    </div>
  );
}

/** What a page shows when its chunk could not be loaded: what happened and a way to try again. */
function PageLoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div role="alert" className={mergeClasses(styles.loading, styles.failed)}>
      <Text weight="semibold">{t('errors.title')}</Text>
      <Text>{t('app.pageLoadFailed')}</Text>
      <Text size={200}>{error instanceof Error ? error.message : String(error)}</Text>
      <div>
        <Button onClick={onRetry}>{t('errors.retry')}</Button>
      </div>
    </div>
  );
}

/** A page's component once its chunk is there, or the failure to load it. */
interface ChunkState {
  component?: ComponentType;
  error?: unknown;
}

/**
 * A page from its chunk: rendered at once when the chunk is already loaded (the usual case: chunks are fetched when
 * the app is idle and when a link is pointed at), else a spinner until it is. No Suspense boundary, so no reveal
 * throttle holds a page whose code is there. Each route keys its Page by chunk: the router would otherwise keep one
 * instance (and its state) from page to page.
 */
function Page({ chunk }: { chunk: PageChunk }) {
  const [state, setState] = useState<ChunkState>(() => ({ component: loadedPage(chunk) }));
  useEffect(() => {
    if (state.component || state.error !== undefined) return;
    let live = true;
    loadPage(chunk).then(
      (component) => live && setState({ component }),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [chunk, state]);
  if (state.component) return createElement(state.component);
  if (state.error !== undefined) return <PageLoadFailed error={state.error} onRetry={() => setState({})} />;
  return <PageLoading />;
}

/**
 * Every page inside the app frame; paths match `frame/destinations.ts` (plus the setup wizard, which opens instead of
 * the dashboard on a first run); anything unknown goes to the dashboard. Each page is its own chunk; after the first
 * page has painted, the others are fetched in the background.
 */
export function AppRoutes() {
  useEffect(() => {
    // Electron and Chromium have requestIdleCallback; a timer stands in where it is missing (jsdom in unit tests).
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => prefetchPages());
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(prefetchPages, 200);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Routes>
      <Route element={<AppFrame />}>
        <Route
          index
          element={
            <FirstRunGate>
              <Page key="dashboard" chunk="dashboard" />
            </FirstRunGate>
          }
        />
        <Route path="setup" element={<Page key="setup" chunk="setup" />} />
        <Route path="review" element={<Page key="review" chunk="review" />} />
        <Route path="reconciliation" element={<Page key="reconciliation" chunk="reconciliation" />} />
        <Route path="audit" element={<Page key="audit" chunk="audit" />} />
        <Route path="mappings" element={<Page key="mappings" chunk="mappings" />} />
        <Route path="settings" element={<Page key="settings" chunk="settings" />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
