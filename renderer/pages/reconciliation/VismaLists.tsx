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
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { AmountCell, DocLinks, NumberHeader, StDocCell, VismaDocCell } from './cells';
import type { VismaDoc } from './recon-view';
import { useReconStyles } from './styles';

type Outside = ReconciliationView['outsidePeriod'][number];

const useStyles = makeStyles({
  docCol: { width: '190px' },
  figuresCol: { width: '120px' },
  linksCol: { width: '120px' },
});

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
  const styles = useStyles();
  const recon = useReconStyles();
  const withKey = props.list === 'unknownInVisma';
  return (
    <Table size="small" aria-label={t(`pages.reconciliation.lists.${props.list}`)}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.docCol}>
            {t('pages.reconciliation.column.vismaDocument')}
          </TableHeaderCell>
          <NumberHeader className={styles.figuresCol}>{t('pages.reconciliation.column.amount')}</NumberHeader>
          {withKey && <TableHeaderCell>{t('pages.reconciliation.column.key')}</TableHeaderCell>}
          <TableHeaderCell>{t('pages.reconciliation.column.party')}</TableHeaderCell>
          <TableHeaderCell>{t('pages.reconciliation.column.status')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.docs.map((doc) => (
          <TableRow key={`${doc.kind}:${doc.number}`} data-testid="recon-row">
            <TableCell>
              <VismaDocCell doc={doc} />
            </TableCell>
            <TableCell>
              <AmountCell amount={doc.amount} vat={doc.vat} />
            </TableCell>
            {withKey && (
              <TableCell>
                <Text className={recon.stack}>{doc.key ?? '–'}</Text>
              </TableCell>
            )}
            <TableCell>{doc.partyNumber}</TableCell>
            <TableCell>
              <Status doc={doc} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Visma documents of the period whose ServiceTitan document is dated in another period or no longer to be posted. */
export function OutsideTable({ items }: { items: Outside[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const recon = useReconStyles();
  return (
    <Table size="small" aria-label={t('pages.reconciliation.lists.outsidePeriod')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.docCol}>
            {t('pages.reconciliation.column.vismaDocument')}
          </TableHeaderCell>
          <NumberHeader className={styles.figuresCol}>{t('pages.reconciliation.column.amount')}</NumberHeader>
          <TableHeaderCell className={styles.docCol}>
            {t('pages.reconciliation.column.document')}
          </TableHeaderCell>
          <TableHeaderCell>{t('pages.reconciliation.column.why')}</TableHeaderCell>
          <TableHeaderCell className={styles.linksCol}>
            {t('pages.reconciliation.column.links')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={`${item.visma.kind}:${item.visma.number}`} data-testid="recon-row">
            <TableCell>
              <VismaDocCell doc={item.visma} />
            </TableCell>
            <TableCell>
              <AmountCell amount={item.visma.amount} vat={item.visma.vat} />
            </TableCell>
            <TableCell>
              <StDocCell doc={{ ...item.source, documentType: item.visma.documentType }} />
            </TableCell>
            <TableCell>
              <Text className={recon.stack}>{t(`pages.reconciliation.outside.${item.why}`)}</Text>
            </TableCell>
            <TableCell>
              <DocLinks number={item.source.number} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
