import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayPreviewView } from '../../../shared/contract/engine-schemas';
import type { ActionResult } from '../../components/ResultBar';
import type { ReviewAction } from '../../data/review';

/** Turns a finished review action into the sentence the result bar shows. */
export function useResultText(): (
  action: ReviewAction,
  results: ReplayPreviewView[],
  number: string,
) => ActionResult {
  const { t } = useTranslation();
  return useCallback(
    (action, results, number) => {
      switch (action.type) {
        case 'replay': {
          const [only] = results;
          const stuck = results.filter(
            (r) => r.outcome === 'blocked' || r.outcome === 'not-replayable',
          ).length;
          if (results.length === 1 && only) {
            return {
              intent: stuck ? 'warning' : 'success',
              text: t('pages.review.result.replayOne', {
                number: only.sourceNumber,
                outcome: t(`pages.review.outcome.${only.outcome}`),
                text: only.text,
              }),
            };
          }
          return {
            intent: stuck ? 'warning' : 'success',
            text: t('pages.review.result.replayMany', {
              n: results.length,
              moved: results.length - stuck,
              stuck,
            }),
          };
        }
        case 'approve':
          return { intent: 'success', text: t('pages.review.result.approved', { number }) };
        case 'ignore':
          return { intent: 'success', text: t('pages.review.result.ignored', { number }) };
        case 'resolve':
          return { intent: 'success', text: t(`pages.review.result.${action.decision}`, { number }) };
      }
    },
    [t],
  );
}
