import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contract/schemas';
import { useBridgeClient } from '../bridge/context';
import { applyLocale } from '../i18n/apply-locale';
import { queryKeys } from './query-keys';

/** Facts about the running app (version, host, demo mode). */
export function useAppInfo() {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => client.call('app.info', {}),
    staleTime: Infinity,
  });
}

/** The app's settings: language and active profile. */
export function useSettings() {
  const client = useBridgeClient();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => client.call('settings.get', {}) });
}

/** Saves the UI language through main, then switches the UI to it. */
export function useSetLocale() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: (locale: Locale) => client.call('settings.setLocale', { locale }),
    onSuccess: async ({ locale }) => {
      await applyLocale(i18n, locale);
      await queryClient.invalidateQueries({ queryKey: queryKeys.settings });
    },
  });
}
