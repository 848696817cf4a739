import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsError, defaultSettings } from '../../../main/storage/settings';
import { appMock } from './electron-mock';

// electron-store imports `electron` at load; vitest.config inlines it so this mock applies.
vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { ElectronSettingsStore } = await import('../../../main/app/electron-settings-store');

describe('ElectronSettingsStore (electron-store with a mocked electron)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-'));
    appMock.userData = dir;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from defaults and persists changes to <dir>/settings.json with mode 0600', () => {
    const store = new ElectronSettingsStore(dir);
    expect(store.location).toBe(join(dir, 'settings.json'));
    expect(store.read()).toEqual(defaultSettings());
    store.update((s) => ({ ...s, locale: 'nb' }));
    expect(JSON.parse(readFileSync(store.location, 'utf8'))).toEqual({ ...defaultSettings(), locale: 'nb' });
    if (process.platform !== 'win32') expect(statSync(store.location).mode & 0o777).toBe(0o600);
    expect(new ElectronSettingsStore(dir).read().locale).toBe('nb');
  });

  it('upgrades a v0 file through the same pure upgrade functions', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 'nb' }));
    const store = new ElectronSettingsStore(dir);
    expect(store.read()).toEqual({ ...defaultSettings(), locale: 'nb' });
    expect(JSON.parse(readFileSync(store.location, 'utf8'))).toEqual({ ...defaultSettings(), locale: 'nb' });
  });

  it('keeps a copy of a corrupt file and starts from defaults instead of crashing', () => {
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    const store = new ElectronSettingsStore(dir, () => new Date('2026-11-25T08:30:00.000Z'));
    expect(store.read()).toEqual(defaultSettings());
    expect(store.problem).toMatch(/not valid JSON.*broken-2026-11-25T08-30-00-000Z/);
    expect(readFileSync(join(dir, 'settings.json.broken-2026-11-25T08-30-00-000Z'), 'utf8')).toBe(
      '{ not json',
    );
  });

  it('refuses invalid changes without writing', () => {
    const store = new ElectronSettingsStore(dir);
    expect(() => store.update((s) => ({ ...s, activeProfileId: 'Not Valid!' }))).toThrow(SettingsError);
    expect(store.read()).toEqual(defaultSettings());
  });
});
