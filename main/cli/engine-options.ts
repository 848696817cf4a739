import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ProfileConfig } from '../../shared/profile-config';
import { readJsonFile } from './json-file';
import { connectProfile, type EnginePorts } from '../engine/connect';
import { openLedger } from '../storage/ledger';
import { loadProfileConfig } from '../storage/profiles';
import { KeytarSecretStore } from '../storage/secrets';
import { JsonFileSettingsStore } from '../storage/settings';
import type { Ledger, SecretStore } from '../storage/types';

/** The options every engine command takes. */
export interface EngineCliOptions {
  config?: string;
  dataDir?: string;
  profile?: string;
  json?: boolean;
}

/** Adds `--config`, `--data-dir`, `--profile` and `--json` to a command. */
export function engineOptions(command: Command): Command {
  return command
    .option(
      '--config <file>',
      'profile config file (JSON, as `st-visma sim --json` prints); may carry the secrets',
    )
    .option('--data-dir <dir>', 'folder of the ledger and settings', '.')
    .option(
      '--profile <id>',
      'profile from the settings in --data-dir (default: the active one) when no --config is given',
    )
    .option('--json', 'print machine-readable JSON');
}

/** Reads and validates a `--config` file with a plain message on every problem. */
export function readConfigFile(file: string): ProfileConfig {
  return readJsonFile(file, ProfileConfig, 'config file', 'a valid profile');
}

/** The profile, ledger and (lazily) the API ports of a CLI invocation. */
export interface EngineCliContext {
  config: ProfileConfig;
  db: Ledger;
  dataDir: string;
  connect(): Promise<EnginePorts>;
  close(): void;
}

/** Resolves the profile (config file, or settings + keychain) and opens the ledger in the data dir. */
export async function openEngineContext(opts: EngineCliOptions): Promise<EngineCliContext> {
  const dataDir = resolve(opts.dataDir ?? '.');
  let config: ProfileConfig;
  let secrets: SecretStore | undefined;
  if (opts.config) {
    config = readConfigFile(opts.config);
  } else {
    const settings = new JsonFileSettingsStore(join(dataDir, 'settings.json'));
    const id = opts.profile ?? settings.read().activeProfileId;
    if (!id)
      throw new Error(`No profile: give --config FILE, or set one up in ${join(dataDir, 'settings.json')}.`);
    secrets = new KeytarSecretStore();
    const loaded = await loadProfileConfig(settings, secrets, id);
    if (!loaded) throw new Error(`There is no profile "${id}" in ${settings.location}.`);
    config = loaded;
  }
  const db = openLedger(join(dataDir, 'ledger.sqlite'));
  return {
    config,
    db,
    dataDir,
    connect: () => connectProfile(config, secrets),
    close: () => db.close(),
  };
}

/** Writes one JSON document to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
