import type { RecordKind, RefusalView } from '../../../shared/contract/mapping-schemas';

/** The mapping tables the engine consults (main/engine/mapping/rules.ts), in resolver order, with their targets. */
export const MAPPING_TABLES = [
  { id: 'revenueBySku', fields: ['account'], need: 'all' },
  { id: 'revenueByGlAccount', fields: ['account'], need: 'all' },
  { id: 'revenueByBusinessUnit', fields: ['account'], need: 'all' },
  { id: 'expenseByGlAccount', fields: ['account'], need: 'all' },
  {
    id: 'vatByTaxZone',
    fields: ['salesTaxable', 'salesExempt', 'purchaseTaxable', 'purchaseExempt'],
    need: 'any',
  },
  { id: 'businessUnitDimensions', fields: ['costCenter', 'branch'], need: 'any' },
  { id: 'jobProject', fields: ['project'], need: 'all' },
  { id: 'customerTypeSegment', fields: ['segmentValue'], need: 'all' },
  { id: 'accountByVatCode', fields: ['account'], need: 'all' },
] as const;

/** One table's description. */
export type MappingTableSpec = (typeof MAPPING_TABLES)[number];
/** A table name. */
export type MappingTableId = MappingTableSpec['id'];
/** A target field of some table. */
export type MappingField = MappingTableSpec['fields'][number];

/** Longest value the engine takes for an account (other fields are free text). */
const MAX_LENGTH: Partial<Record<MappingField, number>> = { account: 30 };

/** The longest text a field accepts. */
export function maxLength(field: MappingField): number {
  return MAX_LENGTH[field] ?? 60;
}

/** The target to save from the form's values (empty fields left out), or null when the table's need is not met. */
export function targetFrom(
  spec: MappingTableSpec,
  values: Partial<Record<MappingField, string>>,
): Record<string, string> | null {
  const filled = spec.fields.flatMap((f) => {
    const v = values[f]?.trim() ?? '';
    return v ? [[f, v] as const] : [];
  });
  const ok = spec.need === 'all' ? filled.length === spec.fields.length : filled.length > 0;
  return ok ? Object.fromEntries(filled) : null;
}

/** The Visma record kind each target field names (what its picker lists and what a save is checked against). */
export const FIELD_RECORDS: Record<MappingField, RecordKind & RefusalView['what']> = {
  account: 'account',
  salesTaxable: 'vatCode',
  salesExempt: 'vatCode',
  purchaseTaxable: 'vatCode',
  purchaseExempt: 'vatCode',
  costCenter: 'costCenter',
  branch: 'branch',
  project: 'project',
  segmentValue: 'segmentValue',
};

/** The record kind a table's source key names, where the cache holds such records (others are typed). */
export const SOURCE_RECORDS: Partial<Record<MappingTableId, RecordKind>> = {
  revenueByBusinessUnit: 'stBusinessUnit',
  businessUnitDimensions: 'stBusinessUnit',
  vatByTaxZone: 'stTaxZone',
  accountByVatCode: 'vatCode',
};
