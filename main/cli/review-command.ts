import type { Command } from 'commander';
import { masterDataReviewItems } from '../engine/alignment/review-items';
import { approveHolding, ignore, listReview, replay } from '../engine/review';
import { runSync } from '../engine/run-sync';
import { engineOptions, openEngineContext, printJson, type EngineCliOptions } from './engine-options';
import { intOption } from './options';

/** `st-visma review`, `replay`, `approve` and `ignore`: the review queue from the command line. */
export function registerReviewCommands(program: Command): void {
  engineOptions(
    program
      .command('review')
      .description('List the review queue: blocked, failed, held and flagged documents.'),
  ).action(async (opts: EngineCliOptions) => {
    const ctx = await openEngineContext(opts);
    try {
      const items = listReview(ctx.db, ctx.config.id);
      // `--json` stays the list of documents (a public shape); master-data items have `masterdata status --json`.
      if (opts.json) return printJson(items);
      const masterData = masterDataReviewItems(ctx.db, ctx.config.id);
      if (items.length === 0 && masterData.length === 0)
        return void process.stdout.write('The review queue is empty.\n');
      for (const i of items) {
        process.stdout.write(
          `#${i.id}  ${i.sourceType === 'invoice' ? 'Invoice' : 'Bill'} ${i.sourceNumber}  [${i.reason}]  ${i.text}\n`,
        );
      }
      for (const m of masterData) process.stdout.write(`${m.ref}  [${m.type}]  ${m.text}  → ${m.action}\n`);
    } finally {
      ctx.close();
    }
  });

  engineOptions(
    program
      .command('replay [id]')
      .description(
        'Re-resolve a document (or all with --all) with the current mappings, show what would post, then post it.',
      )
      .option('--all', 'replay every document in the review queue')
      .option('--dry-run', 'only show what would be posted'),
  ).action(async (id: string | undefined, opts: EngineCliOptions & { all?: boolean; dryRun?: boolean }) => {
    if (!opts.all && !id) throw new Error('Give a document id (from `st-visma review`) or --all.');
    if (id !== undefined && !/^\d+$/.test(id))
      throw new Error(`"${id}" is not a document id from \`st-visma review\`.`);
    const ctx = await openEngineContext(opts);
    try {
      const ports = opts.dryRun ? undefined : await ctx.connect();
      const profile = ctx.config;
      const target = opts.all ? ({ all: true } as const) : { id: Number(id) };
      const previews = await replay(profile, { db: ctx.db, ...(ports && { visma: ports.visma }) }, target, {
        apply: !opts.dryRun,
      });
      const summary = ports
        ? await runSync(
            profile,
            { db: ctx.db, ...ports },
            { trigger: 'replay', lock: { holder: 'st-visma replay' } },
          )
        : undefined;
      if (opts.json) return printJson({ previews, summary });
      for (const p of previews) {
        process.stdout.write(`#${p.id} ${p.sourceNumber}: ${p.outcome} — ${p.text}\n`);
        if (p.planned) process.stdout.write(JSON.stringify(p.planned, null, 2) + '\n');
      }
      if (summary)
        process.stdout.write(
          `Posted ${summary.documents.invoices.posted + summary.documents.bills.posted}; review queue now ${summary.reviewQueue}.\n`,
        );
    } finally {
      ctx.close();
    }
  });

  engineOptions(
    program
      .command('approve <id>')
      .description('Approve a holding-account document: take it off hold and release it.'),
  ).action(async (id: string, opts: EngineCliOptions) => {
    const ctx = await openEngineContext(opts);
    try {
      const ports = await ctx.connect();
      await approveHolding(ctx.config, { db: ctx.db, visma: ports.visma }, intOption(id));
      if (opts.json) printJson({ approved: Number(id) });
      else process.stdout.write(`Document #${id} approved and released.\n`);
    } finally {
      ctx.close();
    }
  });

  engineOptions(
    program
      .command('ignore <id>')
      .description('Ignore a document in the review queue (audited).')
      .requiredOption('--reason <text>', 'why it is ignored'),
  ).action(async (id: string, opts: EngineCliOptions & { reason: string }) => {
    const ctx = await openEngineContext(opts);
    try {
      ignore(ctx.config, { db: ctx.db, actor: 'cli' }, intOption(id), opts.reason);
      if (opts.json) printJson({ ignored: Number(id) });
      else process.stdout.write(`Document #${id} ignored.\n`);
    } finally {
      ctx.close();
    }
  });
}
