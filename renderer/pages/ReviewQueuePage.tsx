import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageLayout } from '../components/PageLayout';

/** Documents that need a person: blocked or parked on the holding account. Empty until the engine reports them. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.review.title')} description={t('pages.review.description')}>
      <EmptyState
        icon={<CheckmarkCircleRegular />}
        title={t('pages.review.emptyTitle')}
        body={t('pages.review.emptyBody')}
      />
    </PageLayout>
  );
}
