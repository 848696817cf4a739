import { Badge, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Beaker16Regular } from '@fluentui/react-icons/svg/beaker';
import { PlugConnected20Regular } from '@fluentui/react-icons/svg/plug-connected';
import { Warning16Filled } from '@fluentui/react-icons/svg/warning';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { useEnvironmentText } from './environment-text';

const useStyles = makeStyles({
  group: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    flexShrink: 0,
  },
  // A badge has a fixed height: wrapped text would be cut off, so the profile name wraps instead.
  badge: { whiteSpace: 'nowrap' },
  separator: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  production: { fontWeight: tokens.fontWeightBold, letterSpacing: '0.04em' },
});

/**
 * Both environments of a profile, always side by side. A production Visma company is a filled red badge with a
 * warning icon and the word in capitals; test environments are calm.
 */
export function EnvironmentBadge({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const text = useEnvironmentText()(profile);
  const stProduction = profile.servicetitan.environment === 'production';
  const vismaProduction = profile.visma.environment === 'production';
  return (
    <Tooltip content={text.hint} relationship="description" withArrow>
      <span
        className={styles.group}
        role="group"
        aria-label={t('environment.groupLabel')}
        tabIndex={0}
        data-testid="environment-badge"
        data-visma-environment={profile.visma.environment}
      >
        <Badge
          size="large"
          appearance={stProduction ? 'filled' : 'tint'}
          color={stProduction ? 'brand' : 'informative'}
          icon={<PlugConnected20Regular />}
          className={styles.badge}
        >
          {text.servicetitan}
        </Badge>
        <span className={styles.separator}> · </span>
        <Badge
          size="large"
          appearance={vismaProduction ? 'filled' : 'tint'}
          color={vismaProduction ? 'danger' : 'success'}
          icon={vismaProduction ? <Warning16Filled /> : <Beaker16Regular />}
          className={mergeClasses(styles.badge, vismaProduction && styles.production)}
        >
          {text.visma}
        </Badge>
        {profile.demo && (
          <Badge
            size="large"
            appearance="outline"
            color="important"
            className={styles.badge}
            data-testid="demo-badge"
          >
            {t('environment.demo')}
          </Badge>
        )}
      </span>
    </Tooltip>
  );
}
