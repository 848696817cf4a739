import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { useFormat } from '../../i18n/use-format';

const useStyles = makeStyles({
  when: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** When the schedule starts the next run, or that there is none and where to set one. */
export function NextRunCard({ nextRunAt }: { nextRunAt: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  return (
    <Panel title={t('pages.dashboard.nextRun.title')}>
      {nextRunAt ? (
        <Text className={styles.when} data-testid="next-run">
          {format.dateTime(nextRunAt)}
        </Text>
      ) : (
        <Text className={styles.muted} data-testid="next-run">
          {t('pages.dashboard.nextRun.none')}
        </Text>
      )}
      <Link href="#/settings">{t('pages.dashboard.nextRun.change')}</Link>
    </Panel>
  );
}
