import {
  Button,
  Field,
  ProgressBar,
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
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { useTranslation } from 'react-i18next';
import type { SetupMasterDataView } from '../../../shared/contract/setup-schemas';
import { useErrorText } from '../../components/use-error-text';
import { useReadMasterData, useSetupProgress } from '../../data/setup';
import { useFormat } from '../../i18n/use-format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  button: { alignSelf: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1 },
  number: { textAlign: 'right' },
});

type Row =
  | 'customers'
  | 'vendors'
  | 'glAccounts'
  | 'taxZones'
  | 'vatCodes'
  | 'businessUnits'
  | 'dimensions'
  | 'projects';

/** Each table row: its ServiceTitan count (null where ServiceTitan has no such list) and its Visma count. */
function rowsOf(c: SetupMasterDataView): [Row, number | null, number][] {
  return [
    ['customers', c.customers.servicetitan, c.customers.visma],
    ['vendors', c.vendors.servicetitan, c.vendors.visma],
    ['glAccounts', null, c.glAccounts.visma],
    ['taxZones', c.taxZones.servicetitan, c.taxZones.vatZones],
    ['vatCodes', null, c.taxZones.vatCodes],
    ['businessUnits', c.businessUnits.servicetitan, c.businessUnits.branches],
    ['dimensions', null, c.businessUnits.dimensions],
    ['projects', null, c.projects.visma],
  ];
}

/** Step 4: reads master data of both sides (a progress bar while it runs), then the counts side by side. */
export function MasterDataStep(props: {
  profileId: string;
  counts: SetupMasterDataView | null;
  onCounts: (counts: SetupMasterDataView) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const format = useFormat();
  const read = useReadMasterData(props.profileId);
  const progress = useSetupProgress(props.profileId);
  const counts = props.counts;
  return (
    <div className={styles.root}>
      <Text>{t('setup.masterdata.intro')}</Text>
      <Button
        className={styles.button}
        icon={<ArrowDownload20Regular />}
        disabled={read.isPending}
        onClick={() => read.mutate(undefined, { onSuccess: props.onCounts })}
      >
        {counts ? t('setup.masterdata.readAgain') : t('setup.masterdata.read')}
      </Button>
      {(read.isPending || (progress && !counts)) && progress && (
        <Field
          validationMessage={t('setup.masterdata.reading', { done: progress.done, total: progress.total })}
          validationState="none"
        >
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} thickness="large" />
        </Field>
      )}
      {read.isError && (
        <Text role="alert" className={styles.error}>
          {t('setup.masterdata.failed', { message: errorText(read.error) })}
        </Text>
      )}
      {counts && !read.isPending && (
        <>
          <Text role="status" weight="semibold">
            {t('setup.masterdata.done')}
          </Text>
          {counts.matched && (
            <Text data-testid="masterdata-matched">
              {t('setup.masterdata.matched', {
                customers: format.number(counts.matched.customers.linked),
                vendors: format.number(counts.matched.vendors.linked),
                suggested: format.number(
                  counts.matched.customers.suggested + counts.matched.vendors.suggested,
                ),
              })}
            </Text>
          )}
          <Table size="small" aria-label={t('setup.steps.masterdata')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('setup.masterdata.kind')}</TableHeaderCell>
                <TableHeaderCell>{t('setup.masterdata.servicetitan')}</TableHeaderCell>
                <TableHeaderCell>{t('setup.masterdata.visma')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rowsOf(counts).map(([row, st, visma]) => (
                <TableRow key={row} data-testid={`count-${row}`}>
                  <TableCell>{t(`setup.masterdata.rows.${row}`)}</TableCell>
                  <TableCell className={styles.number}>
                    {st === null ? t('setup.masterdata.none') : format.number(st)}
                  </TableCell>
                  <TableCell className={styles.number}>{format.number(visma)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
