import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/contract/engine-schemas';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useAuditMessage } from './use-audit-message';
import { useFormat } from '../../i18n/use-format';

const useStyles = makeStyles({
  time: { width: '96px' },
  narrow: { width: '96px' },
  event: { width: '150px' },
  batch: { width: '80px' },
  muted: { color: tokens.colorNeutralForeground2 },
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  message: { paddingBlock: tokens.spacingVerticalXS },
});

/** The colour of an audit outcome. */
export function outcomeBadgeColor(
  outcome: string,
): 'success' | 'danger' | 'warning' | 'informative' | 'subtle' {
  if (outcome === 'success') return 'success';
  if (outcome === 'failure') return 'danger';
  if (outcome === 'blocked') return 'warning';
  if (outcome === 'info') return 'informative';
  return 'subtle';
}

function Numbered(props: { kind?: string; number?: string }) {
  const styles = useStyles();
  if (!props.number) return <>–</>;
  return (
    <span className={styles.stack}>
      {props.kind && (
        <Text size={200} className={styles.muted}>
          {props.kind}
        </Text>
      )}
      <Text>{props.number}</Text>
    </span>
  );
}

/** Audit entries, newest first: time, who, what, outcome, the numbers on both sides, the GL batch and the message. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useCodeLabels();
  const message = useAuditMessage();
  const format = useFormat();
  return (
    <Table size="small" aria-label={t('pages.audit.tableLabel')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.time}>{t('pages.audit.column.time')}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t('pages.audit.column.actor')}</TableHeaderCell>
          <TableHeaderCell className={styles.event}>{t('pages.audit.column.action')}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t('pages.audit.column.outcome')}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t('pages.audit.column.servicetitan')}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t('pages.audit.column.visma')}</TableHeaderCell>
          <TableHeaderCell className={styles.batch}>{t('pages.audit.column.glBatch')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.audit.column.message')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id} data-testid="audit-row">
            <TableCell className={styles.time}>{format.dateTime(e.at)}</TableCell>
            <TableCell>{codes.actor(e.actor)}</TableCell>
            <TableCell>
              <Tooltip content={e.action} relationship="description">
                <Text>{codes.action(e.action)}</Text>
              </Tooltip>
            </TableCell>
            <TableCell>
              <Badge appearance="tint" color={outcomeBadgeColor(e.outcome)}>
                {codes.outcome(e.outcome)}
              </Badge>
            </TableCell>
            <TableCell>
              <Numbered kind={e.sourceType && codes.sourceType(e.sourceType)} number={e.sourceNumber} />
            </TableCell>
            <TableCell data-testid="audit-visma-number">
              <Numbered
                kind={e.vismaDocType && codes.vismaDocType(e.vismaDocType)}
                number={e.vismaDocNumber}
              />
            </TableCell>
            <TableCell data-testid="audit-gl-batch">{e.glBatchNumber ?? '–'}</TableCell>
            <TableCell className={styles.message}>{message(e)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
