import { Badge, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { AmountCell, DocLinks, StDocCell, VismaDocCell } from './cells';
import { ReconTable, type ReconColumn } from './ReconTable';
import type { VismaDoc } from './recon-view';
import { useReconStyles } from './styles';

type Outside = ReconciliationView['outsidePeriod'][number];

function Status({ doc }: { doc: VismaDoc }) {
  const { t } = useTranslation();
  return doc.hold ? (
    <Badge appearance="tint" color="warning">
      {t('pages.reconciliation.onHold')}
    </Badge>
  ) : (
    <Badge appearance="tint" color={doc.released ? 'success' : 'informative'}>
      {doc.released ? t('pages.reconciliation.released') : t('pages.reconciliation.notReleased')}
    </Badge>
  );
}

/**
 * Visma documents without a ServiceTitan document of the period: with the engine's reference but unknown to this
 * installation (`reference`), or entered by hand (no reference).
 */
export function VismaOnlyTable(props: { docs: VismaDoc[]; list: 'unknownInVisma' | 'postedByHand' }) {
  const { t } = useTranslation();
  const recon = useReconStyles();
  const keyColumn: ReconColumn<VismaDoc>[] =
    props.list === 'unknownInVisma'
      ? [
          {
            header: t('pages.reconciliation.column.key'),
            cell: (doc) => <Text className={recon.stack}>{doc.key ?? '–'}</Text>,
          },
        ]
      : [];
  return (
    <ReconTable
      label={t(`pages.reconciliation.lists.${props.list}`)}
      rows={props.docs}
      rowKey={(doc) => `${doc.kind}:${doc.number}`}
      columns={[
        {
          header: t('pages.reconciliation.column.vismaDocument'),
          width: 'doc',
          cell: (doc) => <VismaDocCell doc={doc} />,
        },
        {
          header: t('pages.reconciliation.column.amount'),
          width: 'figures',
          numeric: true,
          cell: (doc) => <AmountCell amount={doc.amount} vat={doc.vat} />,
        },
        ...keyColumn,
        { header: t('pages.reconciliation.column.party'), cell: (doc) => doc.partyNumber },
        { header: t('pages.reconciliation.column.status'), cell: (doc) => <Status doc={doc} /> },
      ]}
    />
  );
}

/** Visma documents of the period whose ServiceTitan document is dated in another period or no longer to be posted. */
export function OutsideTable({ items }: { items: Outside[] }) {
  const { t } = useTranslation();
  const recon = useReconStyles();
  return (
    <ReconTable
      label={t('pages.reconciliation.lists.outsidePeriod')}
      rows={items}
      rowKey={(item) => `${item.visma.kind}:${item.visma.number}`}
      columns={[
        {
          header: t('pages.reconciliation.column.vismaDocument'),
          width: 'doc',
          cell: (item) => <VismaDocCell doc={item.visma} />,
        },
        {
          header: t('pages.reconciliation.column.amount'),
          width: 'figures',
          numeric: true,
          cell: (item) => <AmountCell amount={item.visma.amount} vat={item.visma.vat} />,
        },
        {
          header: t('pages.reconciliation.column.document'),
          width: 'doc',
          cell: (item) => <StDocCell doc={{ ...item.source, documentType: item.visma.documentType }} />,
        },
        {
          header: t('pages.reconciliation.column.why'),
          cell: (item) => (
            <Text className={recon.stack}>{t(`pages.reconciliation.outside.${item.why}`)}</Text>
          ),
        },
        {
          header: t('pages.reconciliation.column.links'),
          width: 'links',
          cell: (item) => <DocLinks number={item.source.number} />,
        },
      ]}
    />
  );
}
