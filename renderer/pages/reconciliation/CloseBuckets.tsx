import { useState } from 'react';
import { Button, CounterBadge, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular } from '@fluentui/react-icons/svg/chevron-down';
import { ChevronUp20Regular } from '@fluentui/react-icons/svg/chevron-up';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { BUCKETS, anchors, bucketCount, entriesIn, isProblemBucket, type Bucket } from './close-view';
import { EntryTable } from './EntryTable';

const useStyles = makeStyles({
  tabs: { flexWrap: 'wrap' },
  label: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  explain: { color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    overflowX: 'auto',
  },
});

const PANEL_ID = 'recon-bucket-panel';

/** The matched documents, folded until asked for: the page is about what does not match. */
function MatchedList({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const count = bucketCount(view, 'matched');
  return (
    <>
      <Button
        appearance="subtle"
        icon={open ? <ChevronUp20Regular /> : <ChevronDown20Regular />}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open
          ? t('pages.reconciliation.buckets.hideMatched')
          : t('pages.reconciliation.buckets.showMatched', { count })}
      </Button>
      {open && <EntryTable bucket="matched" entries={entriesIn(view, 'matched')} />}
    </>
  );
}

function BucketList({ view, bucket }: { view: ReconciliationView; bucket: Bucket }) {
  const { t } = useTranslation();
  const entries = entriesIn(view, bucket);
  if (entries.length === 0) return <Text weight="semibold">{t('pages.reconciliation.none')}</Text>;
  if (bucket === 'matched') return <MatchedList view={view} />;
  return <EntryTable bucket={bucket} entries={entries} />;
}

/**
 * Every document of the period in its bucket, one tab per bucket with its count (arrow keys move between tabs):
 * matched first and folded, then what is not booked yet, waiting, never synced, and so on. The checklist's links
 * choose the tab (`chosen`).
 */
export function CloseBuckets(props: {
  view: ReconciliationView;
  chosen: Bucket;
  onChoose: (bucket: Bucket) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { view, chosen } = props;
  return (
    <Panel title={t('pages.reconciliation.buckets.title')}>
      <TabList
        size="small"
        className={styles.tabs}
        selectedValue={chosen}
        onTabSelect={(_, data) => props.onChoose(data.value as Bucket)}
        aria-label={t('pages.reconciliation.buckets.label')}
      >
        {BUCKETS.map((bucket) => {
          const count = bucketCount(view, bucket);
          return (
            <Tab key={bucket} value={bucket} id={anchors.tab(bucket)} aria-controls={PANEL_ID}>
              <span className={styles.label}>
                {t(`pages.reconciliation.buckets.${bucket}`)}
                <CounterBadge
                  count={count}
                  showZero
                  size="small"
                  appearance={count > 0 ? 'filled' : 'ghost'}
                  color={isProblemBucket(bucket) && count > 0 ? 'danger' : 'informative'}
                />
              </span>
            </Tab>
          );
        })}
      </TabList>
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={anchors.tab(chosen)} className={styles.panel}>
        <Text className={styles.explain}>{t(`pages.reconciliation.buckets.explain.${chosen}`)}</Text>
        <BucketList key={chosen} view={view} bucket={chosen} />
      </div>
    </Panel>
  );
}
