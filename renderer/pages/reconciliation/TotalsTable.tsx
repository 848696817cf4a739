import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { useFormat } from '../../i18n/use-format';
import { NumberHeader, useDocTypeLabel } from './cells';
import { amount, isZero, type Figures } from './recon-view';
import { useReconStyles } from './styles';

const useStyles = makeStyles({
  typeCol: { width: '130px' },
  figuresCol: { width: '21%' },
});

function FiguresCell(props: { figures: Figures; difference?: boolean }) {
  const { t } = useTranslation();
  const styles = useReconStyles();
  const format = useFormat();
  const { figures } = props;
  const mark = (off: boolean) =>
    props.difference && off ? { className: styles.difference, 'data-testid': 'recon-difference' } : {};
  return (
    <TableCell>
      <span className={mergeClasses(styles.stack, styles.stackEnd, styles.number)}>
        <Text {...mark(!isZero(figures.amount))}>{format.number(amount(figures.amount), 2)}</Text>
        <Text size={200} className={styles.muted}>
          <span {...mark(!isZero(figures.vat))}>
            {t('pages.reconciliation.vat', { amount: format.number(amount(figures.vat), 2) })}
          </span>
          {' · '}
          <span {...mark(figures.count !== 0)}>
            {t('pages.reconciliation.units.documents', {
              count: figures.count,
              shown: format.number(figures.count),
            })}
          </span>
        </Text>
      </span>
    </TableCell>
  );
}

/** ServiceTitan against Visma per document type and business unit: amount, VAT and count on each side. */
export function TotalsTable({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const typeLabel = useDocTypeLabel();
  return (
    <Panel title={t('pages.reconciliation.units.title')}>
      <Table size="small" aria-label={t('pages.reconciliation.units.tableLabel')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.typeCol}>
              {t('pages.reconciliation.units.type')}
            </TableHeaderCell>
            <TableHeaderCell>{t('pages.reconciliation.units.unit')}</TableHeaderCell>
            <NumberHeader className={styles.figuresCol}>
              {t('pages.reconciliation.card.servicetitan')}
            </NumberHeader>
            <NumberHeader className={styles.figuresCol}>{t('pages.reconciliation.card.visma')}</NumberHeader>
            <NumberHeader className={styles.figuresCol}>
              {t('pages.reconciliation.card.difference')}
            </NumberHeader>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.totals.map((row) => (
            <TableRow key={`${row.documentType}:${row.businessUnitId ?? ''}`} data-testid="recon-unit-row">
              <TableCell>{typeLabel(row.documentType)}</TableCell>
              <TableCell>
                {row.businessUnitName ?? row.businessUnitId ?? t('pages.reconciliation.units.noUnit')}
              </TableCell>
              <FiguresCell figures={row.servicetitan} />
              <FiguresCell figures={row.visma} />
              <FiguresCell figures={row.difference} difference />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Panel>
  );
}
