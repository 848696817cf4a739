import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReplayPreviewView } from '../../../shared/contract/engine-schemas';
import type { ActionResult } from '../../components/ResultBar';
import type { ReviewActionOutcome } from '../../data/review';
import { useErrorText } from '../../components/use-error-text';

function replayText(t: TFunction, results: ReplayPreviewView[]): ActionResult {
  const [only] = results;
  const stuck = results.filter((r) => r.outcome === 'blocked' || r.outcome === 'not-replayable').length;
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
    text: t('pages.review.result.replayMany', { n: results.length, moved: results.length - stuck, stuck }),
  };
}

/** Turns a finished review action into the sentence the result bar shows; `number` names a single document. */
export function useResultText(): (outcome: ReviewActionOutcome, number: string) => ActionResult {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    ({ action, results, done, failed }, number) => {
      const partial = failed[0]
        ? ` ${t('pages.review.result.partial', { n: failed.length, message: errorText(failed[0].error) })}`
        : '';
      const intent = failed.length ? 'warning' : 'success';
      switch (action.type) {
        case 'replay':
        case 'fix':
          return replayText(t, results);
        case 'approve':
          return action.ids.length === 1 && !failed.length
            ? { intent, text: t('pages.review.result.approved', { number }) }
            : {
                intent,
                text: t('pages.review.result.approvedMany', { done, n: action.ids.length }) + partial,
              };
        case 'ignore':
          return action.ids.length === 1 && !failed.length
            ? { intent, text: t('pages.review.result.ignored', { number }) }
            : {
                intent,
                text: t('pages.review.result.ignoredMany', { done, n: action.ids.length }) + partial,
              };
        case 'resolve':
          return { intent: 'success', text: t(`pages.review.result.${action.decision}`, { number }) };
      }
    },
    [t, errorText],
  );
}
