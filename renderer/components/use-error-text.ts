import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeCallError } from '../bridge/client';

/**
 * Turns a failure into text for the user. Transport problems the renderer detects itself are translated; messages
 * written by main (validation, conflicts) are shown as main wrote them.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof BridgeCallError) {
        if (error.code === 'unavailable') return t('errors.unavailable');
        if (error.code === 'invalid_response') return t('errors.invalidResponse');
        return error.message;
      }
      return error instanceof Error ? error.message : String(error);
    },
    [t],
  );
}
