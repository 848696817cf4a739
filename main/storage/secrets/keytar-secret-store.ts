import type { SecretKind } from '../../../shared/contract/schemas';
import { redactor } from '../../log/redactor';
import type { SecretStore } from '../types';
import { attempt } from './attempt';
import {
  SECRET_KINDS,
  SECRET_SERVICE,
  SecretStoreError,
  checkProfileId,
  checkSecretValue,
  emptyStatus,
  secretAccount,
} from './keys';

/** The part of keytar this store uses (lets tests substitute a fake). */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

/** Loads the native keytar module on first use, so importing this file never needs the keychain. */
export async function loadSystemKeytar(): Promise<KeytarApi> {
  const mod = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return mod.default ?? mod;
}

function keychainName(): string {
  if (process.platform === 'win32') return 'Windows Credential Manager';
  if (process.platform === 'darwin') return 'macOS Keychain';
  return 'Secret Service';
}

const UNAVAILABLE =
  /d-?bus|secret ?service|org\.freedesktop|collection|autolaunch|prompt|keychain|credential manager/i;

/** Secrets in the OS keychain through keytar: service `st-visma-connector`, account `<profileId>:<kind>`. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<KeytarApi> | undefined;

  constructor(
    private readonly loadKeytar: () => Promise<KeytarApi> = loadSystemKeytar,
    private readonly service: string = SECRET_SERVICE,
  ) {}

  /** The stored value, or null. */
  get(profileId: string, kind: SecretKind): Promise<string | null> {
    return this.run(`read the ${kind} of profile "${profileId}"`, async (k) => {
      const value = await k.getPassword(this.service, secretAccount(profileId, kind));
      redactor.add(value);
      return value;
    });
  }

  /** Stores or replaces a value. */
  set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    return this.run(`store the ${kind} of profile "${profileId}"`, (k) => {
      const account = secretAccount(profileId, kind);
      redactor.add(checkSecretValue(kind, value));
      return k.setPassword(this.service, account, value);
    });
  }

  /** Removes a value; true when one existed. */
  delete(profileId: string, kind: SecretKind): Promise<boolean> {
    return this.run(`delete the ${kind} of profile "${profileId}"`, (k) =>
      k.deletePassword(this.service, secretAccount(profileId, kind)),
    );
  }

  /** Replaces an existing value; fails when there is none. */
  rotate(profileId: string, kind: SecretKind, value: string): Promise<void> {
    return this.run(`rotate the ${kind} of profile "${profileId}"`, async (k) => {
      const account = secretAccount(profileId, kind);
      redactor.add(checkSecretValue(kind, value));
      const previous = await k.getPassword(this.service, account);
      if (previous === null) {
        throw new SecretStoreError(
          'not_found',
          `There is no ${kind} for profile "${profileId}" to rotate; set one first.`,
        );
      }
      redactor.add(previous);
      await k.setPassword(this.service, account, value);
    });
  }

  /** Which kinds are set for the profile (one keychain query). */
  status(profileId: string): Promise<Record<SecretKind, boolean>> {
    return this.run(`check the secrets of profile "${profileId}"`, async (k) => {
      checkProfileId(profileId);
      const credentials = await k.findCredentials(this.service);
      const status = emptyStatus();
      for (const { account, password } of credentials) {
        redactor.add(password);
        const kind = SECRET_KINDS.find((c) => account === `${profileId}:${c}`);
        if (kind) status[kind] = true;
      }
      return status;
    });
  }

  private async keychain(): Promise<KeytarApi> {
    this.keytar ??= this.loadKeytar();
    try {
      return await this.keytar;
    } catch (err) {
      this.keytar = undefined;
      throw new SecretStoreError(
        'unavailable',
        `The system keychain (${keychainName()}) is not available: the keytar module could not be loaded (${reason(err)}).`,
        { cause: err },
      );
    }
  }

  /** Loads keytar, runs `work`, and turns any failure into a `SecretStoreError` that never holds a value. */
  private run<T>(what: string, work: (keytar: KeytarApi) => Promise<T>): Promise<T> {
    return attempt(async () => {
      const keytar = await this.keychain();
      try {
        return await work(keytar);
      } catch (err) {
        if (err instanceof SecretStoreError) throw err;
        const why = reason(err);
        if (UNAVAILABLE.test(why)) {
          throw new SecretStoreError(
            'unavailable',
            `The system keychain (${keychainName()}) is not available (${why}). Unlock or start it and try again.`,
            { cause: err },
          );
        }
        throw new SecretStoreError('failed', `Could not ${what}: ${why}`, { cause: err });
      }
    });
  }
}

function reason(err: unknown): string {
  return redactor.redact(err instanceof Error ? err.message : String(err));
}
