import type { AuditActor } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import { checkLink, checkRule, refusalText, type CheckContext, type TargetRefusal } from './check-targets';
import { exportMappings, importMappings } from './rule-store';
import { MAPPING_TABLES, MappingFile } from './rules';

/** One rule or link an import adds, changes or removes (`before`/`after` null where it is absent). */
export interface MappingChange {
  /** The mapping table, or `links.customers` / `links.suppliers`. */
  table: string;
  key: string;
  before: Record<string, string> | null;
  after: Record<string, string> | null;
}

/** What an import would do, and what it refuses (an import with refusals changes nothing). */
export interface ImportPlan {
  adds: MappingChange[];
  changes: MappingChange[];
  /** Rules the file leaves out (an import replaces the rule tables; links it leaves out stay). */
  removals: MappingChange[];
  refusals: TargetRefusal[];
  unchanged: number;
}

/** A mapping file that is not valid, in plain words with the path of the first problem. */
export function parseMappingFile(input: unknown): MappingFile {
  const parsed = MappingFile.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The mapping file is not valid: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  return parsed.data;
}

const same = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

function diff(
  plan: ImportPlan,
  table: string,
  before: Record<string, Record<string, string>>,
  after: Record<string, Record<string, string>>,
  removes: boolean,
): void {
  for (const [key, target] of Object.entries(after)) {
    const old = before[key];
    if (!old) plan.adds.push({ table, key, before: null, after: target });
    else if (!same(old, target)) plan.changes.push({ table, key, before: old, after: target });
    else plan.unchanged++;
  }
  if (!removes) return;
  for (const [key, target] of Object.entries(before))
    if (!(key in after)) plan.removals.push({ table, key, before: target, after: null });
}

/** Compares a mapping file with the stored mappings and checks every target against Visma's master data. Pure. */
export function planImport(current: MappingFile, next: MappingFile, ctx: CheckContext): ImportPlan {
  const plan: ImportPlan = { adds: [], changes: [], removals: [], refusals: [], unchanged: 0 };
  for (const table of MAPPING_TABLES) {
    const rules = next.rules[table] as Record<string, Record<string, string>>;
    diff(plan, table, current.rules[table], rules, true);
    for (const [key, target] of Object.entries(rules))
      plan.refusals.push(...checkRule(ctx, table, key, target));
  }
  for (const [kind, side] of [
    ['customer', 'customers'],
    ['supplier', 'suppliers'],
  ] as const) {
    const wrap = (links: Record<string, string>) =>
      Object.fromEntries(Object.entries(links).map(([k, v]) => [k, { number: v }]));
    diff(plan, `links.${side}`, wrap(current.links[side]), wrap(next.links[side]), false);
    for (const [stId, number] of Object.entries(next.links[side])) {
      const refusal = checkLink(ctx, kind, stId, number);
      if (refusal) plan.refusals.push(refusal);
    }
  }
  return plan;
}

/** An import refused because targets do not exist or are inactive in Visma; nothing was changed. */
export class ImportRefusedError extends Error {
  constructor(readonly plan: ImportPlan) {
    const shown = plan.refusals.slice(0, 10).map(refusalText);
    const more = plan.refusals.length > 10 ? ` … and ${plan.refusals.length - 10} more.` : '';
    super(`The mapping file was not imported: ${shown.join(' ')}${more}`);
    this.name = 'ImportRefusedError';
  }
}

/**
 * Plans an import against the stored mappings and, unless `dryRun` or anything is refused, applies it (audited, in
 * one transaction). Throws `ImportRefusedError` when a target does not exist or is inactive in Visma.
 */
export function importChecked(
  db: Ledger,
  profileId: string,
  input: unknown,
  ctx: CheckContext,
  options: { actor: AuditActor; dryRun?: boolean },
): { plan: ImportPlan; applied: boolean; rules: number; links: number } {
  const file = parseMappingFile(input);
  const plan = planImport(exportMappings(db, profileId), file, ctx);
  if (plan.refusals.length > 0) throw new ImportRefusedError(plan);
  if (options.dryRun) return { plan, applied: false, rules: 0, links: 0 };
  const counts = importMappings(db, profileId, file, options.actor);
  return { plan, applied: true, ...counts };
}
