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
import { AmountCell, DocLinks, NumberHeader, StDocCell, VismaDocCell } from './cells';
import { useReconStyles } from './styles';

type Pair = ReconciliationView['matched'][number];

const useStyles = makeStyles({
  docCol: { width: '190px' },
  vismaCol: { width: '150px' },
  figuresCol: { width: '120px' },
  linksCol: { width: '120px' },
});

/** Pairs whose amount, VAT or type differ: both sides' figures, the difference (ServiceTitan minus Visma) and what differs. */
export function DifferentTable({ pairs }: { pairs: Pair[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const recon = useReconStyles();
  return (
    <Table size="small" aria-label={t('pages.reconciliation.lists.different')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.docCol}>
            {t('pages.reconciliation.column.document')}
          </TableHeaderCell>
          <TableHeaderCell className={styles.vismaCol}>
            {t('pages.reconciliation.column.vismaDocument')}
          </TableHeaderCell>
          <NumberHeader className={styles.figuresCol}>
            {t('pages.reconciliation.card.servicetitan')}
          </NumberHeader>
          <NumberHeader className={styles.figuresCol}>{t('pages.reconciliation.card.visma')}</NumberHeader>
          <NumberHeader className={styles.figuresCol}>
            {t('pages.reconciliation.card.difference')}
          </NumberHeader>
          <TableHeaderCell>{t('pages.reconciliation.column.whatDiffers')}</TableHeaderCell>
          <TableHeaderCell className={styles.linksCol}>
            {t('pages.reconciliation.column.links')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {pairs.map((p) => (
          <TableRow key={`${p.st.key}:${p.visma.number}`} data-testid="recon-row">
            <TableCell>
              <StDocCell doc={p.st} />
            </TableCell>
            <TableCell>
              <VismaDocCell doc={p.visma} />
            </TableCell>
            <TableCell>
              <AmountCell amount={p.st.amount} vat={p.st.vat} />
            </TableCell>
            <TableCell>
              <AmountCell amount={p.visma.amount} vat={p.visma.vat} />
            </TableCell>
            <TableCell>
              <AmountCell amount={p.amountDifference} vat={p.vatDifference} difference />
            </TableCell>
            <TableCell>
              <Text className={recon.difference}>
                {p.differences.map((d) => t(`pages.reconciliation.differs.${d}`)).join(', ')}
              </Text>
            </TableCell>
            <TableCell>
              <DocLinks number={p.st.number} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Pairs that agree: the ServiceTitan document, its Visma document, amount and VAT, and the GL batch. */
export function MatchedTable({ pairs }: { pairs: Pair[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Table size="small" aria-label={t('pages.reconciliation.lists.matched')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.docCol}>
            {t('pages.reconciliation.column.document')}
          </TableHeaderCell>
          <TableHeaderCell className={styles.vismaCol}>
            {t('pages.reconciliation.column.vismaDocument')}
          </TableHeaderCell>
          <NumberHeader className={styles.figuresCol}>{t('pages.reconciliation.column.amount')}</NumberHeader>
          <TableHeaderCell>{t('pages.reconciliation.column.glBatch')}</TableHeaderCell>
          <TableHeaderCell className={styles.linksCol}>
            {t('pages.reconciliation.column.links')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {pairs.map((p) => (
          <TableRow key={`${p.st.key}:${p.visma.number}`} data-testid="recon-row">
            <TableCell>
              <StDocCell doc={p.st} />
            </TableCell>
            <TableCell>
              <VismaDocCell doc={p.visma} />
            </TableCell>
            <TableCell>
              <AmountCell amount={p.visma.amount} vat={p.visma.vat} />
            </TableCell>
            <TableCell>{p.st.glBatchNumber ?? '–'}</TableCell>
            <TableCell>
              <DocLinks number={p.st.number} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
