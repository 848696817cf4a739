import { useState } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import {
  BuildingRegular,
  CalculatorRegular,
  DataTreemapRegular,
  PeopleRegular,
  VehicleTruckProfileRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { PageLayout } from '../components/PageLayout';

const tabs = [
  { id: 'customers', Icon: PeopleRegular },
  { id: 'glAccounts', Icon: BuildingRegular },
  { id: 'vat', Icon: CalculatorRegular },
  { id: 'dimensions', Icon: DataTreemapRegular },
  { id: 'vendors', Icon: VehicleTruckProfileRegular },
] as const;

type MappingTab = (typeof tabs)[number]['id'];

/** The translation tables between the two systems, one tab per kind. Empty until master data is imported. */
export function MappingsPage() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<MappingTab>('customers');
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];
  return (
    <PageLayout title={t('pages.mappings.title')} description={t('pages.mappings.description')}>
      <TabList
        selectedValue={selected}
        onTabSelect={(_, data) => setSelected(data.value as MappingTab)}
        aria-label={t('pages.mappings.tabsLabel')}
      >
        {tabs.map(({ id }) => (
          <Tab key={id} id={`mapping-tab-${id}`} value={id} aria-controls="mapping-panel">
            {t(`pages.mappings.${id}`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="mapping-panel" aria-labelledby={`mapping-tab-${current.id}`}>
        <EmptyState
          icon={<current.Icon />}
          title={t(`pages.mappings.${current.id}`)}
          body={t(`pages.mappings.${current.id}Empty`)}
        />
      </div>
    </PageLayout>
  );
}
