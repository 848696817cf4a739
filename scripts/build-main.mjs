// Bundles the Node side with esbuild: the Electron main process, its engine process and its sandboxed preload
// (CommonJS), and the CLI
// (ESM). Native modules and electron stay external; everything else is bundled.
// Usage: node scripts/build-main.mjs [--outdir <dir>]   (default: dist/main)
import console from 'node:console';
import process from 'node:process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Loaded at run time, never bundled: electron is provided by the runtime, the others are native addons. */
export const EXTERNAL = ['electron', 'better-sqlite3', 'keytar'];

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
  };
  const outputs = [];
  const emit = async (entry, outfile, options) => {
    await build({ ...common, entryPoints: [join(root, entry)], outfile: join(outDir, outfile), ...options });
    outputs.push(join(outDir, outfile));
  };
  // Electron 41 ships Node 24 and Chromium 146; node20 is a safe floor for both bundles.
  // `import('keytar')` becomes `require('keytar')`: the native addon loads through the CommonJS loader, which
  // knows about app.asar.unpacked.
  await emit('main/app/main.ts', 'app/main.cjs', {
    format: 'cjs',
    target: 'node20',
    supported: { 'dynamic-import': false },
  });
  // The engine process (an Electron utility process started by main): same loader rules as main.
  await emit('main/engine-process/engine-entry.ts', 'app/engine.cjs', {
    format: 'cjs',
    target: 'node20',
    supported: { 'dynamic-import': false },
  });
  // The preload runs sandboxed: only `require('electron')` is available there, so it must stay self-contained.
  await emit('main/app/preload.ts', 'app/preload.cjs', { format: 'cjs', target: ['node20', 'chrome120'] });
  if (existsSync(join(root, 'main/cli.ts'))) {
    await emit('main/cli.ts', 'cli.mjs', {
      format: 'esm',
      target: 'node20',
      // Bundled CommonJS dependencies call require() for Node built-ins; give the ESM bundle a real one.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
  }
  return outputs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf('--outdir');
  const outDir = flag > 0 ? process.argv[flag + 1] : undefined;
  const files = await buildMain(outDir);
  for (const file of files) console.log(`built ${file}`);
}
