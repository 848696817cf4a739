import { useState } from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, CalendarRegular, ScalesRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReconciliationView } from '../../shared/contract/engine-schemas';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageLayout } from '../components/PageLayout';
import { ResultBar, type ActionResult } from '../components/ResultBar';
import { WithActiveProfile } from '../components/WithActiveProfile';
import { useReconciliation } from '../data/reconciliation';
import { useDashboard } from '../data/sync';
import { useFormat } from '../i18n/use-format';
import { PeriodPicker } from './PeriodPicker';
import { pickablePeriod, recentPeriods, type ReconPeriod } from './period';
import { Drilldown } from './reconciliation/Drilldown';
import { ExportButton } from './reconciliation/ExportButton';
import { isEmptyPeriod, monthOf } from './reconciliation/recon-view';
import { SummaryCards } from './reconciliation/SummaryCards';
import { TotalsTable } from './reconciliation/TotalsTable';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  picker: { minWidth: '220px' },
  compared: { color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalSNudge },
  spacer: { flexGrow: 1 },
});

function Findings({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (isEmptyPeriod(view)) {
    const { year, monthIndex } = monthOf(view.period);
    return (
      <EmptyState
        icon={<CalendarRegular />}
        title={t('pages.reconciliation.noDocumentsTitle', { month: format.month(year, monthIndex) })}
        body={t('pages.reconciliation.noDocumentsBody')}
      />
    );
  }
  return (
    <>
      <SummaryCards view={view} />
      <TotalsTable view={view} />
      <Drilldown key={`${view.profileId}:${view.period}`} view={view} />
    </>
  );
}

function Reconciliation({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const period: ReconPeriod =
    pickablePeriod(params.get('period'), new Date()) ?? recentPeriods(new Date(), 1)[0]!.value;
  const dashboard = useDashboard(profile.id);
  const neverRan = dashboard.data?.lastRun === null && dashboard.data.runs.length === 0;
  const recon = useReconciliation(
    profile.id,
    period,
    dashboard.isError || (dashboard.isSuccess && !neverRan),
  );
  const [result, setResult] = useState<ActionResult | null>(null);
  const view = recon.data;
  return (
    <>
      <div className={styles.toolbar}>
        <div className={styles.picker}>
          <PeriodPicker
            value={period}
            onChange={(next) => {
              setResult(null);
              setParams({ period: next }, { replace: true });
            }}
          />
        </div>
        <Button
          icon={<ArrowClockwise20Regular />}
          disabled={!view || recon.isFetching}
          onClick={() => void recon.refetch()}
        >
          {recon.isFetching && view
            ? t('pages.reconciliation.comparing')
            : t('pages.reconciliation.compareAgain')}
        </Button>
        {view && (
          <Text size={200} className={styles.compared}>
            {t('pages.reconciliation.compared', { when: format.dateTime(view.generatedAt) })}
          </Text>
        )}
        <span className={styles.spacer} />
        <ExportButton profileId={profile.id} period={period} disabled={!view} onResult={setResult} />
      </div>
      <ResultBar result={result} onDismiss={() => setResult(null)} />
      {dashboard.isPending && <Spinner label={t('app.loading')} />}
      {recon.isLoading && <Spinner label={t('pages.reconciliation.comparing')} />}
      {neverRan && (
        <EmptyState
          icon={<ScalesRegular />}
          title={t('pages.reconciliation.emptyTitle')}
          body={t('pages.reconciliation.emptyBody')}
        >
          <Button as="a" href="#/" appearance="primary">
            {t('pages.reconciliation.openDashboard')}
          </Button>
        </EmptyState>
      )}
      {recon.isError && <ErrorNotice error={recon.error} onRetry={() => void recon.refetch()} />}
      {view && <Findings view={view} />}
    </>
  );
}

/**
 * Month-end check: ServiceTitan against Visma for one period (`?period=YYYY-MM`), totals by document type and
 * business unit, the documents behind every difference, and the auditor's CSV. Until a sync has run there is nothing
 * to compare.
 */
export function ReconciliationPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.reconciliation.title')} description={t('pages.reconciliation.description')}>
      <WithActiveProfile>
        {(profile) => <Reconciliation key={profile.id} profile={profile} />}
      </WithActiveProfile>
    </PageLayout>
  );
}
