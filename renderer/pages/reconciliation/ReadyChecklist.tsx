import {
  Badge,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons/svg/checkmark-circle';
import { DismissCircle20Filled } from '@fluentui/react-icons/svg/dismiss-circle';
import { QuestionCircle20Regular } from '@fluentui/react-icons/svg/question-circle';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { useFormat } from '../../i18n/use-format';
import { bucketCount, checkRows, isReady, openChecks, type Bucket, type CheckRow } from './close-view';
import { monthOf } from './recon-view';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: '24px minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground2 },
  links: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  open: { color: tokens.colorPaletteRedForeground1 },
  unknown: { color: tokens.colorNeutralForeground3 },
});

/** Where the checklist's links lead: a bucket's list, or the general ledger table. */
export interface ChecklistTargets {
  showBucket: (bucket: Bucket) => void;
  showGl: () => void;
}

function StatusIcon({ row }: { row: CheckRow }) {
  const styles = useStyles();
  if (!row.item) return <QuestionCircle20Regular aria-hidden className={styles.unknown} />;
  return row.item.ok ? (
    <CheckmarkCircle20Filled aria-hidden className={styles.ok} />
  ) : (
    <DismissCircle20Filled aria-hidden className={styles.open} />
  );
}

function StatusWord({ row }: { row: CheckRow }) {
  const { t } = useTranslation();
  if (!row.item)
    return (
      <Badge appearance="outline" color="informative">
        {t('pages.reconciliation.checklist.notChecked')}
      </Badge>
    );
  return row.item.ok ? (
    <Badge appearance="tint" color="success">
      {t('pages.reconciliation.checklist.ok')}
    </Badge>
  ) : (
    <Badge appearance="filled" color="danger">
      {t('pages.reconciliation.checklist.open')}
    </Badge>
  );
}

/** What stands in a failed check's way, and the links to the lists that hold it. */
function Obstacles(props: { view: ReconciliationView; row: CheckRow; to: ChecklistTargets }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { item } = props.row;
  if (!item)
    return <Text className={styles.detail}>{t('pages.reconciliation.checklist.notCheckedDetail')}</Text>;
  const count = t(`pages.reconciliation.checklist.${item.id}Count`, { count: item.count });
  if (item.ok)
    return <Text className={styles.detail}>{t('pages.reconciliation.checklist.nothingInTheWay')}</Text>;
  const accounts = item.accounts ?? [];
  return (
    <>
      <Text className={styles.detail}>{count}</Text>
      {accounts.length > 0 && (
        <Text className={styles.detail}>
          {t('pages.reconciliation.checklist.accounts', { accounts: accounts.join(', ') })}
        </Text>
      )}
      <span className={styles.links}>
        {item.buckets.map((bucket) => (
          <Link key={bucket} as="button" onClick={() => props.to.showBucket(bucket)}>
            {t('pages.reconciliation.checklist.showBucket', {
              bucket: t(`pages.reconciliation.buckets.${bucket}`),
              count: bucketCount(props.view, bucket),
            })}
          </Link>
        ))}
        {item.id === 'noUnexplainedDifference' && (
          <Link as="button" onClick={props.to.showGl}>
            {t('pages.reconciliation.checklist.showGl')}
          </Link>
        )}
      </span>
    </>
  );
}

/**
 * "Ready to close": the verdict for the period, then each of the five checks with an icon and a word for its state
 * (never colour alone), what stands in its way and links to the lists that hold it. A check the engine did not
 * report counts as open.
 */
export function ReadyChecklist(props: { view: ReconciliationView; to: ChecklistTargets }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const { view } = props;
  const { year, monthIndex } = monthOf(view.period);
  const month = format.month(year, monthIndex);
  const ready = isReady(view);
  return (
    <Panel title={t('pages.reconciliation.checklist.title')}>
      <MessageBar intent={ready ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody data-testid="recon-status" data-period={view.period}>
          {ready
            ? t('pages.reconciliation.checklist.ready', { month })
            : t('pages.reconciliation.checklist.notReady', { count: openChecks(view), month })}
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list} aria-label={t('pages.reconciliation.checklist.label')}>
        {checkRows(view).map((row) => (
          <li key={row.id} className={styles.item} data-testid="recon-check" data-check={row.id}>
            <StatusIcon row={row} />
            <span className={styles.body}>
              <Text weight="semibold">{t(`pages.reconciliation.checklist.${row.id}`)}</Text>
              <Obstacles view={view} row={row} to={props.to} />
            </span>
            <StatusWord row={row} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}
