import type { SyncSettings } from '../../../shared/sync-settings';
import type { MasterData, VSegment } from '../master-data/types';
import { costCenterSegment } from './defaults';
import type { LinkKind } from './rule-store';
import type { MappingTable } from './rules';

/** The kind of Visma record a mapping target names. */
export type TargetKind =
  'account' | 'vatCode' | 'costCenter' | 'branch' | 'project' | 'segmentValue' | 'customer' | 'supplier';

/** Why a target was refused: Visma has no such record, it is inactive, or (VAT codes) no longer valid. */
export type RefusalCode = 'missing' | 'inactive' | 'expired';

/** One target a rule or link names that Visma cannot take, with the record's name when Visma has it. */
export interface TargetRefusal {
  /** The mapping table, or `links.customers` / `links.suppliers`. */
  table: string;
  key: string;
  field: string;
  what: TargetKind;
  value: string;
  code: RefusalCode;
  name?: string | undefined;
}

/** What checking needs besides the targets: the cached master data, the segment settings and today (`yyyy-MM-dd`). */
export interface CheckContext {
  master: MasterData;
  settings: Pick<SyncSettings, 'costCenterSegmentId' | 'customerTypeSegmentId'>;
  today: string;
}

const VAT_FIELDS = new Set(['salesTaxable', 'salesExempt', 'purchaseTaxable', 'purchaseExempt']);

/** Which kind of record a target field of a table names. */
export function targetKindOf(table: string, field: string): TargetKind | undefined {
  if (field === 'account') return 'account';
  if (VAT_FIELDS.has(field)) return 'vatCode';
  if (field === 'costCenter') return 'costCenter';
  if (field === 'branch') return 'branch';
  if (field === 'project') return 'project';
  if (field === 'segmentValue') return 'segmentValue';
  return table === 'links.customers' ? 'customer' : table === 'links.suppliers' ? 'supplier' : undefined;
}

function segmentCheck(
  segment: VSegment | undefined,
  value: string,
): { code: RefusalCode; name?: string } | undefined {
  if (!segment) return undefined;
  const found = segment.values.find((v) => v.valueId === value);
  if (!found) return { code: 'missing' };
  return found.active ? undefined : { code: 'inactive', name: found.description };
}

/** Checks one value against the master data; undefined when Visma takes it. */
export function checkValue(
  ctx: CheckContext,
  what: TargetKind,
  value: string,
): { code: RefusalCode; name?: string } | undefined {
  const { master } = ctx;
  const party = (p: { name: string; active: boolean } | undefined) =>
    !p ? { code: 'missing' as const } : p.active ? undefined : { code: 'inactive' as const, name: p.name };
  switch (what) {
    case 'account': {
      const a = master.accounts.get(value);
      if (!a) return { code: 'missing' };
      return a.active ? undefined : { code: 'inactive', name: a.description };
    }
    case 'vatCode': {
      const c = master.vatCodes.get(value);
      if (!c) return { code: 'missing' };
      const end = c.notValidAfter?.slice(0, 10);
      return end && end < ctx.today ? { code: 'expired', name: c.description } : undefined;
    }
    case 'costCenter':
      return segmentCheck(costCenterSegment(master.segments, ctx.settings.costCenterSegmentId), value);
    case 'segmentValue': {
      const id = ctx.settings.customerTypeSegmentId;
      return segmentCheck(id === null ? undefined : master.segments.find((s) => s.segmentId === id), value);
    }
    case 'branch':
      return master.branches.has(value) ? undefined : { code: 'missing' };
    case 'project': {
      const p = master.projects.get(value);
      if (!p) return { code: 'missing' };
      return p.active ? undefined : { code: 'inactive', name: p.description };
    }
    case 'customer':
      return party(master.customers.get(value));
    case 'supplier':
      return party(master.suppliers.get(value));
  }
}

/** The targets of one rule Visma cannot take (empty when every one exists and is active). */
export function checkRule(
  ctx: CheckContext,
  table: MappingTable,
  key: string,
  target: Record<string, string>,
): TargetRefusal[] {
  const out: TargetRefusal[] = [];
  for (const [field, value] of Object.entries(target)) {
    const what = targetKindOf(table, field);
    const problem = what && checkValue(ctx, what, value);
    if (what && problem) out.push({ table, key, field, what, value, ...problem });
  }
  return out;
}

/** The refusal of a link to a Visma customer or supplier that does not exist or is inactive, if any. */
export function checkLink(
  ctx: CheckContext,
  kind: LinkKind,
  stId: string,
  vismaKey: string,
): TargetRefusal | undefined {
  const problem = checkValue(ctx, kind, vismaKey);
  return problem
    ? {
        table: kind === 'customer' ? 'links.customers' : 'links.suppliers',
        key: stId,
        field: 'number',
        what: kind,
        value: vismaKey,
        ...problem,
      }
    : undefined;
}

const WORDS: Record<TargetKind, string> = {
  account: 'account',
  vatCode: 'VAT code',
  costCenter: 'cost centre',
  branch: 'branch',
  project: 'project',
  segmentValue: 'segment value',
  customer: 'customer',
  supplier: 'supplier',
};

/** A refusal in plain English, naming the record (the CLI's and the handlers' message). */
export function refusalText(r: TargetRefusal): string {
  const what = WORDS[r.what];
  const named = r.name ? ` "${r.name}"` : '';
  const where = r.table.startsWith('links.')
    ? `the link of ServiceTitan ${r.what === 'customer' ? 'customer' : 'vendor'} ${r.key}`
    : `the rule ${r.table} "${r.key}"`;
  if (r.code === 'missing') return `Visma has no ${what} ${r.value} (${where}).`;
  if (r.code === 'expired') return `Visma ${what} ${r.value}${named} is no longer valid (${where}).`;
  return `Visma ${what} ${r.value}${named} is inactive (${where}).`;
}
