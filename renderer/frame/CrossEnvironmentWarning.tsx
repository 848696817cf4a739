import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { ConfirmEnvironmentsButton } from './ConfirmEnvironmentsButton';
import { companyOf } from './company-name';

/**
 * The warning an unconfirmed test tenant → production company profile carries wherever it is shown in full
 * (Dashboard, Settings → Profiles), with the way to confirm. Nothing for any other profile.
 */
export function CrossEnvironmentWarning({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  if (profile.crossEnvironment !== 'unconfirmed') return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="cross-environment-warning">
      <MessageBarBody>
        <MessageBarTitle>{t('crossEnvironment.title')}</MessageBarTitle>
        {t('crossEnvironment.warning', { company: companyOf(profile) })}
      </MessageBarBody>
      <MessageBarActions>
        <ConfirmEnvironmentsButton profile={profile} />
      </MessageBarActions>
    </MessageBar>
  );
}
