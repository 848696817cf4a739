/** Settings: schema, versioned upgrades, and the file-backed store. */
export { AppSettingsSchema, CURRENT_SETTINGS_VERSION, StoredProfileSchema, defaultSettings } from './schema';
export { SettingsError, upgradeSettings, upgradeV0ToV1 } from './upgrade';
export {
  brokenCopyPath,
  loadSettingsFile,
  serializeSettings,
  validateSettings,
  type LoadedSettings,
} from './settings-file';
export { JsonFileSettingsStore } from './json-file-settings-store';
