import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { PageLayout } from '../components/PageLayout';
import { WithActiveProfile } from '../components/WithActiveProfile';
import { MappingFiles } from './mappings/MappingFiles';
import { MappingTabs } from './mappings/MappingTabs';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

function Mappings({ profile }: { profile: ProfileSummary }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MappingFiles profileId={profile.id} />
      <MappingTabs profileId={profile.id} />
    </div>
  );
}

/** The links and rules that translate ServiceTitan records into Visma ones, one tab per kind, with import/export. */
export function MappingsPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.mappings.title')} description={t('pages.mappings.description')}>
      <WithActiveProfile>{(profile) => <Mappings key={profile.id} profile={profile} />}</WithActiveProfile>
    </PageLayout>
  );
}
