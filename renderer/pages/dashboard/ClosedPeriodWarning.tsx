import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../../shared/contract/engine-schemas';
import { useFormat } from '../../i18n/use-format';

/** Warns that documents wait because their Visma period is closed, naming the periods in words. */
export function ClosedPeriodWarning({
  waiting,
}: {
  waiting: NonNullable<DashboardView['closedPeriodWaiting']>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const periods = waiting.periods
    .map((p) => format.month(Number(p.slice(0, 4)), Number(p.slice(4, 6)) - 1))
    .join(', ');
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="closed-period-warning">
      <MessageBarBody>
        <MessageBarTitle>{t('pages.dashboard.closedPeriod.title', { count: waiting.count })}</MessageBarTitle>
        {t('pages.dashboard.closedPeriod.body', { periods })}{' '}
        <Link href="#/review">{t('pages.dashboard.closedPeriod.open')}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}
