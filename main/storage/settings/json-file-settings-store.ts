import { logger } from '../../log/logger';
import { writeFileAtomic } from '../atomic-write';
import type { AppSettings, SettingsStore } from '../types';
import { loadSettingsFile, serializeSettings, validateSettings } from './settings-file';

/** Settings in a plain JSON file (CLI, browser host, tests): atomic writes, mode 0600, never crashes on a bad file. */
export class JsonFileSettingsStore implements SettingsStore {
  /** Set when the file was unusable at start-up and defaults were taken (a `.broken-<time>` copy was kept). */
  readonly problem: string | null;
  private current: AppSettings;

  constructor(
    readonly location: string,
    now: () => Date = () => new Date(),
  ) {
    const loaded = loadSettingsFile(location, now);
    this.current = loaded.settings;
    this.problem = loaded.problem;
    if (loaded.problem) logger.warn(loaded.problem);
    if (loaded.needsWrite) writeFileAtomic(location, serializeSettings(loaded.settings));
  }

  /** A copy of the current settings. */
  read(): AppSettings {
    return structuredClone(this.current);
  }

  /** Validates the changed settings, writes them atomically, and returns them. */
  update(change: (current: AppSettings) => AppSettings): AppSettings {
    const next = validateSettings(change(this.read()));
    writeFileAtomic(this.location, serializeSettings(next));
    this.current = next;
    return structuredClone(next);
  }
}
