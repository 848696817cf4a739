import { z } from 'zod';

const Key = z.string().trim().min(1).max(100);
const AccountTarget = z.object({ account: z.string().trim().min(1).max(30) }).strict();
const VatTarget = z
  .object({
    salesTaxable: z.string().min(1).optional(),
    salesExempt: z.string().min(1).optional(),
    purchaseTaxable: z.string().min(1).optional(),
    purchaseExempt: z.string().min(1).optional(),
  })
  .strict();
const DimensionTarget = z
  .object({ costCenter: z.string().min(1).optional(), branch: z.string().min(1).optional() })
  .strict();

/**
 * The mapping tables, in the order the resolver consults them. Keys are ServiceTitan ids or numbers
 * (`vatByTaxZone` also takes `*` for documents without a zone).
 */
export const MappingRules = z
  .object({
    /** SKU id → revenue account. */
    revenueBySku: z.record(Key, AccountTarget).default({}),
    /** ServiceTitan GL account number on the item → revenue account. */
    revenueByGlAccount: z.record(Key, AccountTarget).default({}),
    /** Business unit id → revenue account. */
    revenueByBusinessUnit: z.record(Key, AccountTarget).default({}),
    /** ServiceTitan GL account number on a bill line → expense/inventory account. */
    expenseByGlAccount: z.record(Key, AccountTarget).default({}),
    /** Tax zone id → VAT codes for taxable and non-taxable lines, sales and purchases. */
    vatByTaxZone: z.record(Key, VatTarget).default({}),
    /** Business unit id → cost-center segment value and branch number. */
    businessUnitDimensions: z.record(Key, DimensionTarget).default({}),
    /** Job id → Visma project id. */
    jobProject: z.record(Key, z.object({ project: z.string().min(1) }).strict()).default({}),
    /** Customer type (Residential/Commercial) → segment value. */
    customerTypeSegment: z.record(Key, z.object({ segmentValue: z.string().min(1) }).strict()).default({}),
    /**
     * Customer tag type id → value of the same segment (`customerTypeSegmentId`). A customer with a mapped tag gets
     * the tag's value instead of its type's; with several mapped tags, the lowest tag type id wins.
     */
    customerTagSegment: z.record(Key, z.object({ segmentValue: z.string().min(1) }).strict()).default({}),
    /**
     * VAT code → account to use instead when the line's account does not allow that code (for example materials
     * taxed at 15 % in a zone with separate rates go to the 15 % sales account).
     */
    accountByVatCode: z.record(Key, AccountTarget).default({}),
  })
  .strict();
/** All mapping tables. */
export type MappingRules = z.infer<typeof MappingRules>;
/** The name of one mapping table. */
export type MappingTable = keyof MappingRules;

/** Every table name, in resolver order. */
export const MAPPING_TABLES = Object.keys(MappingRules.shape) as MappingTable[];

/** The file `mappings export` writes and `mappings import` reads. */
export const MappingFile = z
  .object({
    format: z.literal('st-visma-mappings'),
    version: z.literal(1),
    rules: MappingRules,
    links: z
      .object({
        customers: z.record(Key, z.string().min(1)).default({}),
        suppliers: z.record(Key, z.string().min(1)).default({}),
      })
      .default({ customers: {}, suppliers: {} }),
  })
  .strict();
/** A parsed mapping file. */
export type MappingFile = z.infer<typeof MappingFile>;

/** Empty tables. */
export function emptyRules(): MappingRules {
  return MappingRules.parse({});
}
