import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalView } from '../../../shared/contract/mapping-schemas';

/** A refusal (a record Visma does not have, has inactive, or no longer valid) in the user's language, naming it. */
export function useRefusalText(): (refusal: Pick<RefusalView, 'what' | 'value' | 'code' | 'name'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (r) =>
      t(`pages.mappings.refusal.${r.code}${r.name ? 'Named' : ''}`, {
        what: t(`pages.mappings.what.${r.what}`),
        value: r.value,
        name: r.name ?? '',
      }),
    [t],
  );
}
