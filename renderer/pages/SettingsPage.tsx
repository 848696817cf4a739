import { useTranslation } from 'react-i18next';
import { PageLayout } from '../components/PageLayout';
import { CredentialsSection } from './settings/CredentialsSection';
import { LanguageSection } from './settings/LanguageSection';
import { ProfilesSection } from './settings/ProfilesSection';

/** Language, profiles and credentials. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.settings.title')} description={t('pages.settings.description')}>
      <LanguageSection />
      <ProfilesSection />
      <CredentialsSection />
    </PageLayout>
  );
}
