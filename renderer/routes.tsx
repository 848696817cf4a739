import { Suspense, useEffect, type ComponentType } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppFrame } from './frame/AppFrame';
import { lazyPages, prefetchPages } from './page-chunks';
import { FirstRunGate } from './pages/setup/FirstRunGate';

const useStyles = makeStyles({
  loading: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}` },
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

/** A lazily loaded page inside its loading state. */
function Page({ page: Component }: { page: ComponentType }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Component />
    </Suspense>
  );
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
              <Page page={lazyPages.dashboard} />
            </FirstRunGate>
          }
        />
        <Route path="setup" element={<Page page={lazyPages.setup} />} />
        <Route path="review" element={<Page page={lazyPages.review} />} />
        <Route path="reconciliation" element={<Page page={lazyPages.reconciliation} />} />
        <Route path="audit" element={<Page page={lazyPages.audit} />} />
        <Route path="mappings" element={<Page page={lazyPages.mappings} />} />
        <Route path="settings" element={<Page page={lazyPages.settings} />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
