import { Badge, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { Beaker16Regular, PlugConnected20Regular, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { useEnvironmentText } from './environment-text';

const useStyles = makeStyles({
  group: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
  },
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
        >
          {text.servicetitan}
        </Badge>
        <span className={styles.separator}> · </span>
        <Badge
          size="large"
          appearance={vismaProduction ? 'filled' : 'tint'}
          color={vismaProduction ? 'danger' : 'success'}
          icon={vismaProduction ? <Warning16Filled /> : <Beaker16Regular />}
          className={vismaProduction ? styles.production : undefined}
        >
          {text.visma}
        </Badge>
        {profile.demo && (
          <Badge size="large" appearance="outline" color="important" data-testid="demo-badge">
            {t('environment.demo')}
          </Badge>
        )}
      </span>
    </Tooltip>
  );
}
