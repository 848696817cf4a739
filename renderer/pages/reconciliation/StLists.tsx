import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import { AmountCell, DocLinks, NumberHeader, StDocCell } from './cells';
import { amount, type StDoc, type VismaDoc } from './recon-view';
import { useReconStyles } from './styles';

type Missing = ReconciliationView['missing'][number];
type WithVisma = ReconciliationView['duplicated'][number];

const useStyles = makeStyles({
  docCol: { width: '190px' },
  figuresCol: { width: '120px' },
  linksCol: { width: '120px' },
});

/** A Visma financial period `YYYYMM` as the UI language names the month. */
function useFinancialPeriod(): (period: string | null) => string {
  const format = useFormat();
  return (period) =>
    period && /^\d{6}$/.test(period)
      ? format.month(Number(period.slice(0, 4)), Number(period.slice(4, 6)) - 1)
      : '–';
}

function Why({ item }: { item: Missing }) {
  const { t } = useTranslation();
  const recon = useReconStyles();
  const codes = useCodeLabels();
  const monthName = useFinancialPeriod();
  const { st } = item;
  let detail: string;
  if (item.why === 'waiting') {
    const state = codes.state(st.state ?? 'pending');
    detail = st.reasonCode ? `${state} · ${codes.reason(st.reasonCode)}` : state;
  } else if (item.why === 'posted_in_other_period') {
    detail = t('pages.reconciliation.why.otherPeriodDetail', {
      number: st.vismaNumber ?? '–',
      period: monthName(st.plannedPeriod),
    });
  } else {
    detail = t('pages.reconciliation.why.notFoundDetail', { number: st.vismaNumber ?? '–' });
  }
  return (
    <span className={recon.stack}>
      <Text weight="semibold">{t(`pages.reconciliation.why.${item.why}`)}</Text>
      <Text size={200}>{detail}</Text>
      {item.why === 'waiting' && st.reasonText && (
        <Text size={200} className={recon.muted}>
          {st.reasonText}
        </Text>
      )}
    </span>
  );
}

/** Documents of the period that are not in Visma, with why in words and the way to the review queue. */
export function MissingTable({ items }: { items: Missing[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Table size="small" aria-label={t('pages.reconciliation.lists.missing')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.docCol}>
            {t('pages.reconciliation.column.document')}
          </TableHeaderCell>
          <NumberHeader className={styles.figuresCol}>{t('pages.reconciliation.column.amount')}</NumberHeader>
          <TableHeaderCell>{t('pages.reconciliation.column.why')}</TableHeaderCell>
          <TableHeaderCell className={styles.linksCol}>
            {t('pages.reconciliation.column.links')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.st.key} data-testid="recon-row">
            <TableCell>
              <StDocCell doc={item.st} />
            </TableCell>
            <TableCell>
              <AmountCell amount={item.st.amount} vat={item.st.vat} />
            </TableCell>
            <TableCell>
              <Why item={item} />
            </TableCell>
            <TableCell>
              <DocLinks
                number={item.st.number}
                reviewReason={item.why === 'waiting' ? item.st.reasonCode : null}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function VismaNumbers({ docs, empty }: { docs: VismaDoc[]; empty: string }) {
  const recon = useReconStyles();
  const format = useFormat();
  const codes = useCodeLabels();
  if (docs.length === 0) return <Text className={recon.muted}>{empty}</Text>;
  return (
    <span className={recon.stack}>
      {docs.map((d) => (
        <Text key={`${d.kind}:${d.number}`}>
          <Text weight="semibold">{d.number}</Text>
          {` · ${codes.vismaDocType(d.kind)} · ${format.date(d.date)} · ${format.number(amount(d.amount), 2)}`}
        </Text>
      ))}
    </span>
  );
}

/** Documents with more than one Visma document: every Visma number, so the extra ones can be credited. */
export function DuplicatedTable({ items }: { items: WithVisma[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Table size="small" aria-label={t('pages.reconciliation.lists.duplicated')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.docCol}>
            {t('pages.reconciliation.column.document')}
          </TableHeaderCell>
          <NumberHeader className={styles.figuresCol}>{t('pages.reconciliation.column.amount')}</NumberHeader>
          <TableHeaderCell>{t('pages.reconciliation.column.vismaDocs')}</TableHeaderCell>
          <TableHeaderCell className={styles.linksCol}>
            {t('pages.reconciliation.column.links')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.st.key} data-testid="recon-row">
            <TableCell>
              <StDocCell doc={item.st} />
            </TableCell>
            <TableCell>
              <AmountCell amount={item.st.amount} vat={item.st.vat} />
            </TableCell>
            <TableCell>
              <VismaNumbers docs={item.visma} empty="–" />
            </TableCell>
            <TableCell>
              <DocLinks number={item.st.number} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Documents the accountant chose not to post, with the reason given and any Visma documents that exist anyway. */
export function IgnoredTable({ items }: { items: WithVisma[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const recon = useReconStyles();
  const reasonOf = (st: StDoc) => st.ignoredReason ?? '–';
  return (
    <Table size="small" aria-label={t('pages.reconciliation.lists.ignored')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.docCol}>
            {t('pages.reconciliation.column.document')}
          </TableHeaderCell>
          <NumberHeader className={styles.figuresCol}>{t('pages.reconciliation.column.amount')}</NumberHeader>
          <TableHeaderCell>{t('pages.reconciliation.column.ignoredReason')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.reconciliation.column.vismaDocs')}</TableHeaderCell>
          <TableHeaderCell className={styles.linksCol}>
            {t('pages.reconciliation.column.links')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.st.key} data-testid="recon-row">
            <TableCell>
              <StDocCell doc={item.st} />
            </TableCell>
            <TableCell>
              <AmountCell amount={item.st.amount} vat={item.st.vat} />
            </TableCell>
            <TableCell>
              <Text className={recon.stack}>{reasonOf(item.st)}</Text>
            </TableCell>
            <TableCell>
              <VismaNumbers docs={item.visma} empty={t('pages.reconciliation.notInVisma')} />
            </TableCell>
            <TableCell>
              <DocLinks number={item.st.number} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
