import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveProfile } from '../data/profiles';
import { useEnvironmentText } from './environment-text';

/** Keeps the window title on the active profile and both its environments (Electron shows it in the title bar). */
export function useDocumentTitle(): void {
  const { t } = useTranslation();
  const active = useActiveProfile();
  const describe = useEnvironmentText();
  const title = active ? `${active.name} (${describe(active).both}) — ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
