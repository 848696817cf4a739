import { useState } from 'react';
import { CounterBadge, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageLayout } from '../components/PageLayout';
import { WithActiveProfile } from '../components/WithActiveProfile';
import { useMappings } from '../data/mappings';
import { MappingTablePanel } from './mappings/MappingTablePanel';
import { MAPPING_TABLES, type MappingTableId } from './mappings/mapping-tables';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: '250px minmax(0, 1fr)', gap: tokens.spacingHorizontalXL },
  tab: { justifyContent: 'flex-start', textAlign: 'start' },
  tabText: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

function Mappings({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const mappings = useMappings(profile.id);
  const [selected, setSelected] = useState<MappingTableId>(MAPPING_TABLES[0].id);
  const spec = MAPPING_TABLES.find((s) => s.id === selected) ?? MAPPING_TABLES[0];
  if (mappings.isPending) return <Spinner label={t('app.loading')} />;
  if (mappings.isError) return <ErrorNotice error={mappings.error} onRetry={() => void mappings.refetch()} />;
  const rules = mappings.data.rules;
  const count = (id: string) => rules.filter((r) => r.table === id).length;
  return (
    <div className={styles.layout}>
      <TabList
        vertical
        selectedValue={selected}
        onTabSelect={(_, data) => setSelected(data.value as MappingTableId)}
        aria-label={t('pages.mappings.tabsLabel')}
      >
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
      <div role="tabpanel" id="mapping-panel" aria-labelledby={`mapping-tab-${spec.id}`}>
        <MappingTablePanel
          key={spec.id}
          profileId={profile.id}
          spec={spec}
          rules={rules.filter((r) => r.table === spec.id)}
        />
      </div>
    </div>
  );
}

/** The rules that translate ServiceTitan keys into Visma accounts, VAT codes and dimensions, one tab per table. */
export function MappingsPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.mappings.title')} description={t('pages.mappings.description')}>
      <WithActiveProfile>{(profile) => <Mappings key={profile.id} profile={profile} />}</WithActiveProfile>
    </PageLayout>
  );
}
