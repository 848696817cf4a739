import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { logger } from '../log/logger';
import { writeFileAtomic } from '../storage/atomic-write';
import { loadSettingsFile, serializeSettings, validateSettings } from '../storage/settings';
import type { AppSettings, SettingsStore } from '../storage/types';

const FILE_NAME = 'settings';

/**
 * Settings through electron-store (`<userData>/settings.json`, mode 0600, atomic writes), with the same schema,
 * upgrades and broken-file recovery as `JsonFileSettingsStore`. The file is checked before electron-store opens
 * it, so a corrupt file is kept as `.broken-<time>` instead of crashing the constructor.
 */
export class ElectronSettingsStore implements SettingsStore {
  /** Set when the file was unusable at start-up and defaults were taken. */
  readonly problem: string | null;
  readonly location: string;
  private readonly store: ElectronStore<AppSettings>;
  private current: AppSettings;

  constructor(directory: string, now: () => Date = () => new Date()) {
    this.location = join(directory, `${FILE_NAME}.json`);
    const loaded = loadSettingsFile(this.location, now);
    if (loaded.problem) {
      logger.warn(loaded.problem);
      writeFileAtomic(this.location, serializeSettings(loaded.settings));
    }
    this.store = new ElectronStore<AppSettings>({
      name: FILE_NAME,
      cwd: directory,
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
    });
    this.problem = loaded.problem;
    this.current = loaded.settings;
    if (loaded.needsWrite && !loaded.problem) this.store.store = loaded.settings;
  }

  /** A copy of the current settings. */
  read(): AppSettings {
    return structuredClone(this.current);
  }

  /** Validates the changed settings, writes them through electron-store, and returns them. */
  update(change: (current: AppSettings) => AppSettings): AppSettings {
    const next = validateSettings(change(this.read()));
    this.store.store = next;
    this.current = next;
    return structuredClone(next);
  }
}
