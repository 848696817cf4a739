import { useEffect, useRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Outlet, useLocation } from 'react-router';
import { RunNotifications } from '../notify/RunNotifications';
import { useFocusReturn } from '../components/focus-return';
import { AppHeader } from './AppHeader';
import { useWarmLinkTab } from '../data/mappings';
import { useActiveProfile } from '../data/profiles';
import { SideNav } from './SideNav';
import { useDocumentTitle } from './use-document-title';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  main: {
    flexGrow: 1,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus': { outlineStyle: 'none' },
  },
});

/** The app window: header on top, navigation on the left, the current page in the main landmark. */
export function AppFrame() {
  const styles = useStyles();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPath = useRef(pathname);
  useDocumentTitle();
  useWarmLinkTab(useActiveProfile()?.id);
  useFocusReturn();

  // After navigating, move focus to the page so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (pathname === previousPath.current) return;
    previousPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <div className={styles.root}>
      <RunNotifications />
      <AppHeader onSkipToContent={() => mainRef.current?.focus()} />
      <div className={styles.body}>
        <SideNav />
        <main ref={mainRef} id="main" tabIndex={-1} className={styles.main}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
