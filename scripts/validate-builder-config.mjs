// Validates an electron-builder config file offline with electron-builder's own loader and schema
// (app-builder-lib's internal `getConfig` + `validateConfiguration`, the same code `electron-builder` runs first).
// Those are internal paths, so the tested version is checked; keep electron-builder pinned.
// Usage: node scripts/validate-builder-config.mjs [config.yml]   → exit 0 valid, 1 invalid, 2 cannot check
import console from 'node:console';
import process from 'node:process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TESTED_MAJOR_MINOR = '26.17';
const require = createRequire(import.meta.url);

function loadValidator() {
  const version = require('app-builder-lib/package.json').version;
  if (!version.startsWith(`${TESTED_MAJOR_MINOR}.`)) {
    throw new Error(
      `app-builder-lib ${version} is installed; this check was written against ${TESTED_MAJOR_MINOR}.x. ` +
        'Check that out/util/config/config still exports getConfig and validateConfiguration, then update TESTED_MAJOR_MINOR.',
    );
  }
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util/out/DebugLogger');
  return { version, getConfig, validateConfiguration, DebugLogger };
}

/** Loads `configFile` the way electron-builder does (relative to its folder) and validates it against the schema. */
export async function validateBuilderConfig(configFile) {
  const { version, getConfig, validateConfiguration, DebugLogger } = loadValidator();
  const file = resolve(configFile);
  const config = await getConfig(dirname(file), file, null);
  await validateConfiguration(config, new DebugLogger(false));
  return { file, version, config };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const target = process.argv[2] ?? 'electron-builder.yml';
  let validator;
  try {
    validator = loadValidator();
  } catch (err) {
    console.error(`CANNOT CHECK: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
  try {
    const { file } = await validateBuilderConfig(target);
    console.log(`OK: ${file} is valid for app-builder-lib ${validator.version}`);
  } catch (err) {
    console.error(`INVALID: ${target}\n${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
