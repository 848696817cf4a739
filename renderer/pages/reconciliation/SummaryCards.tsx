import { Fragment } from 'react';
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
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { useFormat } from '../../i18n/use-format';
import { NumberHeader } from './cells';
import { amount, figuresMatch, isZero, type Figures } from './recon-view';
import { useReconStyles } from './styles';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  table: { tableLayout: 'auto' },
  cell: { paddingInline: tokens.spacingHorizontalXS },
  rowHead: { color: tokens.colorNeutralForeground2, width: '1%', whiteSpace: 'nowrap' },
  difference: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  same: { color: tokens.colorPaletteGreenForeground1, paddingInline: tokens.spacingHorizontalS },
});

type Row = 'count' | 'amount' | 'vat';
const ROWS: readonly Row[] = ['count', 'amount', 'vat'];

function useFigure(): (figures: Figures, row: Row) => string {
  const format = useFormat();
  return (figures, row) =>
    row === 'count' ? format.number(figures.count) : format.number(amount(figures[row]), 2);
}

/** ServiceTitan minus Visma in words, each figure that is not zero marked; or that there is none. */
function Difference({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const recon = useReconStyles();
  const figure = useFigure();
  if (figuresMatch(figures))
    return <Text className={styles.same}>{t('pages.reconciliation.card.noDifference')}</Text>;
  const off = (row: Row) => (row === 'count' ? figures.count !== 0 : !isZero(figures[row]));
  return (
    <div className={styles.difference}>
      <Text weight="semibold">{t('pages.reconciliation.card.difference')}</Text>
      {ROWS.filter(off).map((row, index) => (
        <Fragment key={row}>
          {index > 0 && <Text aria-hidden="true">·</Text>}
          <Text className={recon.difference} data-testid="recon-difference">
            {row === 'count'
              ? t('pages.reconciliation.card.countValue', {
                  count: figures.count,
                  value: figure(figures, row),
                })
              : t(`pages.reconciliation.card.${row}Value`, { value: figure(figures, row) })}
          </Text>
        </Fragment>
      ))}
    </div>
  );
}

function CardBadge({ row }: { row: ReconciliationView['totalsByType'][number] }) {
  const { t } = useTranslation();
  if (row.servicetitan.count === 0 && row.visma.count === 0)
    return (
      <Badge appearance="tint" color="informative">
        {t('pages.reconciliation.card.empty')}
      </Badge>
    );
  const matches = figuresMatch(row.difference);
  return (
    <Badge appearance="tint" color={matches ? 'success' : 'danger'}>
      {matches ? t('pages.reconciliation.card.matches') : t('pages.reconciliation.card.differs')}
    </Badge>
  );
}

/**
 * The period at a glance: one card per document type with ServiceTitan's and Visma's (booked) count, amount and VAT,
 * the difference (highlighted unless there is none) and what Visma has that is not booked yet.
 */
export function SummaryCards({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const recon = useReconStyles();
  const format = useFormat();
  const figure = useFigure();
  const hand = view.postedByHandTotals.filter((h) => h.figures.count > 0);
  return (
    <>
      <div className={styles.grid}>
        {view.totalsByType.map((row) => {
          const title = t(`pages.reconciliation.docTypes.${row.documentType}`);
          return (
            <Panel key={row.documentType} title={title} actions={<CardBadge row={row} />}>
              <Table
                size="small"
                className={styles.table}
                aria-label={t('pages.reconciliation.card.label', { type: title })}
              >
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={mergeClasses(styles.cell, styles.rowHead)} />
                    <NumberHeader className={styles.cell}>
                      {t('pages.reconciliation.card.servicetitan')}
                    </NumberHeader>
                    <NumberHeader className={styles.cell}>
                      {t('pages.reconciliation.card.visma')}
                    </NumberHeader>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {ROWS.map((r) => (
                    <TableRow key={r}>
                      <TableCell className={mergeClasses(styles.cell, styles.rowHead)}>
                        {t(`pages.reconciliation.card.${r}`)}
                      </TableCell>
                      <TableCell className={mergeClasses(styles.cell, recon.number)}>
                        {figure(row.servicetitan, r)}
                      </TableCell>
                      <TableCell className={mergeClasses(styles.cell, recon.number)}>
                        {figure(row.visma, r)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Difference figures={row.difference} />
              {row.vismaNotBooked.count > 0 && (
                <Text size={200} className={recon.muted} data-testid="recon-not-booked">
                  {t('pages.reconciliation.notBookedLine', {
                    count: row.vismaNotBooked.count,
                    shown: format.number(row.vismaNotBooked.count),
                    amount: format.number(amount(row.vismaNotBooked.amount), 2),
                  })}
                </Text>
              )}
            </Panel>
          );
        })}
      </div>
      {hand.length > 0 && (
        <Text>
          {t('pages.reconciliation.byHand', {
            count: view.counts.postedByHand,
            amount: hand
              .map((h) =>
                t('pages.reconciliation.byHandType', {
                  type: t(`pages.reconciliation.docTypes.${h.documentType}`),
                  amount: format.number(amount(h.figures.amount), 2),
                }),
              )
              .join(', '),
          })}
        </Text>
      )}
    </>
  );
}
