import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmark16Regular } from '@fluentui/react-icons/svg/shield-checkmark';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';

const useStyles = makeStyles({
  note: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    // Wraps onto two lines rather than push the header wider than a 1366 px screen.
    maxWidth: '16em',
  },
});

/** The small, lasting note of a test tenant → production company profile that someone has confirmed. */
export function ConfirmedNote({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (profile.crossEnvironment !== 'confirmed') return null;
  return (
    <Caption1 className={styles.note} data-testid="cross-environment-confirmed">
      <ShieldCheckmark16Regular aria-hidden="true" />
      {t('crossEnvironment.confirmedNote')}
    </Caption1>
  );
}
