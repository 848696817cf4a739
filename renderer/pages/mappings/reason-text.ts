import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The matcher's evidence words (main/engine/alignment/matcher.ts) and their message codes. */
const FIXED: Record<string, string> = {
  'same name': 'sameName',
  'same name apart from spelling, spacing or legal form': 'sameNameSpelling',
  'same address': 'sameAddress',
  'same postal code': 'samePostal',
  'different postal code': 'differentPostal',
  'same phone': 'samePhone',
  'different phone': 'differentPhone',
  'same e-mail': 'sameEmail',
  'the same name is used more than once': 'nameTwice',
};

/** A suggestion's reason in the user's language; one the renderer does not know is shown as main wrote it. */
export function useReasonText(): (reason: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (reason: string) => {
      const similar = /^similar name \((\d+) %\)$/.exec(reason);
      if (similar) return t('pages.mappings.links.reason.similarName', { percent: similar[1] });
      const code = FIXED[reason];
      return code ? t(`pages.mappings.links.reason.${code as 'sameName'}`) : reason;
    },
    [t],
  );
}
