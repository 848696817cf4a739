import { useRef, useState } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncCircleRegular } from '@fluentui/react-icons/svg/arrow-sync-circle';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageLayout } from '../components/PageLayout';
import { ResultBar, type ActionResult } from '../components/ResultBar';
import { WithActiveProfile } from '../components/WithActiveProfile';
import { useErrorText } from '../components/use-error-text';
import { useActiveProfile, useProfiles } from '../data/profiles';
import { useCancelSync, useDashboard, useRunSync, useSyncInFlight, useSyncProgress } from '../data/sync';
import { CrossEnvironmentWarning } from '../frame/CrossEnvironmentWarning';
import { ClosedPeriodWarning } from './dashboard/ClosedPeriodWarning';
import { LastRunCard } from './dashboard/LastRunCard';
import { NextRunCard } from './dashboard/NextRunCard';
import { OtherInstallationWarning } from './dashboard/OtherInstallationWarning';
import { RecentRuns } from './dashboard/RecentRuns';
import { RunFailureWarning } from './dashboard/RunFailureWarning';
import { ReviewCountCard } from './dashboard/ReviewCountCard';
import { SyncButton } from './dashboard/SyncButton';
import { SyncProgressPanel } from './dashboard/SyncProgressPanel';
import { VolumeChart } from './dashboard/VolumeChart';
import { postedTotal } from './dashboard/run-counts';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(200px, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

function ProfileDashboard({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const dashboard = useDashboard(profile.id);
  const runSync = useRunSync(profile.id);
  const cancelSync = useCancelSync(profile.id);
  const [cancelAsked, setCancelAsked] = useState(false);
  // Read when the run's answer arrives, which may be long after `start` made its callbacks.
  const cancelAskedNow = useRef(false);
  const askCancel = (asked: boolean) => {
    cancelAskedNow.current = asked;
    setCancelAsked(asked);
  };
  const inFlight = useSyncInFlight(profile.id);
  const { progress, reset } = useSyncProgress(profile.id);
  const [result, setResult] = useState<ActionResult | null>(null);
  const running = inFlight || dashboard.data?.running === true;
  const unconfirmed = profile.crossEnvironment === 'unconfirmed';

  function cancel() {
    askCancel(true);
    cancelSync.mutate(undefined, {
      onError: (error) => {
        askCancel(false);
        setResult({ intent: 'error', text: errorText(error) });
      },
    });
  }

  function start() {
    setResult(null);
    askCancel(false);
    reset();
    runSync.mutate(undefined, {
      onSuccess: ({ summary }) =>
        setResult({
          intent: summary.reviewQueue > 0 ? 'warning' : 'success',
          text: t('pages.dashboard.finished', {
            posted: postedTotal(summary),
            review: summary.reviewQueue,
          }),
        }),
      onError: (error) =>
        setResult(
          cancelAskedNow.current
            ? { intent: 'warning', text: t('pages.dashboard.progress.cancelled') }
            : { intent: 'error', text: t('pages.dashboard.failed', { message: errorText(error) }) },
        ),
      onSettled: () => askCancel(false),
    });
  }

  const data = dashboard.data;
  const neverRan = data !== undefined && data.lastRun === null && data.runs.length === 0;
  return (
    <PageLayout
      title={t('pages.dashboard.title')}
      description={t('pages.dashboard.description')}
      actions={
        <SyncButton
          running={running}
          disabledReason={
            running
              ? t('pages.dashboard.runningReason')
              : unconfirmed
                ? t('crossEnvironment.syncBlocked')
                : null
          }
          onClick={start}
        />
      }
    >
      <CrossEnvironmentWarning profile={profile} />
      {data?.lastRun && !running && <RunFailureWarning run={data.lastRun} />}
      {data?.closedPeriodWaiting && <ClosedPeriodWarning waiting={data.closedPeriodWaiting} />}
      {data?.otherInstallation && <OtherInstallationWarning seen={data.otherInstallation} />}
      {running && <SyncProgressPanel progress={progress} onCancel={cancel} cancelling={cancelAsked} />}
      <ResultBar result={result} onDismiss={() => setResult(null)} />
      {dashboard.isPending && <Spinner label={t('app.loading')} />}
      {dashboard.isError && <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {neverRan && !running && (
        <>
          <EmptyState
            icon={<ArrowSyncCircleRegular />}
            title={t('pages.dashboard.emptyTitle')}
            body={t('pages.dashboard.emptyBody')}
          />
          <NextRunCard nextRunAt={data.nextRunAt} />
        </>
      )}
      {data && !neverRan && (
        <>
          <div className={styles.grid}>
            {data.lastRun ? <LastRunCard run={data.lastRun} /> : <div />}
            <div className={styles.side}>
              <ReviewCountCard count={data.reviewCount} questions={data.reviewQuestions ?? 0} />
              <NextRunCard nextRunAt={data.nextRunAt} />
            </div>
          </div>
          <VolumeChart volume={data.volume} />
          <RecentRuns runs={data.runs} />
        </>
      )}
    </PageLayout>
  );
}

/** Start page: Sync now, the running sync's progress, the last run, the review count, the next scheduled run, volume and recent runs. */
export function DashboardPage() {
  const { t } = useTranslation();
  const active = useActiveProfile();
  const profiles = useProfiles();
  if (active) return <ProfileDashboard key={active.id} profile={active} />;
  return (
    <PageLayout
      title={t('pages.dashboard.title')}
      description={t('pages.dashboard.description')}
      actions={<SyncButton running={false} disabledReason={t('profile.addInSettings')} />}
    >
      {profiles.isError ? (
        <ErrorNotice error={profiles.error} onRetry={() => void profiles.refetch()} />
      ) : (
        <WithActiveProfile>{() => null}</WithActiveProfile>
      )}
    </PageLayout>
  );
}
