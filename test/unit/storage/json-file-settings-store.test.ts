import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileSettingsStore, SettingsError, defaultSettings } from '../../../main/storage/settings';
import { loadSettingsFile } from '../../../main/storage/settings/settings-file';

const fixedNow = () => new Date('2026-11-25T08:30:00.000Z');

describe('JsonFileSettingsStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'settings-'));
    file = join(dir, 'settings.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from defaults without a file and writes nothing until a change', () => {
    const store = new JsonFileSettingsStore(file);
    // The first start's language is the system's (see below); everything else is the defaults.
    expect(store.read()).toEqual(defaultSettings(store.read().locale));
    expect(store.problem).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('starts a new install in the system language when we have it, in English otherwise', () => {
    const first = (tag: string) => loadSettingsFile(file, fixedNow, tag).settings.locale;
    expect(first('nb-NO')).toBe('nb');
    expect(first('nn-NO')).toBe('nb');
    expect(first('sv-FI')).toBe('sv');
    expect(first('da-DK')).toBe('da');
    expect(first('fi-FI')).toBe('fi');
    expect(first('de-DE')).toBe('en');
    writeFileSync(file, '{ broken');
    expect(loadSettingsFile(file, fixedNow, 'fi-FI').settings.locale).toBe('fi');
  });

  it('keeps the saved language whatever the system speaks', () => {
    writeFileSync(file, JSON.stringify({ ...defaultSettings('da') }));
    expect(loadSettingsFile(file, fixedNow, 'sv-SE').settings.locale).toBe('da');
  });

  it('writes changes atomically with mode 0600 and reads them back', () => {
    const store = new JsonFileSettingsStore(file);
    const result = store.update((s) => ({ ...s, locale: 'nb' }));
    expect(result.locale).toBe('nb');
    expect(readdirSync(dir)).toEqual(['settings.json']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new JsonFileSettingsStore(file).read().locale).toBe('nb');
  });

  it('returns copies: changing a read result does not change the store', () => {
    const store = new JsonFileSettingsStore(file);
    store.read().profiles.push({} as never);
    expect(store.read().profiles).toEqual([]);
  });

  it('refuses an invalid change with a clear message and keeps the file as it was', () => {
    const store = new JsonFileSettingsStore(file);
    store.update((s) => ({ ...s, locale: 'nb' }));
    const before = readFileSync(file, 'utf8');
    expect(() => store.update((s) => ({ ...s, locale: 'xx' as never }))).toThrow(SettingsError);
    expect(() => store.update((s) => ({ ...s, locale: 'xx' as never }))).toThrow(/cannot be saved.*locale/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.read().locale).toBe('nb');
  });

  it('upgrades a v0 file on start-up and writes the current version', () => {
    writeFileSync(file, JSON.stringify({ language: 'no', activeProfileId: null, profiles: [] }));
    const store = new JsonFileSettingsStore(file);
    expect(store.read()).toMatchObject({ version: 1, locale: 'nb' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, locale: 'nb' });
    expect(readFileSync(file, 'utf8')).not.toContain('language');
  });

  it.each([
    ['corrupt JSON', '{ "version": 1, ', /not valid JSON/],
    ['an invalid value', JSON.stringify({ version: 1, locale: 'klingon' }), /not valid.*locale/],
    ['a newer format', JSON.stringify({ version: 7 }), /newer version/],
  ])('keeps a .broken copy of %s, explains it, and starts from defaults', (_label, content, message) => {
    writeFileSync(file, content);
    const store = new JsonFileSettingsStore(file, fixedNow);
    const copy = `${file}.broken-2026-11-25T08-30-00-000Z`;
    expect(store.read()).toEqual(defaultSettings());
    expect(store.problem).toMatch(message);
    expect(store.problem).toContain(copy);
    expect(readFileSync(copy, 'utf8')).toBe(content);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(defaultSettings());
  });
});
