import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportMappings, importMappings } from '../engine/mapping/rule-store';
import { engineOptions, openEngineContext, printJson, type EngineCliOptions } from './engine-options';

/** `st-visma mappings export|import FILE`: the mapping tables and links as one JSON file. */
export function registerMappingsCommand(program: Command): void {
  const mappings = program
    .command('mappings')
    .description('Export or import the mapping rules and links as JSON.');
  engineOptions(
    mappings
      .command('export <file>')
      .description('Write the mapping rules and links to FILE (- for stdout).'),
  ).action(async (file: string, opts: EngineCliOptions) => {
    const ctx = await openEngineContext(opts);
    try {
      const text = JSON.stringify(exportMappings(ctx.db, ctx.config.id), null, 2) + '\n';
      if (file === '-') process.stdout.write(text);
      else writeFileSync(file, text);
      if (opts.json && file !== '-') printJson({ file });
    } finally {
      ctx.close();
    }
  });
  engineOptions(
    mappings
      .command('import <file>')
      .description('Replace the mapping rules with those in FILE (validated first).'),
  ).action(async (file: string, opts: EngineCliOptions) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(
        `The mapping file "${file}" could not be read as JSON: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    const ctx = await openEngineContext(opts);
    try {
      const counts = importMappings(ctx.db, ctx.config.id, data, 'cli');
      if (opts.json) printJson(counts);
      else
        process.stdout.write(
          `Imported ${counts.rules} rules and ${counts.links} links; blocked documents are re-checked on the next sync.\n`,
        );
    } finally {
      ctx.close();
    }
  });
}
