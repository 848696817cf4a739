import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretKind } from '../../../shared/contract/schemas';

/** What a secret's value must look like: a hint shown at the field, and a check that says what is wrong. */
export interface SecretRule {
  hint: string;
  /** The problem in words, or `null` when the value is fine. */
  check: (value: string) => string | null;
}

/** The webhook signing key is 32–64 characters, as ServiceTitan's developer portal issues it. */
export const HMAC_KEY_LENGTH = { min: 32, max: 64 } as const;

/** The rule for a kind of secret, when it has one (only the webhook signing key does). */
export function useSecretRule(): (kind: SecretKind) => SecretRule | undefined {
  const { t } = useTranslation();
  return useCallback(
    (kind: SecretKind) => {
      if (kind !== 'webhook.hmacKey') return undefined;
      return {
        hint: t('settings.webhooks.keyHint', HMAC_KEY_LENGTH),
        check: (value) =>
          value.length < HMAC_KEY_LENGTH.min || value.length > HMAC_KEY_LENGTH.max
            ? t('settings.webhooks.keyLength', { ...HMAC_KEY_LENGTH, count: value.length })
            : null,
      };
    },
    [t],
  );
}
