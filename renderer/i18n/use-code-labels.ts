import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTORS,
  OUTCOMES,
  REASONS,
  RUN_STATUSES,
  SOURCE_TYPES,
  STATES,
  TRIGGERS,
  VISMA_DOC_TYPES,
  actionKey,
  oneOf,
} from './codes';

/** Words for the engine's codes in the UI language; an unknown code is shown as sent. */
export interface CodeLabels {
  trigger(code: string): string;
  runStatus(code: string): string;
  actor(code: string): string;
  outcome(code: string): string;
  state(code: string): string;
  reason(code: string): string;
  sourceType(code: string): string;
  action(code: string): string;
  vismaDocType(code: string): string;
}

/** The code labels of the current language. */
export function useCodeLabels(): CodeLabels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      trigger: (c) => (oneOf(TRIGGERS, c) ? t(`codes.trigger.${c}`) : c),
      runStatus: (c) => (oneOf(RUN_STATUSES, c) ? t(`codes.runStatus.${c}`) : c),
      actor: (c) => (oneOf(ACTORS, c) ? t(`codes.actor.${c}`) : c),
      outcome: (c) => (oneOf(OUTCOMES, c) ? t(`codes.outcome.${c}`) : c),
      state: (c) => (oneOf(STATES, c) ? t(`codes.state.${c}`) : c),
      reason: (c) => (oneOf(REASONS, c) ? t(`codes.reason.${c}`) : c),
      sourceType: (c) => (oneOf(SOURCE_TYPES, c) ? t(`codes.sourceType.${c}`) : c),
      vismaDocType: (c) => (oneOf(VISMA_DOC_TYPES, c) ? t(`codes.vismaDocType.${c}`) : c),
      action: (c) => {
        const key = actionKey(c);
        // The key comes from the audit action lists in codes.ts, each with a text in every language (tested).
        return key ? t(`codes.action.${key}` as 'codes.action.sync.completed') : c;
      },
    }),
    [t],
  );
}
