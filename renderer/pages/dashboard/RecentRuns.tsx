import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SyncRunView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import { statusColor } from './LastRunCard';
import { postedTotal } from './run-counts';

const useStyles = makeStyles({
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The latest runs, newest first: when, what started them, how they ended and what they moved. */
export function RecentRuns({ runs }: { runs: SyncRunView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const codes = useCodeLabels();
  const styles = useStyles();
  if (runs.length === 0) return null;
  return (
    <Panel title={t('pages.dashboard.runs.title')}>
      <Table size="small" aria-label={t('pages.dashboard.runs.title')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('pages.dashboard.runs.started')}</TableHeaderCell>
            <TableHeaderCell>{t('pages.dashboard.runs.trigger')}</TableHeaderCell>
            <TableHeaderCell>{t('pages.dashboard.runs.status')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pages.dashboard.runs.duration')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pages.dashboard.runs.posted')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pages.dashboard.runs.review')}</TableHeaderCell>
            <TableHeaderCell>{t('pages.dashboard.runs.note')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id}>
              <TableCell>{format.dateTime(run.startedAt)}</TableCell>
              <TableCell>{codes.trigger(run.trigger)}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={statusColor(run.status)}>
                  {codes.runStatus(run.status)}
                </Badge>
              </TableCell>
              <TableCell className={styles.number}>
                {run.summary ? format.duration(run.summary.durationMs) : '–'}
              </TableCell>
              <TableCell className={styles.number}>
                {run.summary ? format.number(postedTotal(run.summary)) : '–'}
              </TableCell>
              <TableCell className={styles.number}>
                {run.summary ? format.number(run.summary.reviewQueue) : '–'}
              </TableCell>
              <TableCell className={styles.note}>{run.error ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}
