import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import { AmountCell, DocLinks, StDocCell } from './cells';
import { ReconTable, type ReconColumn } from './ReconTable';
import { amount, type StDoc, type VismaDoc } from './recon-view';
import { useReconStyles } from './styles';

type Missing = ReconciliationView['missing'][number];
type WithVisma = ReconciliationView['duplicated'][number];

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

/** The ServiceTitan document and its amount: the first two columns of every ServiceTitan-side list. */
function useStColumns<R extends { st: StDoc }>(): ReconColumn<R>[] {
  const { t } = useTranslation();
  return [
    {
      header: t('pages.reconciliation.column.document'),
      width: 'doc',
      cell: (r) => <StDocCell doc={r.st} />,
    },
    {
      header: t('pages.reconciliation.column.amount'),
      width: 'figures',
      numeric: true,
      cell: (r) => <AmountCell amount={r.st.amount} vat={r.st.vat} />,
    },
  ];
}

const stKey = (r: { st: StDoc }) => r.st.key;

/** Documents of the period that are not in Visma, with why in words and the way to the review queue. */
export function MissingTable({ items }: { items: Missing[] }) {
  const { t } = useTranslation();
  const stColumns = useStColumns<Missing>();
  return (
    <ReconTable
      label={t('pages.reconciliation.lists.missing')}
      rows={items}
      rowKey={stKey}
      columns={[
        ...stColumns,
        { header: t('pages.reconciliation.column.why'), cell: (item) => <Why item={item} /> },
        {
          header: t('pages.reconciliation.column.links'),
          width: 'links',
          cell: (item) => (
            <DocLinks
              number={item.st.number}
              reviewReason={item.why === 'waiting' ? item.st.reasonCode : null}
            />
          ),
        },
      ]}
    />
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
  const stColumns = useStColumns<WithVisma>();
  return (
    <ReconTable
      label={t('pages.reconciliation.lists.duplicated')}
      rows={items}
      rowKey={stKey}
      columns={[
        ...stColumns,
        {
          header: t('pages.reconciliation.column.vismaDocs'),
          cell: (item) => <VismaNumbers docs={item.visma} empty="–" />,
        },
        {
          header: t('pages.reconciliation.column.links'),
          width: 'links',
          cell: (item) => <DocLinks number={item.st.number} />,
        },
      ]}
    />
  );
}

/** Documents the accountant chose not to post, with the reason given and any Visma documents that exist anyway. */
export function IgnoredTable({ items }: { items: WithVisma[] }) {
  const { t } = useTranslation();
  const recon = useReconStyles();
  const stColumns = useStColumns<WithVisma>();
  return (
    <ReconTable
      label={t('pages.reconciliation.lists.ignored')}
      rows={items}
      rowKey={stKey}
      columns={[
        ...stColumns,
        {
          header: t('pages.reconciliation.column.ignoredReason'),
          cell: (item) => <Text className={recon.stack}>{item.st.ignoredReason ?? '–'}</Text>,
        },
        {
          header: t('pages.reconciliation.column.vismaDocs'),
          cell: (item) => <VismaNumbers docs={item.visma} empty={t('pages.reconciliation.notInVisma')} />,
        },
        {
          header: t('pages.reconciliation.column.links'),
          width: 'links',
          cell: (item) => <DocLinks number={item.st.number} />,
        },
      ]}
    />
  );
}
