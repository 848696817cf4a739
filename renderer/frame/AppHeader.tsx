import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSyncCircle24Regular } from '@fluentui/react-icons/svg/arrow-sync-circle';
import { useTranslation } from 'react-i18next';
import { useActiveProfile } from '../data/profiles';
import { ProfileSwitcher } from './ProfileSwitcher';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '48px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderTop: `${tokens.strokeWidthThickest} solid transparent`,
  },
  production: { borderTopColor: tokens.colorPaletteRedBorderActive },
  // The product name wraps (never clips) when a long profile name and its badges need the room.
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexGrow: 1 },
  logo: { color: tokens.colorBrandForeground1, display: 'flex' },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { position: 'static', left: 'auto' },
  },
});

/** The top bar: skip link, product name, and the profile switcher with its environments. */
export function AppHeader({ onSkipToContent }: { onSkipToContent: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const active = useActiveProfile();
  const production = active?.visma.environment === 'production';
  return (
    <header className={mergeClasses(styles.header, production && styles.production)}>
      <Button className={styles.skip} appearance="primary" onClick={onSkipToContent}>
        {t('app.skipToContent')}
      </Button>
      <div className={styles.brand}>
        <span className={styles.logo} aria-hidden="true">
          <ArrowSyncCircle24Regular />
        </span>
        <Text weight="semibold" size={400}>
          {t('app.name')}
        </Text>
      </div>
      <ProfileSwitcher />
    </header>
  );
}
