import { Link, TableHeaderCell, Text, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { amount, isZero, type DocType } from './recon-view';
import { useReconStyles } from './styles';

/** The name of a document type in the UI language ("Invoice", "Credit note", "AP bill"). */
export function useDocTypeLabel(): (type: DocType) => string {
  const { t } = useTranslation();
  return (type) => t(`pages.reconciliation.docType.${type}`);
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

/**
 * Where to look further: the audit log searched for the document, and the review queue (filtered to the review
 * reason when there is one) for a document that waits there.
 */
export function DocLinks(props: { number: string; review?: { reason: string | null } }) {
  const { t } = useTranslation();
  const styles = useReconStyles();
  const reviewHref = props.review?.reason
    ? `#/review?reason=${encodeURIComponent(props.review.reason)}`
    : '#/review';
  return (
    <span className={styles.links}>
      <Link
        href={`#/audit?search=${encodeURIComponent(props.number)}`}
        aria-label={t('pages.reconciliation.link.auditFor', { number: props.number })}
      >
        {t('pages.reconciliation.link.audit')}
      </Link>
      {props.review && (
        <Link
          href={reviewHref}
          aria-label={t('pages.reconciliation.link.reviewFor', { number: props.number })}
        >
          {t('pages.reconciliation.link.review')}
        </Link>
      )}
    </span>
  );
}
