import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeCallError } from '../bridge/client';
import { apiErrorText } from './api-error-text';

/**
 * Turns a failure into text for the user. Transport problems the renderer detects itself and refusals main sends with
 * a message code are said in the UI language; other messages written by main are shown as main wrote them.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof BridgeCallError) {
        if (error.code === 'unavailable') return t('errors.unavailable');
        if (error.code === 'invalid_response') return t('errors.invalidResponse');
        const said = error.text && apiErrorText(t, (key) => i18n.exists(key), error.text);
        return said ?? error.message;
      }
      return error instanceof Error ? error.message : String(error);
    },
    [t, i18n],
  );
}
