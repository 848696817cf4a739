import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { localDate } from '../../shared/dates';
import { SyncSettings } from '../../shared/sync-settings';
import { importChecked, parseMappingFile, type ImportPlan } from '../engine/mapping/import-plan';
import { exportMappings } from '../engine/mapping/rule-store';
import { loadMasterData, refreshMasterData } from '../engine/master-data/cache';
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
      .description(
        "Replace the mapping rules with those in FILE; every target is checked against Visma's master data first.",
      )
      .option('--dry-run', 'only say what the import would add, change and remove'),
  ).action(async (file: string, opts: EngineCliOptions & { dryRun?: boolean }) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(
        `The mapping file "${file}" could not be read as JSON: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    parseMappingFile(data);
    const ctx = await openEngineContext(opts);
    try {
      const ports = await ctx.connect();
      await refreshMasterData(ctx.db, ctx.config.id, ports.visma, ports.st);
      const check = {
        master: loadMasterData(ctx.db, ctx.config.id),
        settings: SyncSettings.parse(ctx.config.sync ?? {}),
        today: localDate(new Date(), ctx.config.timeZone),
      };
      const { plan, applied, rules, links } = importChecked(ctx.db, ctx.config.id, data, check, {
        actor: 'cli',
        dryRun: opts.dryRun === true,
      });
      const changed = { adds: plan.adds, changes: plan.changes, removals: plan.removals };
      if (opts.json) printJson({ rules, links, applied, ...changed, unchanged: plan.unchanged });
      else process.stdout.write(describeImport(plan, applied, rules, links));
    } finally {
      ctx.close();
    }
  });
}

/** What an import did (or would do), in plain words. */
function describeImport(plan: ImportPlan, applied: boolean, rules: number, links: number): string {
  const what = `${plan.adds.length} added, ${plan.changes.length} changed, ${plan.removals.length} removed, ${plan.unchanged} unchanged`;
  const lines = [
    applied
      ? `Imported ${rules} rules and ${links} links (${what}); blocked documents are re-checked on the next sync.`
      : `Nothing imported (dry run): ${what}.`,
    ...[...plan.adds, ...plan.changes, ...plan.removals].map(
      (c) =>
        `  ${c.before ? (c.after ? 'change' : 'remove') : 'add'} ${c.table} "${c.key}": ${JSON.stringify(c.before ?? {})} → ${JSON.stringify(c.after ?? {})}`,
    ),
  ];
  return lines.join('\n') + '\n';
}
