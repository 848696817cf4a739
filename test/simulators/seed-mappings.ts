import type { MappingFile } from '../../main/engine/mapping/rules';

/**
 * The mapping file that glues the two seeded simulator companies together (what an accountant would set up in the
 * wizard): ServiceTitan's discount and inventory accounts, expense accounts with other numbers in Visma, and the
 * business units' cost centers, and the 15 % accounts for materials in the zone with separate labour/material rates.
 * Everything else maps by the engine's defaults.
 */
export const SEED_MAPPINGS: MappingFile = {
  format: 'st-visma-mappings',
  version: 1,
  rules: {
    revenueBySku: {},
    revenueByGlAccount: { '3080': { account: '3000' } },
    revenueByBusinessUnit: {},
    expenseByGlAccount: {
      '1460': { account: '4000' },
      '7000': { account: '7100' },
      '6800': { account: '6540' },
    },
    vatByTaxZone: {},
    businessUnitDimensions: {
      '101': { costCenter: '10' },
      '102': { costCenter: '20' },
      '103': { costCenter: '10' },
      '104': { costCenter: '20' },
      '105': { costCenter: '10' },
      '106': { costCenter: '30' },
    },
    jobProject: {},
    customerTypeSegment: {},
    customerTagSegment: {},
    accountByVatCode: { '31': { account: '3050' }, '11': { account: '4050' } },
  },
  links: { customers: {}, suppliers: {} },
};
