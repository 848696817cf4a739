import { Link, TableHeaderCell, Text, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import { amount, isZero, type DocType, type StDoc, type VismaDoc } from './recon-view';
import { useReconStyles } from './styles';

/** The name of a document type in the UI language ("Invoice", "Credit note", "AP bill"). */
export function useDocTypeLabel(): (type: DocType) => string {
  const { t } = useTranslation();
  return (type) => t(`pages.reconciliation.docType.${type}`);
}

/** A ServiceTitan document: its type, number, date and business unit. */
export function StDocCell({
  doc,
}: {
  doc: Pick<StDoc, 'documentType' | 'number' | 'date'> & Partial<StDoc>;
}) {
  const styles = useReconStyles();
  const format = useFormat();
  const typeLabel = useDocTypeLabel();
  const unit = doc.businessUnitName ?? doc.businessUnitId;
  return (
    <span className={styles.stack}>
      <Text size={200} className={styles.muted}>
        {typeLabel(doc.documentType)}
      </Text>
      <Text weight="semibold">{doc.number}</Text>
      <Text size={200} className={styles.muted}>
        {unit ? `${format.date(doc.date)} · ${unit}` : format.date(doc.date)}
      </Text>
    </span>
  );
}

/** A Visma document: its kind, number, date and financial period. */
export function VismaDocCell({ doc }: { doc: VismaDoc }) {
  const styles = useReconStyles();
  const format = useFormat();
  const codes = useCodeLabels();
  return (
    <span className={styles.stack}>
      <Text size={200} className={styles.muted}>
        {codes.vismaDocType(doc.kind)}
      </Text>
      <Text weight="semibold">{doc.number}</Text>
      <Text size={200} className={styles.muted}>
        {format.date(doc.date)}
      </Text>
    </span>
  );
}

/** A column header over figures, right-aligned like them. */
export function NumberHeader(props: { className?: string; children: ReactNode }) {
  const styles = useReconStyles();
  return (
    <TableHeaderCell className={props.className} button={{ className: styles.headerEnd }}>
      {props.children}
    </TableHeaderCell>
  );
}

/** A gross amount with its VAT below; with `difference`, anything but zero stands out. */
export function AmountCell(props: { amount: string; vat: string; difference?: boolean }) {
  const { t } = useTranslation();
  const styles = useReconStyles();
  const format = useFormat();
  const off = (value: string) => props.difference === true && !isZero(value);
  const marked = (value: string) => (off(value) ? { 'data-testid': 'recon-difference' } : {});
  return (
    <span className={mergeClasses(styles.stack, styles.stackEnd, styles.number)}>
      <Text className={mergeClasses(off(props.amount) && styles.difference)} {...marked(props.amount)}>
        {format.number(amount(props.amount), 2)}
      </Text>
      <Text
        size={200}
        className={mergeClasses(styles.muted, off(props.vat) && styles.difference)}
        {...marked(props.vat)}
      >
        {t('pages.reconciliation.vat', { amount: format.number(amount(props.vat), 2) })}
      </Text>
    </span>
  );
}

/** Where to look further: the audit log searched for the document, and the review queue when it waits there. */
export function DocLinks(props: { number: string; reviewReason?: string | null }) {
  const { t } = useTranslation();
  const styles = useReconStyles();
  return (
    <span className={styles.links}>
      <Link
        href={`#/audit?search=${encodeURIComponent(props.number)}`}
        aria-label={t('pages.reconciliation.link.auditFor', { number: props.number })}
      >
        {t('pages.reconciliation.link.audit')}
      </Link>
      {props.reviewReason && (
        <Link
          href={`#/review?reason=${encodeURIComponent(props.reviewReason)}`}
          aria-label={t('pages.reconciliation.link.reviewFor', { number: props.number })}
        >
          {t('pages.reconciliation.link.review')}
        </Link>
      )}
    </span>
  );
}
