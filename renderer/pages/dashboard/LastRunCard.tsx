import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SyncRunView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { useFormat } from '../../i18n/use-format';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { COUNT_ROWS } from './run-counts';

const useStyles = makeStyles({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The colour of a run's status badge. */
export function statusColor(status: string): 'success' | 'danger' | 'informative' | 'warning' {
  if (status === 'completed') return 'success';
  if (status === 'failed') return 'danger';
  if (status === 'running') return 'informative';
  return 'warning';
}

/** The last run: when, how long, what it did per document type, and how many calls it made to each system. */
export function LastRunCard({ run }: { run: SyncRunView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const codes = useCodeLabels();
  const styles = useStyles();
  const summary = run.summary;
  return (
    <Panel
      title={t('pages.dashboard.lastRun.title')}
      actions={
        <Badge appearance="tint" color={statusColor(run.status)}>
          {codes.runStatus(run.status)}
        </Badge>
      }
    >
      <div className={styles.facts}>
        <Text>{t('pages.dashboard.lastRun.started', { when: format.dateTime(run.startedAt) })}</Text>
        {summary && (
          <Text>
            {t('pages.dashboard.lastRun.duration', { duration: format.duration(summary.durationMs) })}
          </Text>
        )}
        <Text className={styles.muted}>
          {t('pages.dashboard.lastRun.trigger', { trigger: codes.trigger(run.trigger) })}
        </Text>
      </div>
      {run.error && (
        <Text role="alert" className={styles.error}>
          {run.error}
        </Text>
      )}
      {summary && (
        <>
          <Table size="small" aria-label={t('pages.dashboard.lastRun.countsLabel')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('pages.dashboard.lastRun.documents')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t('pages.dashboard.invoices')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t('pages.dashboard.bills')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {COUNT_ROWS.map((row) => (
                <TableRow key={row}>
                  <TableCell>{t(`pages.dashboard.count.${row}`)}</TableCell>
                  <TableCell className={styles.number} data-testid={`count-invoices-${row}`}>
                    {format.number(summary.documents.invoices[row])}
                  </TableCell>
                  <TableCell className={styles.number} data-testid={`count-bills-${row}`}>
                    {format.number(summary.documents.bills[row])}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text className={styles.muted}>
            {t('pages.dashboard.lastRun.calls', {
              visma: format.number(summary.calls.visma),
              servicetitan: format.number(summary.calls.servicetitan),
            })}
          </Text>
        </>
      )}
    </Panel>
  );
}
