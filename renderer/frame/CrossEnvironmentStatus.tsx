import { Badge, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Warning16Filled } from '@fluentui/react-icons/svg/warning';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { ConfirmEnvironmentsButton } from './ConfirmEnvironmentsButton';
import { ConfirmedNote } from './ConfirmedNote';
import { companyOf } from './company-name';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexShrink: 0 },
  badge: { whiteSpace: 'nowrap' },
});

/**
 * The short form beside a profile's environments in the header: an unconfirmed test tenant → production company
 * pair shows "Not confirmed" (the full warning as its description) and "Confirm…"; a confirmed one a small note.
 */
export function CrossEnvironmentStatus({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (profile.crossEnvironment === 'confirmed') return <ConfirmedNote profile={profile} />;
  if (profile.crossEnvironment !== 'unconfirmed') return null;
  return (
    <span className={styles.root} data-testid="cross-environment-status">
      <Tooltip
        content={t('crossEnvironment.warning', { company: companyOf(profile) })}
        relationship="description"
        withArrow
      >
        <Badge
          size="large"
          appearance="filled"
          color="warning"
          icon={<Warning16Filled />}
          tabIndex={0}
          className={styles.badge}
        >
          {t('crossEnvironment.notConfirmed')}
        </Badge>
      </Tooltip>
      <ConfirmEnvironmentsButton profile={profile} size="small" />
    </span>
  );
}
