import { describe, expect, it } from 'vitest';
import {
  CURRENT_SETTINGS_VERSION,
  SettingsError,
  defaultSettings,
  upgradeSettings,
  upgradeV0ToV1,
} from '../../../main/storage/settings';

const storedProfile = {
  id: 'acme',
  name: 'Acme Heating',
  timeZone: 'Europe/Oslo',
  servicetitan: {
    environment: 'integration',
    authUrl: 'https://auth-integration.servicetitan.io/connect/token',
    apiBaseUrl: 'https://api-integration.servicetitan.io',
    tenantId: '12345',
    clientId: 'cid.acme',
  },
  visma: {
    environment: 'sandbox',
    tokenUrl: 'https://connect.visma.com/connect/token',
    apiBaseUrl: 'https://api.finance.visma.net',
    tenantId: 'vt-1',
    companyId: '1234567',
    clientId: 'isv_acme',
  },
};

describe('upgradeSettings', () => {
  it('upgrades a v0 file (no version, `language` instead of `locale`) to the current version', () => {
    const v0 = { language: 'nb-NO', activeProfileId: 'acme', profiles: [storedProfile] };
    const upgraded = upgradeSettings(v0);
    expect(upgraded).toEqual({
      version: CURRENT_SETTINGS_VERSION,
      locale: 'nb',
      activeProfileId: 'acme',
      profiles: [storedProfile],
    });
  });

  it.each([
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['NB', 'nb'],
    ['en-GB', 'en'],
    ['sv', 'sv'],
    ['sv-FI', 'sv'],
    ['da-DK', 'da'],
    ['FI', 'fi'],
    ['de-DE', 'en'],
    [42, 'en'],
    [undefined, 'en'],
  ])('maps v0 language %j to locale %s', (language, locale) => {
    expect(upgradeV0ToV1({ language }).locale).toBe(locale);
  });

  it('is pure: the input object is not changed', () => {
    const v0 = Object.freeze({ language: 'no', profiles: Object.freeze([]) });
    const copy = JSON.parse(JSON.stringify(v0)) as unknown;
    upgradeSettings(v0);
    expect(v0).toEqual(copy);
  });

  it('accepts current settings as they are and fills defaults', () => {
    expect(upgradeSettings({ version: 1 })).toEqual(defaultSettings());
    expect(upgradeSettings({ version: 1, locale: 'en', activeProfileId: null, profiles: [] })).toEqual(
      defaultSettings(),
    );
  });

  it('drops secret fields typed into the file by hand', () => {
    const withSecret = {
      ...storedProfile,
      servicetitan: { ...storedProfile.servicetitan, clientSecret: 'typed-in', appKey: 'typed-in' },
      visma: { ...storedProfile.visma, clientSecret: 'typed-in' },
      webhook: { enabled: false, hmacKey: 'x'.repeat(32) },
    };
    const upgraded = upgradeSettings({ version: 1, profiles: [withSecret] });
    expect(JSON.stringify(upgraded)).not.toContain('typed-in');
    expect(JSON.stringify(upgraded)).not.toContain('hmacKey');
  });

  it('clears an active profile id that names no profile', () => {
    expect(upgradeSettings({ version: 1, activeProfileId: 'gone', profiles: [] }).activeProfileId).toBeNull();
  });

  it.each([
    [null, 'not_an_object', /does not contain a settings object/],
    [[], 'not_an_object', /does not contain a settings object/],
    [{ version: 99 }, 'too_new', /newer version of the app \(format 99/],
    [{ version: 'one' }, 'invalid', /invalid version/],
    [{ version: 1, locale: 'de' }, 'invalid', /locale/],
    [{ version: 1, profiles: [storedProfile, storedProfile] }, 'invalid', /used twice/],
  ])('refuses %j with reason %s and a clear message', (raw, reason, message) => {
    expect(() => upgradeSettings(raw)).toThrow(SettingsError);
    expect(() => upgradeSettings(raw)).toThrow(message);
    try {
      upgradeSettings(raw);
    } catch (err) {
      expect((err as SettingsError).reason).toBe(reason);
    }
  });
});
