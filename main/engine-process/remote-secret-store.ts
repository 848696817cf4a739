import { redactor } from '../log/redactor';
import { SecretStoreError } from '../storage/secrets';
import type { SecretKind } from '../../shared/contract';
import type { SecretStore } from '../storage/types';
import { SecretValue, type SecretRequest, type SecretResult } from './protocol';

/** Sends one keychain request to the main process and resolves with its answer. */
export type AskParent = (request: SecretRequest) => Promise<SecretResult>;

/**
 * The engine process's secret store: every operation is done by the main process, which keeps the OS keychain
 * (see the README of this folder for why). Failures come back as `SecretStoreError`s with the same reason.
 */
export class RemoteSecretStore implements SecretStore {
  constructor(private readonly ask: AskParent) {}

  /** The secret, or null when none is stored. */
  async get(profileId: string, kind: SecretKind): Promise<string | null> {
    return SecretValue.get.parse(await this.run({ op: 'get', profileId, kind }));
  }

  /** Stores (or replaces) a secret. */
  async set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    await this.run({ op: 'set', profileId, kind, value });
  }

  /** Removes a secret; true when one existed. */
  async delete(profileId: string, kind: SecretKind): Promise<boolean> {
    return SecretValue.delete.parse(await this.run({ op: 'delete', profileId, kind }));
  }

  /** Replaces an existing secret; fails when none exists. */
  async rotate(profileId: string, kind: SecretKind, value: string): Promise<void> {
    await this.run({ op: 'rotate', profileId, kind, value });
  }

  /** Which kinds are set for a profile. */
  async status(profileId: string): Promise<Record<SecretKind, boolean>> {
    return SecretValue.status.parse(await this.run({ op: 'status', profileId }));
  }

  private async run(request: SecretRequest): Promise<unknown> {
    const result = await this.ask(request);
    if (!result.ok) throw new SecretStoreError(result.reason, result.message);
    return result.value;
  }
}

/** Does one keychain request on `secrets` (the side that holds the keychain); a failure is an answer, never a throw. */
export async function answerSecretRequest(
  secrets: SecretStore,
  request: SecretRequest,
): Promise<SecretResult> {
  try {
    const value =
      request.op === 'get'
        ? await secrets.get(request.profileId, request.kind)
        : request.op === 'set'
          ? await secrets.set(request.profileId, request.kind, request.value)
          : request.op === 'rotate'
            ? await secrets.rotate(request.profileId, request.kind, request.value)
            : request.op === 'delete'
              ? await secrets.delete(request.profileId, request.kind)
              : await secrets.status(request.profileId);
    return { ok: true, value: SecretValue[request.op].parse(value ?? null) };
  } catch (err) {
    const reason = err instanceof SecretStoreError ? err.reason : 'failed';
    return {
      ok: false,
      reason,
      message: redactor.redact(err instanceof Error ? err.message : String(err)),
    };
  }
}
