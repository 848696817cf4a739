import { describe, expect, it } from 'vitest';
import { redactor } from '../../../main/log/redactor';
import {
  KeytarSecretStore,
  MemorySecretStore,
  SecretStoreError,
  type KeytarApi,
} from '../../../main/storage/secrets';
import type { SecretStore } from '../../../main/storage/types';

/** An in-memory stand-in for keytar with the same signatures. */
function fakeKeytar(): KeytarApi & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const key = (s: string, a: string) => `${s}\u0000${a}`;
  return {
    entries,
    getPassword: (s, a) => Promise.resolve(entries.get(key(s, a)) ?? null),
    setPassword: (s, a, p) => Promise.resolve(void entries.set(key(s, a), p)),
    deletePassword: (s, a) => Promise.resolve(entries.delete(key(s, a))),
    findCredentials: (s) =>
      Promise.resolve(
        [...entries]
          .filter(([k]) => k.startsWith(`${s}\u0000`))
          .map(([k, password]) => ({ account: k.split('\u0000')[1] ?? '', password })),
      ),
  };
}

const contracts: [string, () => SecretStore][] = [
  ['MemorySecretStore', () => new MemorySecretStore()],
  ['KeytarSecretStore (fake keytar)', () => new KeytarSecretStore(() => Promise.resolve(fakeKeytar()))],
];

describe.each(contracts)('%s', (_name, make) => {
  it('sets, reads, rotates and deletes', async () => {
    const store = make();
    expect(await store.get('acme', 'visma.clientSecret')).toBeNull();
    await store.set('acme', 'visma.clientSecret', 'first-value-1');
    expect(await store.get('acme', 'visma.clientSecret')).toBe('first-value-1');
    await store.rotate('acme', 'visma.clientSecret', 'second-value-2');
    expect(await store.get('acme', 'visma.clientSecret')).toBe('second-value-2');
    expect((await store.status('acme'))['visma.clientSecret']).toBe(true);
    expect((await store.status('other'))['visma.clientSecret']).toBe(false);
    expect(await store.delete('acme', 'visma.clientSecret')).toBe(true);
    expect(await store.delete('acme', 'visma.clientSecret')).toBe(false);
    expect(await store.get('acme', 'visma.clientSecret')).toBeNull();
  });

  it('refuses to rotate a secret that does not exist', async () => {
    const store = make();
    await expect(
      store.rotate('acme', 'webhook.hmacKey', 'new-value-123-0123456789abcdef0123'),
    ).rejects.toThrow(/no webhook.hmacKey.*set one first/);
  });

  it('registers every value with the redactor', async () => {
    const store = make();
    await store.set('acme', 'servicetitan.appKey', 'registered-app-key-77');
    expect(redactor.redact('key=registered-app-key-77')).not.toContain('registered-app-key-77');
  });

  it.each([
    [
      'a bad profile id',
      () => make().set('Bad Id!', 'visma.clientSecret', 'x-value-1'),
      /not a valid profile id/,
    ],
    ['an unknown kind', () => make().get('acme', 'nope' as never), /not a kind of secret/],
    ['an empty value', () => make().set('acme', 'visma.clientSecret', ''), /non-empty/],
    ['a huge value', () => make().set('acme', 'visma.clientSecret', 'v'.repeat(5000)), /too long/],
  ])('rejects %s with a SecretStoreError', async (_label, call, message) => {
    await expect(call()).rejects.toBeInstanceOf(SecretStoreError);
    await expect(call()).rejects.toThrow(message);
  });
});

describe('KeytarSecretStore failures', () => {
  it('explains an unavailable keychain when keytar cannot load, and retries the load next time', async () => {
    let loads = 0;
    const store = new KeytarSecretStore(() => {
      loads++;
      return Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file'));
    });
    await expect(store.get('acme', 'visma.clientSecret')).rejects.toThrow(
      /system keychain .* is not available/,
    );
    await expect(store.status('acme')).rejects.toMatchObject({ reason: 'unavailable' });
    expect(loads).toBe(2);
  });

  it('reports a D-Bus failure as unavailable and never includes the value in the error', async () => {
    const keytar = fakeKeytar();
    keytar.setPassword = () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    const store = new KeytarSecretStore(() => Promise.resolve(keytar));
    const error = (await store
      .set('acme', 'visma.clientSecret', 'leaky-secret-999')
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error.message).toMatch(/not available \(Cannot autolaunch D-Bus/);
    expect(error.message).not.toContain('leaky-secret-999');
  });

  it('redacts the value even if the keychain library echoes it', async () => {
    const keytar = fakeKeytar();
    keytar.setPassword = (_s, _a, p) => Promise.reject(new Error(`write failed for ${p}`));
    const store = new KeytarSecretStore(() => Promise.resolve(keytar));
    const error = (await store
      .set('acme', 'visma.clientSecret', 'echoed-secret-123')
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/Could not store the visma.clientSecret of profile "acme"/);
    expect(error.message).not.toContain('echoed-secret-123');
  });

  it('uses service st-visma-connector and account <profileId>:<kind>', async () => {
    const keytar = fakeKeytar();
    await new KeytarSecretStore(() => Promise.resolve(keytar)).set(
      'acme',
      'servicetitan.clientSecret',
      'value-1234',
    );
    expect([...keytar.entries.keys()]).toEqual(['st-visma-connector\u0000acme:servicetitan.clientSecret']);
  });
});
