import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { AmountCell, DocLinks, StDocCell, VismaDocCell } from './cells';
import { ReconTable } from './ReconTable';
import { useReconStyles } from './styles';

type Pair = ReconciliationView['matched'][number];

const pairKey = (p: Pair) => `${p.st.key}:${p.visma.number}`;

/** Pairs whose amount, VAT or type differ: both sides' figures, the difference (ServiceTitan minus Visma) and what differs. */
export function DifferentTable({ pairs }: { pairs: Pair[] }) {
  const { t } = useTranslation();
  const recon = useReconStyles();
  return (
    <ReconTable
      label={t('pages.reconciliation.lists.different')}
      rows={pairs}
      rowKey={pairKey}
      columns={[
        {
          header: t('pages.reconciliation.column.document'),
          width: 'doc',
          cell: (p) => <StDocCell doc={p.st} />,
        },
        {
          header: t('pages.reconciliation.column.vismaDocument'),
          width: 'visma',
          cell: (p) => <VismaDocCell doc={p.visma} />,
        },
        {
          header: t('pages.reconciliation.card.servicetitan'),
          width: 'figures',
          numeric: true,
          cell: (p) => <AmountCell amount={p.st.amount} vat={p.st.vat} />,
        },
        {
          header: t('pages.reconciliation.card.visma'),
          width: 'figures',
          numeric: true,
          cell: (p) => <AmountCell amount={p.visma.amount} vat={p.visma.vat} />,
        },
        {
          header: t('pages.reconciliation.card.difference'),
          width: 'figures',
          numeric: true,
          cell: (p) => <AmountCell amount={p.amountDifference} vat={p.vatDifference} difference />,
        },
        {
          header: t('pages.reconciliation.column.whatDiffers'),
          cell: (p) => (
            <Text className={recon.difference}>
              {p.differences.map((d) => t(`pages.reconciliation.differs.${d}`)).join(', ')}
            </Text>
          ),
        },
        {
          header: t('pages.reconciliation.column.links'),
          width: 'links',
          cell: (p) => <DocLinks number={p.st.number} />,
        },
      ]}
    />
  );
}

/** Pairs that agree: the ServiceTitan document, its Visma document, amount and VAT, and the GL batch. */
export function MatchedTable({ pairs }: { pairs: Pair[] }) {
  const { t } = useTranslation();
  return (
    <ReconTable
      label={t('pages.reconciliation.lists.matched')}
      rows={pairs}
      rowKey={pairKey}
      columns={[
        {
          header: t('pages.reconciliation.column.document'),
          width: 'doc',
          cell: (p) => <StDocCell doc={p.st} />,
        },
        {
          header: t('pages.reconciliation.column.vismaDocument'),
          width: 'visma',
          cell: (p) => <VismaDocCell doc={p.visma} />,
        },
        {
          header: t('pages.reconciliation.column.amount'),
          width: 'figures',
          numeric: true,
          cell: (p) => <AmountCell amount={p.visma.amount} vat={p.visma.vat} />,
        },
        { header: t('pages.reconciliation.column.glBatch'), cell: (p) => p.st.glBatchNumber ?? '–' },
        {
          header: t('pages.reconciliation.column.links'),
          width: 'links',
          cell: (p) => <DocLinks number={p.st.number} />,
        },
      ]}
    />
  );
}
