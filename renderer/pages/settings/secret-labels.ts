import type { SecretKind } from '../../../shared/contract/schemas';

/** The translation key (under `settings.credentials.kind.`) that names each kind of secret. */
export const secretLabelKey = {
  'servicetitan.clientSecret': 'stClientSecret',
  'servicetitan.appKey': 'stAppKey',
  'visma.clientSecret': 'vismaClientSecret',
  'webhook.hmacKey': 'webhookHmacKey',
} as const satisfies Record<SecretKind, string>;
