import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../shared/contract/engine-schemas';
import { useFormat } from '../../i18n/use-format';

/**
 * Warns that Visma holds documents under this connector's markers that this installation did not post: a second
 * PC or a scheduled task on another data folder is syncing the same company (or this ledger was reset or restored).
 */
export function OtherInstallationWarning({
  seen,
}: {
  seen: NonNullable<DashboardView['otherInstallation']>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="other-installation-warning">
      <MessageBarBody>
        <MessageBarTitle>{t('pages.dashboard.otherInstallation.title')}</MessageBarTitle>
        {t('pages.dashboard.otherInstallation.body', { when: format.dateTime(seen.at) })}
      </MessageBarBody>
    </MessageBar>
  );
}
