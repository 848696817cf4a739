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
import type { PlannedDocumentView } from '../../../shared/contract/engine-schemas';
import type { Amount } from '../../i18n/format';
import { useFormat } from '../../i18n/use-format';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  holding: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  totals: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalXL },
});

const amount = (value: string) => value as Amount;

/** A document as it would be posted to Visma: header facts, the lines with account and VAT code, the totals. */
export function PlannedDocument({ planned }: { planned: PlannedDocumentView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const supplier = planned.kind === 'supplierInvoice';
  const year = Number(planned.financialPeriod.slice(0, 4));
  const month = Number(planned.financialPeriod.slice(4, 6)) - 1;
  const facts: [string, string][] = [
    [supplier ? t('pages.review.preview.supplier') : t('pages.review.preview.customer'), planned.partyNumber],
    [t('pages.review.preview.date'), format.date(planned.date.slice(0, 10))],
    [
      t('pages.review.preview.period'),
      Number.isFinite(year) ? format.month(year, month) : planned.financialPeriod,
    ],
    [t('pages.review.preview.reference'), planned.externalReference],
    [t('pages.review.preview.text'), planned.text],
    [t('pages.review.preview.hold'), planned.hold ? t('common.yes') : t('common.no')],
  ];
  return (
    <>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <Table size="small" aria-label={t('pages.review.preview.lines')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('pages.review.preview.description')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pages.review.preview.quantity')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pages.review.preview.unitPrice')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('pages.review.preview.amount')}</TableHeaderCell>
            <TableHeaderCell>{t('pages.review.preview.account')}</TableHeaderCell>
            <TableHeaderCell>{t('pages.review.preview.vatCode')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {planned.lines.map((line, index) => (
            <TableRow
              key={index}
              className={line.holding ? styles.holding : undefined}
              data-holding={line.holding ? 'true' : undefined}
            >
              <TableCell>{line.description}</TableCell>
              <TableCell className={styles.number}>{format.number(amount(line.quantity))}</TableCell>
              <TableCell className={styles.number}>{format.money(amount(line.unitPrice))}</TableCell>
              <TableCell className={styles.number}>{format.money(amount(line.amount))}</TableCell>
              <TableCell>
                {line.accountNumber}{' '}
                {line.holding && (
                  <Badge appearance="filled" color="warning" size="small">
                    {t('pages.review.preview.holding')}
                  </Badge>
                )}
              </TableCell>
              <TableCell>{line.vatCodeId ?? '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.totals}>
        <Text>{t('pages.review.preview.vat', { amount: format.money(amount(planned.expected.vat)) })}</Text>
        <Text weight="semibold">
          {t('pages.review.preview.total', { amount: format.money(amount(planned.expected.amount)) })}
        </Text>
      </div>
    </>
  );
}
