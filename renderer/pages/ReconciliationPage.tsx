import { useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { ScalesRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageLayout } from '../components/PageLayout';
import { PeriodPicker } from './PeriodPicker';
import { recentPeriods, type FinancialPeriod } from './period';

const useStyles = makeStyles({
  picker: { maxWidth: '280px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Month-end check: ServiceTitan against Visma for one period. Until a sync has run there is nothing to compare. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [period, setPeriod] = useState<FinancialPeriod>(() => recentPeriods(new Date(), 1)[0]!.value);
  return (
    <PageLayout title={t('pages.reconciliation.title')} description={t('pages.reconciliation.description')}>
      <div className={styles.picker}>
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <EmptyState
        icon={<ScalesRegular />}
        title={t('pages.reconciliation.emptyTitle')}
        body={t('pages.reconciliation.emptyBody')}
      />
    </PageLayout>
  );
}
