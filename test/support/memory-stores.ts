import type { SecretKind } from '../../shared/contract';
import type { AppSettings, SecretStore, SettingsStore } from '../../main/storage/types';

/** Settings kept in memory, for tests. */
export class MemorySettingsStore implements SettingsStore {
  readonly location = 'memory';
  constructor(
    private current: AppSettings = { version: 1, locale: 'en', activeProfileId: null, profiles: [] },
  ) {}
  read(): AppSettings {
    return structuredClone(this.current);
  }
  update(change: (current: AppSettings) => AppSettings): AppSettings {
    this.current = change(this.read());
    return this.read();
  }
}

const kinds: SecretKind[] = [
  'servicetitan.clientSecret',
  'servicetitan.appKey',
  'visma.clientSecret',
  'webhook.hmacKey',
];

/** Secrets kept in memory, for tests. */
export class TestSecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  get(profileId: string, kind: SecretKind): Promise<string | null> {
    return Promise.resolve(this.values.get(`${profileId}:${kind}`) ?? null);
  }
  set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    this.values.set(`${profileId}:${kind}`, value);
    return Promise.resolve();
  }
  delete(profileId: string, kind: SecretKind): Promise<boolean> {
    return Promise.resolve(this.values.delete(`${profileId}:${kind}`));
  }
  async rotate(profileId: string, kind: SecretKind, value: string): Promise<void> {
    if (!(await this.get(profileId, kind))) throw new Error(`No ${kind} to rotate.`);
    await this.set(profileId, kind, value);
  }
  status(profileId: string): Promise<Record<SecretKind, boolean>> {
    return Promise.resolve(
      Object.fromEntries(kinds.map((k) => [k, this.values.has(`${profileId}:${k}`)])) as Record<
        SecretKind,
        boolean
      >,
    );
  }
}
