import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';

/** The words for a profile's two environments, and the warning that goes with them. */
export interface EnvironmentText {
  servicetitan: string;
  visma: string;
  /** Both together, e.g. "ServiceTitan: Integration · Visma: PRODUCTION". */
  both: string;
  hint: string;
}

/** Describes a profile's environments in the UI language. */
export function useEnvironmentText(): (profile: ProfileSummary) => EnvironmentText {
  const { t } = useTranslation();
  return useCallback(
    (profile: ProfileSummary) => {
      const st = profile.servicetitan.environment;
      const visma = profile.visma.environment;
      const servicetitan = t('environment.stLabel', { environment: t(`environment.st.${st}`) });
      const vismaText = t('environment.vismaLabel', { environment: t(`environment.visma.${visma}`) });
      const company = profile.visma.companyName ?? profile.visma.companyId;
      let hint = t('environment.sandboxHint');
      if (visma === 'production') {
        hint =
          st === 'integration' ? t('environment.mixedHint') : t('environment.productionHint', { company });
      }
      return { servicetitan, visma: vismaText, both: `${servicetitan} · ${vismaText}`, hint };
    },
    [t],
  );
}
