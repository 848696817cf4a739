import { useTranslation } from 'react-i18next';
import { PageLayout } from '../components/PageLayout';
import { BackupsSection } from './settings/BackupsSection';
import { CredentialsSection } from './settings/CredentialsSection';
import { DataFolderSection } from './settings/DataFolderSection';
import { LanguageSection } from './settings/LanguageSection';
import { NotificationsSection } from './settings/NotificationsSection';
import { ProfilesSection } from './settings/ProfilesSection';
import { SyncSettingsSection } from './settings/SyncSettingsSection';

/** Language, notifications, profiles, the active profile's sync settings (schedule, webhooks…), credentials, ledger backups, and the data folder with diagnostics. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.settings.title')} description={t('pages.settings.description')}>
      <LanguageSection />
      <NotificationsSection />
      <ProfilesSection />
      <SyncSettingsSection />
      <CredentialsSection />
      <BackupsSection />
      <DataFolderSection />
    </PageLayout>
  );
}
