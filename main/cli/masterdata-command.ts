import type { Command } from 'commander';
import { decide, resolve, type ConflictChoice } from '../engine/alignment/decisions';
import { mapZone } from '../engine/alignment/map-zone';
import { alignContext, alignMasterData, type AlignmentSummary } from '../engine/alignment/run-alignment';
import { alignmentStatus, type AlignmentStatus } from '../engine/alignment/status';
import {
  engineOptions,
  openEngineContext,
  printJson,
  type EngineCliOptions,
  type EngineCliContext,
} from './engine-options';

const profileOf = (ctx: EngineCliContext) => ({
  id: ctx.config.id,
  timeZone: ctx.config.timeZone,
  sync: ctx.config.sync,
});

/** A short text report of an alignment run. */
export function describeAlignment(s: AlignmentSummary): string {
  const p = s.suppliers;
  const c = s.customers;
  return [
    `Master data aligned.`,
    `  Vendors ↔ suppliers: ${p.linked} linked, ${p.createdInVisma} created in Visma, ${p.createdInServiceTitan} created in ServiceTitan, ${p.updatedInVisma + p.updatedInServiceTitan} updated, ${p.conflicts} new conflicts, ${p.suggested} new suggestions.`,
    `  Customers: ${c.linked} linked, ${c.createdInVisma} created in Visma, ${c.updatedInVisma} updated, ${c.suggested} new suggestions.`,
    `  Tax zones: ${s.taxZones.zones} read, ${s.taxZones.driftOpen} with problems (ServiceTitan tax zones are read-only: differences are reported, not written).`,
    `  Business units: ${s.businessUnits.units} read, ${s.businessUnits.driftOpen} without a mapping.`,
    `  Waiting for review: ${s.reviewItems}${s.reviewItems ? ' — see `st-visma masterdata status`' : ''}.`,
    ...s.failures.map((f) => `  Problem: ${f}`),
    '',
  ].join('\n');
}

function describeStatus(s: AlignmentStatus): string {
  const lines = [
    `Last aligned: ${s.lastAlignedAt ?? 'never'}. Links: ${s.links.suppliers} suppliers, ${s.links.customers} customers.`,
    `Waiting: ${s.counts.conflicts} conflicts, ${s.counts.drift} drift, ${s.counts.suggestions} suggestions.`,
  ];
  for (const r of s.review) lines.push(`  [${r.ref}] ${r.text}\n      → ${r.action}`);
  return lines.join('\n') + '\n';
}

async function withContext(
  opts: EngineCliOptions,
  work: (ctx: EngineCliContext) => Promise<void> | void,
): Promise<void> {
  const ctx = await openEngineContext(opts);
  try {
    await work(ctx);
  } finally {
    ctx.close();
  }
}

const idArg = (id: string, what: string) => {
  if (!/^\d+$/.test(id)) throw new Error(`"${id}" is not a ${what} id from \`st-visma masterdata status\`.`);
  return Number(id);
};

/** `st-visma masterdata sync|status|decide|resolve|map-zone`: master-data alignment from the command line. */
export function registerMasterDataCommand(program: Command): void {
  const md = program
    .command('masterdata')
    .description(
      'Keep vendors/suppliers, customers, tax zones and business units aligned between ServiceTitan and Visma.',
    );
  engineOptions(
    md
      .command('sync')
      .description('Align master data now: link, create, update, report conflicts and drift.'),
  ).action((opts: EngineCliOptions) =>
    withContext(opts, async (ctx) => {
      const ports = await ctx.connect();
      const summary = await alignMasterData(profileOf(ctx), {
        db: ctx.db,
        ports,
        actor: 'cli',
      });
      if (opts.json) printJson(summary);
      else process.stdout.write(describeAlignment(summary));
    }),
  );
  engineOptions(
    md
      .command('status')
      .description('Show links, the tax-zone mapping and what waits for a decision (no network).'),
  ).action((opts: EngineCliOptions) =>
    withContext(opts, (ctx) => {
      const status = alignmentStatus(ctx.db, ctx.config.id);
      if (opts.json) printJson(status);
      else process.stdout.write(describeStatus(status));
    }),
  );
  engineOptions(
    md
      .command('decide <id>')
      .description('Accept or reject a suggestion (a match, a vendor to create, a business-unit mapping).')
      .option('--accept', 'accept it')
      .option('--reject', 'reject it'),
  ).action((id: string, opts: EngineCliOptions & { accept?: boolean; reject?: boolean }) =>
    withContext(opts, (ctx) => {
      if (!!opts.accept === !!opts.reject) throw new Error('Give exactly one of --accept or --reject.');
      const message = decide(ctx.db, ctx.config.id, idArg(id, 'suggestion'), !!opts.accept, 'cli');
      if (opts.json) printJson({ ok: true, message });
      else process.stdout.write(`${message}\n`);
    }),
  );
  engineOptions(
    md
      .command('resolve <id>')
      .description('Resolve a conflict: keep the ServiceTitan or Visma value, or give a new one.')
      .option('--keep <side>', 'st or visma')
      .option('--value <text>', 'a new value for both sides'),
  ).action((id: string, opts: EngineCliOptions & { keep?: string; value?: string }) =>
    withContext(opts, (ctx) => {
      let choice: ConflictChoice;
      if (opts.value !== undefined && opts.keep === undefined) choice = { value: opts.value };
      else if (opts.keep === 'st' || opts.keep === 'visma') choice = { keep: opts.keep };
      else throw new Error('Give --keep st, --keep visma, or --value TEXT.');
      const message = resolve(ctx.db, ctx.config.id, idArg(id, 'conflict'), choice, 'cli');
      if (opts.json) printJson({ ok: true, message });
      else process.stdout.write(`${message}\n`);
    }),
  );
  engineOptions(
    md
      .command('map-zone <stZoneId>')
      .description(
        'Map a ServiceTitan tax zone to a Visma VAT zone and VAT codes (accepts its current rates).',
      )
      .option('--vat-zone <id>', 'Visma VAT zone')
      .option('--sales-taxable <code>', 'VAT code for taxable sales lines')
      .option('--sales-exempt <code>', 'VAT code for non-taxable sales lines')
      .option('--purchase-taxable <code>', 'VAT code for taxable purchase lines')
      .option('--purchase-exempt <code>', 'VAT code for non-taxable purchase lines'),
  ).action(
    (
      stZoneId: string,
      opts: EngineCliOptions & {
        vatZone?: string;
        salesTaxable?: string;
        salesExempt?: string;
        purchaseTaxable?: string;
        purchaseExempt?: string;
      },
    ) =>
      withContext(opts, async (ctx) => {
        const ports = await ctx.connect();
        const counts = await mapZone(
          alignContext(profileOf(ctx), { db: ctx.db, ports, actor: 'cli' }),
          stZoneId,
          {
            vatZoneId: opts.vatZone,
            salesTaxable: opts.salesTaxable,
            salesExempt: opts.salesExempt,
            purchaseTaxable: opts.purchaseTaxable,
            purchaseExempt: opts.purchaseExempt,
          },
        );
        if (opts.json) printJson(counts);
        else
          process.stdout.write(
            `Tax zone ${stZoneId} mapped; ${counts.driftOpen} tax-zone problems remain.\n`,
          );
      }),
  );
}
