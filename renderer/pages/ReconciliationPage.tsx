import { useState } from 'react';
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { CalendarRegular } from '@fluentui/react-icons/svg/calendar';
import { ScalesRegular } from '@fluentui/react-icons/svg/scales';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { defaultClosePeriod } from '../../shared/close-period';
import type { ReconciliationView } from '../../shared/contract/engine-schemas';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageLayout } from '../components/PageLayout';
import { ResultBar, type ActionResult } from '../components/ResultBar';
import { WithActiveProfile } from '../components/WithActiveProfile';
import { useReconciliation, useReconciliationReport } from '../data/reconciliation';
import { useDashboard } from '../data/sync';
import { useFormat } from '../i18n/use-format';
import { PeriodPicker } from './PeriodPicker';
import { pickablePeriod, recentPeriods, type ReconPeriod } from './period';
import { CloseBuckets } from './reconciliation/CloseBuckets';
import { anchors, firstBucket, type Bucket } from './reconciliation/close-view';
import { ExportButton } from './reconciliation/ExportButton';
import { GlTable } from './reconciliation/GlTable';
import { PrintReportButton } from './reconciliation/PrintReportButton';
import { ReadyChecklist, type ChecklistTargets } from './reconciliation/ReadyChecklist';
import { isEmptyPeriod, monthOf } from './reconciliation/recon-view';
import { StDownBanner } from './reconciliation/StDownBanner';
import { SummaryCards } from './reconciliation/SummaryCards';
import { TotalsTable } from './reconciliation/TotalsTable';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  picker: { minWidth: '220px' },
  compared: { color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalSNudge },
  spacer: { flexGrow: 1 },
  anchor: { outlineStyle: 'none', scrollMarginTop: tokens.spacingVerticalL },
});

/** Brings an element of the page into view and moves the keyboard focus to it. */
function reveal(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'start' });
  target.focus();
}

/** The period the page shows: a linked `?period=` the picker offers, else the month being closed. */
function shownPeriod(linked: string | null, timeZone: string): ReconPeriod {
  const now = new Date();
  return (
    pickablePeriod(linked, now) ??
    pickablePeriod(defaultClosePeriod(now, timeZone), now) ??
    recentPeriods(now, 1)[0]!.value
  );
}

function Findings({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const [bucket, setBucket] = useState<Bucket>(() => firstBucket(view));
  if (isEmptyPeriod(view)) {
    const { year, monthIndex } = monthOf(view.period);
    return (
      <>
        <StDownBanner view={view} />
        <EmptyState
          icon={<CalendarRegular />}
          title={t('pages.reconciliation.noDocumentsTitle', { month: format.month(year, monthIndex) })}
          body={t('pages.reconciliation.noDocumentsBody')}
        />
      </>
    );
  }
  const to: ChecklistTargets = {
    showBucket: (next) => {
      setBucket(next);
      reveal(anchors.tab(next));
    },
    showGl: () => reveal(anchors.gl),
  };
  return (
    <>
      <StDownBanner view={view} />
      <ReadyChecklist view={view} to={to} />
      <SummaryCards view={view} />
      <TotalsTable view={view} />
      <div id={anchors.buckets} className={styles.anchor}>
        <CloseBuckets view={view} chosen={bucket} onChoose={setBucket} />
      </div>
      <div id={anchors.gl} tabIndex={-1} className={styles.anchor}>
        <GlTable view={view} />
      </div>
    </>
  );
}

function Reconciliation({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const period = shownPeriod(params.get('period'), profile.timeZone);
  const dashboard = useDashboard(profile.id);
  const neverRan = dashboard.data?.lastRun === null && dashboard.data.runs.length === 0;
  const recon = useReconciliation(
    profile.id,
    period,
    dashboard.isError || (dashboard.isSuccess && !neverRan),
  );
  const [result, setResult] = useState<ActionResult | null>(null);
  const loadReport = useReconciliationReport(profile.id);
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
        <PrintReportButton load={() => loadReport(period)} disabled={!view} onResult={setResult} />
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
 * Month-end close: ServiceTitan, the ledger and Visma for one period (`?period=YYYY-MM`, else the month being
 * closed): "ready to close" with its checks, totals by document type and business unit, every document in its bucket
 * with the reason, the general ledger accounts, and the auditor's exports. Until a sync has run there is nothing to
 * compare.
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
