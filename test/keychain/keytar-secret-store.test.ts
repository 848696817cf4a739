import { afterAll, describe, expect, it } from 'vitest';
import { SECRET_SERVICE, KeytarSecretStore, loadSystemKeytar } from '../../main/storage/secrets';

// Runs under `npm run test:keychain`: a private D-Bus session with an unlocked gnome-keyring (a real Secret Service).
describe('KeytarSecretStore against the real Secret Service', () => {
  const store = new KeytarSecretStore();
  const profileId = `kc-${process.pid}`;

  afterAll(async () => {
    for (const kind of [
      'servicetitan.clientSecret',
      'servicetitan.appKey',
      'visma.clientSecret',
      'webhook.hmacKey',
    ] as const) {
      await store.delete(profileId, kind);
    }
  });

  it('sets, reads, rotates and deletes a secret', async () => {
    expect(await store.get(profileId, 'visma.clientSecret')).toBeNull();
    await store.set(profileId, 'visma.clientSecret', 'kc-first-Ωvalue-0001');
    expect(await store.get(profileId, 'visma.clientSecret')).toBe('kc-first-Ωvalue-0001');

    await store.rotate(profileId, 'visma.clientSecret', 'kc-rotated-value-0002');
    expect(await store.get(profileId, 'visma.clientSecret')).toBe('kc-rotated-value-0002');

    expect(await store.delete(profileId, 'visma.clientSecret')).toBe(true);
    expect(await store.get(profileId, 'visma.clientSecret')).toBeNull();
    expect(await store.delete(profileId, 'visma.clientSecret')).toBe(false);
  });

  it('stores one entry per profile and kind under the app service', async () => {
    await store.set(profileId, 'servicetitan.appKey', 'kc-app-key-0003');
    await store.set(`${profileId}-b`, 'servicetitan.appKey', 'kc-app-key-other');
    const keytar = await loadSystemKeytar();
    const accounts = (await keytar.findCredentials(SECRET_SERVICE)).map((c) => c.account);
    expect(accounts).toEqual(
      expect.arrayContaining([`${profileId}:servicetitan.appKey`, `${profileId}-b:servicetitan.appKey`]),
    );
    expect(await store.status(profileId)).toEqual({
      'servicetitan.clientSecret': false,
      'servicetitan.appKey': true,
      'visma.clientSecret': false,
      'webhook.hmacKey': false,
    });
    await store.delete(`${profileId}-b`, 'servicetitan.appKey');
  });

  it('refuses to rotate a secret that was never set', async () => {
    await expect(
      store.rotate(profileId, 'webhook.hmacKey', 'kc-never-set-0004-0123456789abcdef'),
    ).rejects.toMatchObject({
      reason: 'not_found',
    });
    expect(await store.get(profileId, 'webhook.hmacKey')).toBeNull();
  });
});
