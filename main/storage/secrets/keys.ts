import { ProfileId, SecretKind } from '../../../shared/contract/schemas';

/** The keychain service every entry of this app lives under. */
export const SECRET_SERVICE = 'st-visma-connector';

/** Every kind of secret a profile can have. */
export const SECRET_KINDS: readonly SecretKind[] = SecretKind.options;

/** Longest value accepted (the Windows Credential Manager caps a blob at 2560 bytes; keep well inside). */
export const MAX_SECRET_LENGTH = 2048;

/** A secret operation failed; the message never contains the value. */
export class SecretStoreError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'not_found' | 'invalid' | 'failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SecretStoreError';
  }
}

/** Throws a clear error unless `profileId` is a valid profile id. */
export function checkProfileId(profileId: string): string {
  if (!ProfileId.safeParse(profileId).success) {
    throw new SecretStoreError('invalid', `"${profileId}" is not a valid profile id.`);
  }
  return profileId;
}

/** The keychain account of one secret: `<profileId>:<kind>`, after checking both parts. */
export function secretAccount(profileId: string, kind: SecretKind): string {
  checkProfileId(profileId);
  if (!SecretKind.safeParse(kind).success)
    throw new SecretStoreError('invalid', `"${kind}" is not a kind of secret.`);
  return `${profileId}:${kind}`;
}

/** Checks a value before it is stored; the error describes the problem, never the value. */
export function checkSecretValue(kind: SecretKind, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SecretStoreError('invalid', `The ${kind} must be a non-empty text.`);
  }
  if (value.length > MAX_SECRET_LENGTH) {
    throw new SecretStoreError(
      'invalid',
      `The ${kind} is too long (at most ${MAX_SECRET_LENGTH} characters).`,
    );
  }
  if (kind === 'webhook.hmacKey' && (value.length < 32 || value.length > 64)) {
    throw new SecretStoreError(
      'invalid',
      'The webhook HMAC key must be 32 to 64 characters, as ServiceTitan requires.',
    );
  }
  return value;
}

/** A status record with every kind set to false. */
export function emptyStatus(): Record<SecretKind, boolean> {
  return Object.fromEntries(SECRET_KINDS.map((k) => [k, false])) as Record<SecretKind, boolean>;
}
