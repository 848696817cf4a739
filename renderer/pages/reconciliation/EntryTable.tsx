import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import { AmountCell, DocLinks, useDocTypeLabel } from './cells';
import type { Bucket, Entry } from './close-view';
import { ReconTable } from './ReconTable';
import type { VismaDoc } from './recon-view';
import { useReasonText } from './use-reason-text';
import { useReconStyles } from './styles';

/** The buckets whose documents the review queue holds: their rows link to it. */
const REVIEW_BUCKETS: readonly Bucket[] = ['waiting', 'notBooked'];

/** A Visma financial period `YYYYMM` as the UI language names the month. */
function useFinancialPeriod(): (period: string | null) => string {
  const format = useFormat();
  return (period) =>
    period && /^\d{6}$/.test(period)
      ? format.month(Number(period.slice(0, 4)), Number(period.slice(4, 6)) - 1)
      : '–';
}

function DocumentCell({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const styles = useReconStyles();
  const format = useFormat();
  const typeLabel = useDocTypeLabel();
  return (
    <span className={styles.stack}>
      <Text size={200} className={styles.muted}>
        {typeLabel(entry.documentType)}
      </Text>
      {entry.st ? (
        <>
          <Text weight="semibold">{entry.st.number}</Text>
          <Text size={200} className={styles.muted}>
            {format.date(entry.st.date)}
          </Text>
        </>
      ) : (
        <Text className={styles.muted}>{t('pages.reconciliation.entry.notInServiceTitan')}</Text>
      )}
    </span>
  );
}

function PartyCell({ party }: { party: Entry['party'] }) {
  const { t } = useTranslation();
  const styles = useReconStyles();
  return (
    <span className={styles.stack}>
      <Text>{party.name ?? t('pages.reconciliation.entry.unknownParty')}</Text>
      {party.stId && (
        <Text size={200} className={styles.muted}>
          {t('pages.reconciliation.entry.stId', { id: party.stId })}
        </Text>
      )}
      {party.vismaNumber && (
        <Text size={200} className={styles.muted}>
          {t('pages.reconciliation.entry.vismaNumber', { number: party.vismaNumber })}
        </Text>
      )}
    </span>
  );
}

function VismaCell({ docs }: { docs: VismaDoc[] }) {
  const { t } = useTranslation();
  const styles = useReconStyles();
  const codes = useCodeLabels();
  const monthName = useFinancialPeriod();
  if (docs.length === 0) return <Text className={styles.muted}>{t('pages.reconciliation.notInVisma')}</Text>;
  return (
    <span className={styles.stack}>
      {docs.map((d) => (
        <Text key={`${d.kind}:${d.number}`} title={codes.vismaDocType(d.kind)}>
          {t('pages.reconciliation.entry.vismaDoc', {
            number: d.number,
            period: monthName(d.financialPeriod),
          })}
        </Text>
      ))}
    </span>
  );
}

function ReasonCell({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const styles = useReconStyles();
  const codes = useCodeLabels();
  const reasonText = useReasonText();
  const { code, params } = entry.reason;
  const holdingBecause = code === 'holdingAccount' && params.reviewReason !== undefined;
  return (
    <span className={styles.stack} data-testid="recon-reason">
      <Text>{reasonText(entry.reason)}</Text>
      {holdingBecause && (
        <Text size={200}>
          {t('pages.reconciliation.entry.reviewReason', {
            reason: codes.reason(String(params.reviewReason)),
          })}
        </Text>
      )}
      {entry.bucket === 'waiting' && entry.st?.reasonText && (
        <Text size={200} className={styles.muted}>
          {entry.st.reasonText}
        </Text>
      )}
    </span>
  );
}

/** The review reason a row's review-queue link filters on: the reason's own, else the outbox's. */
function reviewReasonOf(entry: Entry): string | null {
  const fromReason = entry.reason.params.reviewReason;
  return fromReason !== undefined ? String(fromReason) : (entry.st?.reasonCode ?? null);
}

const entryKey = (e: Entry) => `${e.st?.key ?? ''}|${e.visma.map((v) => `${v.kind}:${v.number}`).join(',')}`;

/**
 * The documents of one bucket: ServiceTitan number and date, customer or supplier (name and both numbers), business
 * unit, amount and VAT, the Visma documents with their period, the reason in words, and where to look further.
 */
export function EntryTable(props: { bucket: Bucket; entries: Entry[] }) {
  const { t } = useTranslation();
  const review = REVIEW_BUCKETS.includes(props.bucket);
  return (
    <ReconTable
      label={t(`pages.reconciliation.buckets.${props.bucket}`)}
      rows={props.entries}
      rowKey={entryKey}
      columns={[
        {
          header: t('pages.reconciliation.column.document'),
          width: 'doc',
          cell: (e) => <DocumentCell entry={e} />,
        },
        { header: t('pages.reconciliation.entry.party'), cell: (e) => <PartyCell party={e.party} /> },
        {
          header: t('pages.reconciliation.entry.unit'),
          cell: (e) => e.businessUnitName ?? e.businessUnitId ?? t('pages.reconciliation.units.noUnit'),
        },
        {
          header: t('pages.reconciliation.column.amount'),
          width: 'figures',
          numeric: true,
          cell: (e) => <AmountCell amount={e.amount} vat={e.vat} />,
        },
        {
          header: t('pages.reconciliation.column.vismaDocs'),
          width: 'visma',
          cell: (e) => <VismaCell docs={e.visma} />,
        },
        { header: t('pages.reconciliation.entry.reason'), cell: (e) => <ReasonCell entry={e} /> },
        {
          header: t('pages.reconciliation.column.links'),
          width: 'links',
          cell: (e) => (
            <DocLinks
              number={e.st?.number ?? e.visma[0]?.number ?? ''}
              review={review ? { reason: reviewReasonOf(e) } : undefined}
            />
          ),
        },
      ]}
    />
  );
}
