import { Button, Caption1, Spinner, Tooltip } from '@fluentui/react-components';
import { ArrowSync20Regular, ArrowSyncCircleRegular, PlugDisconnectedRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageLayout } from '../components/PageLayout';
import { useProfiles } from '../data/profiles';

/** Start page: the last sync and what it moved. Until the sync engine is wired, it says how to get there. */
export function DashboardPage() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const hasActiveProfile = Boolean(profiles.data?.activeProfileId);
  const syncHint = hasActiveProfile ? t('pages.dashboard.syncNotReady') : t('profile.addInSettings');

  const syncNow = (
    <Tooltip content={syncHint} relationship="description">
      <Button appearance="primary" icon={<ArrowSync20Regular />} disabledFocusable>
        {t('pages.dashboard.syncNow')}
      </Button>
    </Tooltip>
  );

  return (
    <PageLayout
      title={t('pages.dashboard.title')}
      description={t('pages.dashboard.description')}
      actions={syncNow}
    >
      {profiles.isPending && <Spinner label={t('app.loading')} />}
      {profiles.isError && <ErrorNotice error={profiles.error} onRetry={() => void profiles.refetch()} />}
      {profiles.isSuccess && !hasActiveProfile && (
        <EmptyState
          icon={<PlugDisconnectedRegular />}
          title={t('pages.dashboard.noProfileTitle')}
          body={t('profile.addInSettings')}
        >
          <Button as="a" href="#/settings" appearance="primary">
            {t('pages.dashboard.openSettings')}
          </Button>
        </EmptyState>
      )}
      {profiles.isSuccess && hasActiveProfile && (
        <EmptyState
          icon={<ArrowSyncCircleRegular />}
          title={t('pages.dashboard.emptyTitle')}
          body={t('pages.dashboard.emptyBody')}
        >
          <Caption1>{syncHint}</Caption1>
        </EmptyState>
      )}
    </PageLayout>
  );
}
