import { Nav, NavItem, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { preloadPage } from '../page-chunks';
import { destinationFor, destinations } from './destinations';

const useStyles = makeStyles({
  nav: {
    flexShrink: 0,
    width: '232px',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    backgroundColor: 'transparent',
  },
  item: { backgroundColor: 'transparent' },
});

/**
 * The left navigation: one link per page, the current one marked for sight and for screen readers. Pointing at or
 * focusing a link starts loading its page's code, so the click finds it loaded.
 */
export function SideNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const styles = useStyles();
  return (
    <nav aria-label={t('nav.label')} className={styles.nav}>
      <Nav selectedValue={destinationFor(pathname)?.path} className={styles.list}>
        {destinations.map(({ path, key, Icon }) => (
          <NavItem
            key={path}
            value={path}
            href={`#${path}`}
            icon={<Icon />}
            className={styles.item}
            onPointerEnter={() => preloadPage(key)}
            onFocus={() => preloadPage(key)}
          >
            {t(`nav.${key}`)}
          </NavItem>
        ))}
      </Nav>
    </nav>
  );
}
