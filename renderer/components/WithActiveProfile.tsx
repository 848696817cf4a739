import type { ReactNode } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import { PlugDisconnectedRegular } from '@fluentui/react-icons/svg/plug-disconnected';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { useActiveProfile } from '../data/profiles';
import { EmptyState } from './EmptyState';

/** Renders `children` for the active profile; until there is one, says where to add it. */
export function WithActiveProfile(props: { children: (profile: ProfileSummary) => ReactNode }) {
  const { t } = useTranslation();
  const active = useActiveProfile();
  if (active === undefined) return <Spinner label={t('app.loading')} />;
  if (active === null) {
    return (
      <EmptyState
        icon={<PlugDisconnectedRegular />}
        title={t('pages.dashboard.noProfileTitle')}
        body={t('profile.addInSettings')}
      >
        <Button as="a" href="#/settings" appearance="primary">
          {t('pages.dashboard.openSettings')}
        </Button>
      </EmptyState>
    );
  }
  return <>{props.children(active)}</>;
}
