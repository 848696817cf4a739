import { z } from 'zod';

/** The connector's own ServiceTitan external-data application GUID (the Visma keys it stores on vendors live under it). */
export const CONNECTOR_APPLICATION_GUID = '5b2f8e1c-3d47-4a9e-9c61-7e0a4d2f9b38';

/**
 * How master data is kept aligned between ServiceTitan and Visma. Vendor → supplier creation follows the sync
 * setting `createSuppliers`; everything else is here.
 */
export const MasterDataSettings = z.object({
  /** Run master-data alignment before each sync. */
  enabled: z.boolean().default(true),
  /** An unlinked Visma supplier: create the ServiceTitan vendor, ask first (a suggestion waits), or leave it. */
  suppliersToServiceTitan: z.enum(['create', 'ask', 'off']).default('ask'),
  /** Vendor and supplier fields flow both ways (conflicts go to the review queue). */
  updateSuppliers: z.boolean().default(true),
  /** Name and address changes of ServiceTitan customers flow to linked Visma customers. */
  updateCustomers: z.boolean().default(true),
  /** Link ServiceTitan customers to Visma customers by name and address. */
  matchCustomers: z.boolean().default(true),
  /** Visma customer class per ServiceTitan customer type (Residential, Commercial). */
  customerClassByType: z.record(z.string(), z.string().min(1)).default({}),
  /** The external-data application GUID the connector writes under in ServiceTitan. */
  applicationGuid: z.uuid().default(CONNECTOR_APPLICATION_GUID),
  /** Smallest confidence (0–1) at which a fuzzy match is suggested; exact pairs link automatically. */
  suggestThreshold: z.number().min(0.3).max(0.99).default(0.6),
});
/** Master-data settings after defaults. */
export type MasterDataSettings = z.infer<typeof MasterDataSettings>;
