import { useState } from 'react';
import { CounterBadge, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { Panel } from '../../components/Panel';
import { DifferentTable, MatchedTable } from './PairLists';
import { LIST_KEYS, PROBLEM_LISTS, firstList, type ListKey } from './recon-view';
import { DuplicatedTable, IgnoredTable, MissingTable } from './StLists';
import { OutsideTable, VismaOnlyTable } from './VismaLists';

const useStyles = makeStyles({
  tabs: { flexWrap: 'wrap' },
  label: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  explain: { color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowX: 'auto' },
});

function ListTable({ view, list }: { view: ReconciliationView; list: ListKey }) {
  switch (list) {
    case 'different':
      return <DifferentTable pairs={view.different} />;
    case 'matched':
      return <MatchedTable pairs={view.matched} />;
    case 'missing':
      return <MissingTable items={view.missing} />;
    case 'duplicated':
      return <DuplicatedTable items={view.duplicated} />;
    case 'ignored':
      return <IgnoredTable items={view.ignored} />;
    case 'outsidePeriod':
      return <OutsideTable items={view.outsidePeriod} />;
    case 'unknownInVisma':
      return <VismaOnlyTable docs={view.unknownInVisma} list="unknownInVisma" />;
    case 'postedByHand':
      return <VismaOnlyTable docs={view.postedByHand} list="postedByHand" />;
  }
}

function badgeColor(list: ListKey, count: number): 'danger' | 'informative' {
  return PROBLEM_LISTS.includes(list) && count > 0 ? 'danger' : 'informative';
}

/**
 * The documents behind the totals, one tab per result with its count: what needs a look first (different, missing,
 * duplicated, unknown, outside the period), then what is only for information, matched last. Opens on the first
 * tab that has documents.
 */
export function Drilldown({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [chosen, setChosen] = useState<ListKey>(() => firstList(view));
  const count = view.counts[chosen];
  return (
    <Panel title={t('pages.reconciliation.lists.title')}>
      <TabList
        size="small"
        className={styles.tabs}
        selectedValue={chosen}
        onTabSelect={(_, data) => setChosen(data.value as ListKey)}
        aria-label={t('pages.reconciliation.lists.label')}
      >
        {LIST_KEYS.map((list) => (
          <Tab key={list} value={list} id={`recon-tab-${list}`} aria-controls="recon-panel">
            <span className={styles.label}>
              {t(`pages.reconciliation.lists.${list}`)}
              <CounterBadge
                count={view.counts[list]}
                showZero
                size="small"
                appearance={view.counts[list] > 0 ? 'filled' : 'ghost'}
                color={badgeColor(list, view.counts[list])}
              />
            </span>
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="recon-panel" aria-labelledby={`recon-tab-${chosen}`} className={styles.panel}>
        <Text className={styles.explain}>{t(`pages.reconciliation.explain.${chosen}`)}</Text>
        {count === 0 ? (
          <Text weight="semibold">{t('pages.reconciliation.none')}</Text>
        ) : (
          <ListTable view={view} list={chosen} />
        )}
      </div>
    </Panel>
  );
}
