import { useState } from 'react';
import { CounterBadge, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useMappings, usePrefetchLinkTab } from '../../data/mappings';
import { LinkTab } from './LinkTab';
import { MappingTablePanel } from './MappingTablePanel';
import { MAPPING_TABLES, type MappingTableId } from './mapping-tables';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: '250px minmax(0, 1fr)', gap: tokens.spacingHorizontalXL },
  tab: { justifyContent: 'flex-start', textAlign: 'start' },
  tabText: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const LINK_TABS = ['customer', 'supplier'] as const;
/** A tab: a link kind or a mapping table. */
export type MappingTabId = (typeof LINK_TABS)[number] | MappingTableId;

function isLinkTab(id: MappingTabId): id is (typeof LINK_TABS)[number] {
  return (LINK_TABS as readonly string[]).includes(id);
}

/**
 * Every mapping of a profile, one tab per kind: customers and vendors ↔ suppliers (matched, suggested, left), then
 * each rule table (accounts, VAT, dimensions, projects). No page chrome: the mappings page and the first-run wizard's
 * map step both embed it as `<MappingTabs profileId={…} />`.
 */
export function MappingTabs(props: { profileId: string; initialTab?: MappingTabId }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const initialTab = props.initialTab ?? 'customer';
  // The first rows are asked for before anything below renders; the link tabs do not wait for the rule list.
  usePrefetchLinkTab(props.profileId, isLinkTab(initialTab) ? initialTab : null);
  const mappings = useMappings(props.profileId);
  const [selected, setSelected] = useState<MappingTabId>(initialTab);
  const rules = mappings.data?.rules ?? [];
  const count = (id: string) => rules.filter((r) => r.table === id).length;
  const spec = MAPPING_TABLES.find((s) => s.id === selected);
  const rulePanel = (found: (typeof MAPPING_TABLES)[number]) =>
    mappings.isPending ? (
      <Spinner label={t('app.loading')} />
    ) : mappings.isError ? (
      <ErrorNotice error={mappings.error} onRetry={() => void mappings.refetch()} />
    ) : (
      <MappingTablePanel
        key={found.id}
        profileId={props.profileId}
        spec={found}
        rules={rules.filter((r) => r.table === found.id)}
      />
    );
  return (
    <div className={styles.layout}>
      <TabList
        vertical
        selectedValue={selected}
        onTabSelect={(_, data) => setSelected(data.value as MappingTabId)}
        aria-label={t('pages.mappings.tabsLabel')}
      >
        {LINK_TABS.map((kind) => (
          <Tab
            key={kind}
            id={`mapping-tab-${kind}`}
            value={kind}
            aria-controls="mapping-panel"
            className={styles.tab}
          >
            {t(`pages.mappings.tabs.${kind}`)}
          </Tab>
        ))}
        {MAPPING_TABLES.map(({ id }) => (
          <Tab
            key={id}
            id={`mapping-tab-${id}`}
            value={id}
            aria-controls="mapping-panel"
            className={styles.tab}
          >
            <span className={styles.tabText}>
              {t(`pages.mappings.table.${id}.name`)}
              {count(id) > 0 && (
                <CounterBadge count={count(id)} size="small" appearance="ghost" color="informative" />
              )}
            </span>
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="mapping-panel" aria-labelledby={`mapping-tab-${selected}`}>
        {spec ? (
          rulePanel(spec)
        ) : (
          <LinkTab key={selected} profileId={props.profileId} kind={selected as 'customer' | 'supplier'} />
        )}
      </div>
    </div>
  );
}
