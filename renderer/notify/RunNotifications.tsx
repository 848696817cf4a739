import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useBridgeClient } from '../bridge/context';
import { useProfiles, useSetActiveProfile } from '../data/profiles';
import { showNotification } from './os-notifications';
import { runNoticeFor } from './run-notice';

/**
 * Tells the person, through the OS, when a run of any profile fails or leaves new documents to review — the
 * scheduled run nobody watches included. A click opens that profile's dashboard or review queue. Renders nothing.
 */
export function RunNotifications() {
  const client = useBridgeClient();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profiles = useProfiles();
  const setActive = useSetActiveProfile();
  // Read when an event arrives, so the subscription is made once and never misses an event while re-rendering.
  const latest = useRef({ t, navigate, profiles: profiles.data, setActive });
  useEffect(() => {
    latest.current = { t, navigate, profiles: profiles.data, setActive };
  });

  useEffect(
    () =>
      client.on('sync.progress', (event) => {
        const { t, profiles } = latest.current;
        const profile = profiles?.profiles.find((p) => p.id === event.profileId);
        const notice = runNoticeFor(event, profile?.name ?? event.profileId, t);
        if (!notice) return;
        showNotification(notice, () => {
          const { navigate, profiles, setActive } = latest.current;
          if (profiles && profiles.activeProfileId !== event.profileId) setActive.mutate(event.profileId);
          void navigate(notice.path);
        });
      }),
    [client],
  );
  return null;
}
