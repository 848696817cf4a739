#!/usr/bin/env node
// The `st-visma` command. In a source checkout it runs the TypeScript directly (through tsx);
// in a packaged build it runs the bundled dist/main/cli.mjs.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'main', 'cli.ts');
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'main', 'cli.mjs')).href);
}
