import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ProfileError,
  loadProfileConfig,
  removeProfile,
  stripSecrets,
  upsertProfile,
} from '../../../main/storage/profiles';
import { MemorySecretStore } from '../../../main/storage/secrets';
import { JsonFileSettingsStore } from '../../../main/storage/settings';
import { fullProfile } from './fixtures';

describe('profiles', () => {
  let dir: string;
  let settings: JsonFileSettingsStore;
  let secrets: MemorySecretStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    settings = new JsonFileSettingsStore(join(dir, 'settings.json'));
    secrets = new MemorySecretStore();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('splits a profile: secrets to the keychain, the rest to settings, and joins them back', async () => {
    const profile = fullProfile();
    await upsertProfile(settings, profile, secrets);
    const file = readFileSync(settings.location, 'utf8');
    for (const secret of ['st-client-secret', 'st-app-key', 'visma-client-secret', 'webhook-hmac-key']) {
      expect(file).not.toContain(secret);
    }
    expect(await secrets.status('acme')).toEqual({
      'servicetitan.clientSecret': true,
      'servicetitan.appKey': true,
      'visma.clientSecret': true,
      'webhook.hmacKey': true,
    });
    expect(settings.read().activeProfileId).toBe('acme');
    expect(await loadProfileConfig(settings, secrets, 'acme')).toEqual(profile);
  });

  it('replaces a profile by id and keeps stored secrets that the new config leaves out', async () => {
    await upsertProfile(settings, fullProfile(), secrets);
    const renamed = fullProfile();
    renamed.name = 'Acme Plumbing';
    delete renamed.servicetitan.clientSecret;
    await upsertProfile(settings, renamed, secrets);
    expect(settings.read().profiles).toHaveLength(1);
    const loaded = await loadProfileConfig(settings, secrets, 'acme');
    expect(loaded?.name).toBe('Acme Plumbing');
    expect(loaded?.servicetitan.clientSecret).toBe('st-client-secret-acme-0001');
  });

  it('loads a profile without secrets as a config with the secret fields absent', async () => {
    const bare = fullProfile('bare');
    delete bare.servicetitan.clientSecret;
    delete bare.servicetitan.appKey;
    delete bare.visma.clientSecret;
    delete bare.webhook;
    await upsertProfile(settings, bare, secrets);
    const loaded = await loadProfileConfig(settings, secrets, 'bare');
    expect(loaded).toEqual(bare);
    expect(loaded && 'clientSecret' in loaded.visma).toBe(false);
  });

  it('returns null for an unknown profile', async () => {
    expect(await loadProfileConfig(settings, secrets, 'nobody')).toBeNull();
  });

  it('refuses an invalid profile with a message that does not echo secrets, writing nothing', async () => {
    const bad = fullProfile();
    bad.servicetitan.tenantId = 'not-a-number';
    const attempt = upsertProfile(settings, bad, secrets);
    await expect(attempt).rejects.toThrow(ProfileError);
    await expect(upsertProfile(settings, bad, secrets)).rejects.toThrow(/tenant id is a number/);
    expect(settings.read().profiles).toEqual([]);
    expect((await secrets.status('acme'))['visma.clientSecret']).toBe(false);
  });

  it('removes a profile with its secrets and moves the active profile on', async () => {
    await upsertProfile(settings, fullProfile('one'), secrets);
    await upsertProfile(settings, fullProfile('two'), secrets);
    expect(await removeProfile(settings, secrets, 'one')).toBe(true);
    expect(settings.read()).toMatchObject({ activeProfileId: 'two', profiles: [{ id: 'two' }] });
    expect(Object.values(await secrets.status('one'))).toEqual([false, false, false, false]);
    expect(await removeProfile(settings, secrets, 'one')).toBe(false);
  });

  it('stripSecrets keeps every non-secret field', () => {
    const stored = stripSecrets(fullProfile());
    expect(stored.servicetitan).not.toHaveProperty('clientSecret');
    expect(stored.webhook).toEqual({
      enabled: false,
      port: 0,
      signatureHeader: 'x-servicetitan-signature',
      signatureEncoding: 'hex',
    });
    expect(stored.visma.companyId).toBe('1234567');
  });
});
