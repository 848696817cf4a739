// Bundles the Node side with esbuild: the Electron main process, its engine process, the engine's sync worker and
// its sandboxed preload (CommonJS), the CLI (ESM), and the demo simulators (CommonJS, loaded only by `demo`/`sim`).
// Native modules and electron stay external; everything else is bundled.
// Usage: node scripts/build-main.mjs [--outdir <dir>]   (default: dist/main)
import console from 'node:console';
import process from 'node:process';
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Loaded at run time, never bundled: electron is provided by the runtime, the others are native addons. */
export const EXTERNAL = ['electron', 'better-sqlite3', 'keytar'];

/**
 * Build-time constants of the production bundles (declared in main/build-constants.d.ts). Under tsx and vitest
 * they are undefined, which means "running from source". `minifySyntax` drops the code they switch off, so the
 * crash hook's environment variable is not even named in the bundles.
 */
export const PRODUCTION_DEFINE = { __TEST_HOOKS__: 'false' };

/** Where the demo simulators go, relative to `outDir`; their OpenAPI specs go to `demo/specs/`. */
export const DEMO_SIMULATORS = 'demo/simulators/index.cjs';

/** CommonJS has no import.meta: give the bundled code its own file URL, as ESM would. */
const importMetaUrlForCjs = {
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: { js: 'const __bundleFileUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/** Builds every Node-side bundle into `outDir`; returns the files written. */
export async function buildMain(outDir = join(root, 'dist', 'main')) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    external: EXTERNAL,
    minifySyntax: true,
    // The maps give file and line for stack traces; without the sources they carry no dead code either.
    sourcesContent: false,
  };
  const outputs = [];
  const emit = async (entry, outfile, options) => {
    const define = { ...PRODUCTION_DEFINE, ...options.define };
    await build({
      ...common,
      entryPoints: [join(root, entry)],
      outfile: join(outDir, outfile),
      ...options,
      define,
    });
    outputs.push(join(outDir, outfile));
  };
  // Electron 41 ships Node 24 and Chromium 146; node20 is a safe floor for both bundles.
  // `import('keytar')` becomes `require('keytar')`: the native addon loads through the CommonJS loader, which
  // knows about app.asar.unpacked.
  await emit('main/app/main.ts', 'app/main.cjs', {
    format: 'cjs',
    target: 'node20',
    supported: { 'dynamic-import': false },
    ...importMetaUrlForCjs,
    define: { ...importMetaUrlForCjs.define, __DEMO_SIMULATORS__: JSON.stringify(`../${DEMO_SIMULATORS}`) },
  });
  // The engine process (an Electron utility process started by main): same loader rules as main. Its syncs run in
  // a worker thread whose script is the bundle beside it.
  await emit('main/engine-process/engine-entry.ts', 'app/engine.cjs', {
    format: 'cjs',
    target: 'node20',
    supported: { 'dynamic-import': false },
    ...importMetaUrlForCjs,
    define: {
      ...importMetaUrlForCjs.define,
      __DEMO_SIMULATORS__: JSON.stringify(`../${DEMO_SIMULATORS}`),
      __SYNC_WORKER__: JSON.stringify('./sync-worker.cjs'),
    },
  });
  await emit('main/engine-process/sync-worker-entry.ts', 'app/sync-worker.cjs', {
    format: 'cjs',
    target: 'node20',
    supported: { 'dynamic-import': false },
    ...importMetaUrlForCjs,
  });
  // The preload runs sandboxed: only `require('electron')` is available there, so it must stay self-contained.
  await emit('main/app/preload.ts', 'app/preload.cjs', { format: 'cjs', target: ['node20', 'chrome120'] });
  if (existsSync(join(root, 'main/cli.ts'))) {
    await emit('main/cli.ts', 'cli.mjs', {
      format: 'esm',
      target: 'node20',
      define: { __DEMO_SIMULATORS__: JSON.stringify(`./${DEMO_SIMULATORS}`) },
      // Bundled CommonJS dependencies call require() for Node built-ins; give the ESM bundle a real one.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
  }
  await buildDemoSimulators(emit, outDir);
  return outputs;
}

/**
 * The simulators for the packaged demo: one CommonJS bundle (both the CJS app and the ESM CLI can require it) and
 * the official specs they validate against. `demo/simulators/` sits next to `demo/specs/` as `test/simulators/<sim>/`
 * sits next to `test/simulators/specs/`, so the simulators find their specs by their own default paths.
 */
async function buildDemoSimulators(emit, outDir) {
  const entry = 'test/simulators/demo-entry.ts';
  if (!existsSync(join(root, entry))) return;
  await emit(entry, DEMO_SIMULATORS, { format: 'cjs', target: 'node20', ...importMetaUrlForCjs });
  for (const dir of ['servicetitan', 'servicetitan-webhooks', 'visma']) {
    cpSync(join(root, 'test/simulators/specs', dir), join(outDir, 'demo/specs', dir), { recursive: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf('--outdir');
  const outDir = flag > 0 ? process.argv[flag + 1] : undefined;
  const files = await buildMain(outDir);
  for (const file of files) console.log(`built ${file}`);
}
