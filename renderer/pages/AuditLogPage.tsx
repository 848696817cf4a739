import { TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageLayout } from '../components/PageLayout';

/** The append-only record of every posting and change. Empty until the ledger has entries. */
export function AuditLogPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.audit.title')} description={t('pages.audit.description')}>
      <EmptyState
        icon={<TaskListSquareLtrRegular />}
        title={t('pages.audit.emptyTitle')}
        body={t('pages.audit.emptyBody')}
      />
    </PageLayout>
  );
}
