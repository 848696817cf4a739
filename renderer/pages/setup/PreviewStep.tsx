import {
  Button,
  Spinner,
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
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { useTranslation } from 'react-i18next';
import type { SetupPreviewView } from '../../../shared/contract/setup-schemas';
import { useErrorText } from '../../components/use-error-text';
import { useSetupPreview } from '../../data/setup';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import { recordText } from '../mappings/RecordPicker';

/** How many documents that would post, and that would wait, the step shows in full; the counts cover all. */
const SHOWN = { post: 6, wait: 4 };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  doc: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  number: { textAlign: 'right' },
  muted: { color: tokens.colorNeutralForeground2 },
  wait: { color: tokens.colorPaletteDarkOrangeForeground1 },
  again: { alignSelf: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type PreviewDoc = SetupPreviewView['documents'][number];

/** One document as it would post: its lines with account, VAT code and amount, and the total; or why it would wait. */
function PreviewDocument({ doc, names }: { doc: PreviewDoc; names: SetupPreviewView['names'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useCodeLabels();
  const format = useFormat();
  const planned = doc.planned;
  return (
    <section className={styles.doc} aria-label={doc.sourceNumber} data-testid="preview-document">
      <Text weight="semibold">
        {planned
          ? t('setup.preview.document', {
              kind: labels.vismaDocType(planned.kind),
              number: doc.sourceNumber,
              party: planned.partyNumber,
              date: format.date(planned.date),
            })
          : doc.sourceNumber}
      </Text>
      {planned && doc.createsParty && <Text className={styles.muted}>{t('setup.preview.newParty')}</Text>}
      {!planned && (
        <Text className={styles.wait}>
          {t('setup.preview.waits', {
            reason: (doc.problems ?? []).map((p) => labels.reason(p.code)).join(', '),
          })}
        </Text>
      )}
      {planned && (
        <>
          <Table size="extra-small" aria-label={doc.sourceNumber}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('setup.preview.description')}</TableHeaderCell>
                <TableHeaderCell>{t('setup.preview.account')}</TableHeaderCell>
                <TableHeaderCell>{t('setup.preview.vat')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t('setup.preview.amount')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {planned.lines.map((line, i) => (
                <TableRow key={i}>
                  <TableCell>{line.description}</TableCell>
                  <TableCell>
                    {recordText(line.accountNumber, names?.accounts[line.accountNumber])}
                    {line.holding ? ` (${t('setup.preview.holding')})` : ''}
                  </TableCell>
                  <TableCell>
                    {line.vatCodeId ? recordText(line.vatCodeId, names?.vatCodes[line.vatCodeId]) : ''}
                  </TableCell>
                  <TableCell className={styles.number}>{format.money(line.amount as `${number}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text className={styles.muted}>
            {t('setup.preview.total', {
              amount: format.money(planned.expected.amount as `${number}`),
              vat: format.money(planned.expected.vat as `${number}`),
            })}
          </Text>
        </>
      )}
    </section>
  );
}

/**
 * Step 6: the next documents as the first sync would post them, read and planned by the engine without writing to
 * Visma; which would wait and why. Kept small and isolated so a fuller preview can take its place.
 */
export function PreviewStep({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const preview = useSetupPreview(profileId);
  if (preview.isPending) return <Spinner size="small" label={t('setup.preview.loading')} />;
  if (preview.isError)
    return (
      <div className={styles.root}>
        <Text role="alert" className={styles.error}>
          {t('setup.preview.failed', { message: errorText(preview.error) })}
        </Text>
        <Button className={styles.again} onClick={() => void preview.refetch()}>
          {t('setup.preview.again')}
        </Button>
      </div>
    );
  const { documents, wouldPost, wouldWait } = preview.data;
  // Some of each: what would post exactly as it would, and what would wait with why.
  const shown = [
    ...documents.filter((d) => d.planned).slice(0, SHOWN.post),
    ...documents.filter((d) => !d.planned).slice(0, SHOWN.wait),
  ];
  const total = wouldPost + wouldWait;
  return (
    <div className={styles.root}>
      <Text>{t('setup.preview.intro')}</Text>
      <Text weight="semibold" role="status" data-testid="preview-summary">
        {total === 0
          ? t('setup.preview.empty')
          : t('setup.preview.summary', { post: wouldPost, wait: wouldWait })}
      </Text>
      {shown.map((doc) => (
        <PreviewDocument key={doc.id} doc={doc} names={preview.data.names} />
      ))}
      {total > shown.length && (
        <Text className={styles.muted}>{t('setup.preview.more', { count: total - shown.length })}</Text>
      )}
      <Button
        className={styles.again}
        icon={<ArrowClockwise20Regular />}
        disabled={preview.isFetching}
        onClick={() => void preview.refetch()}
      >
        {t('setup.preview.again')}
      </Button>
    </div>
  );
}
