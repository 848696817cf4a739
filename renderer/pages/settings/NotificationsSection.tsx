import { useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import {
  askForNotifications,
  notificationAccess,
  type NotificationAccess,
} from '../../notify/os-notifications';
import { SettingsSection } from './SettingsSection';

/** Whether the app may tell the person through the OS that a run failed or left new items to review. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const [access, setAccess] = useState<NotificationAccess>(notificationAccess);
  const [asking, setAsking] = useState(false);

  async function ask() {
    setAsking(true);
    try {
      setAccess(await askForNotifications());
    } finally {
      setAsking(false);
    }
  }

  return (
    <SettingsSection
      title={t('settings.notifications.heading')}
      description={t('settings.notifications.description')}
    >
      <Text data-testid="notification-access">{t(`settings.notifications.access.${access}`)}</Text>
      {access === 'default' && (
        <Button appearance="primary" disabled={asking} onClick={() => void ask()}>
          {t('settings.notifications.allow')}
        </Button>
      )}
    </SettingsSection>
  );
}
