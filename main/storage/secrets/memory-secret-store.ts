import type { SecretKind } from '../../../shared/contract/schemas';
import { redactor } from '../../log/redactor';
import type { SecretStore } from '../types';
import { attempt } from './attempt';
import { SECRET_KINDS, SecretStoreError, checkSecretValue, emptyStatus, secretAccount } from './keys';

/** Secrets in process memory only (demo mode and tests); same rules and errors as the keychain store. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  /** The stored value, or null. */
  get(profileId: string, kind: SecretKind): Promise<string | null> {
    return attempt(() => {
      const value = this.values.get(secretAccount(profileId, kind)) ?? null;
      redactor.add(value);
      return value;
    });
  }

  /** Stores or replaces a value. */
  set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    return attempt(() => {
      const account = secretAccount(profileId, kind);
      redactor.add(checkSecretValue(kind, value));
      this.values.set(account, value);
    });
  }

  /** Removes a value; true when one existed. */
  delete(profileId: string, kind: SecretKind): Promise<boolean> {
    return attempt(() => this.values.delete(secretAccount(profileId, kind)));
  }

  /** Replaces an existing value; fails when there is none. */
  rotate(profileId: string, kind: SecretKind, value: string): Promise<void> {
    return attempt(() => {
      const account = secretAccount(profileId, kind);
      redactor.add(checkSecretValue(kind, value));
      if (!this.values.has(account)) {
        throw new SecretStoreError(
          'not_found',
          `There is no ${kind} for profile "${profileId}" to rotate; set one first.`,
        );
      }
      this.values.set(account, value);
    });
  }

  /** Which kinds are set for the profile. */
  status(profileId: string): Promise<Record<SecretKind, boolean>> {
    return attempt(() => {
      const status = emptyStatus();
      for (const kind of SECRET_KINDS) status[kind] = this.values.has(secretAccount(profileId, kind));
      return status;
    });
  }
}
