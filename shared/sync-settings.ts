import { z } from 'zod';
import { MasterDataSettings } from './master-data-settings';

const AccountCd = z.string().trim().min(1).max(30);

/**
 * A profile's sync behaviour. Every field has a default, and unknown keys from older files are dropped, so any
 * earlier free-form `sync` block still loads.
 */
export const SyncSettings = z.object({
  /** ServiceTitan invoice statuses (`syncStatus`) that are posted. */
  eligibleInvoiceStatuses: z
    .array(z.enum(['Pending', 'Posted', 'Exported']))
    .min(1)
    .default(['Posted']),
  /** ServiceTitan bill sync statuses that are posted. */
  eligibleBillSyncStatuses: z
    .array(z.enum(['Pending', 'Posted', 'Exported', 'PostedAndExported']))
    .min(1)
    .default(['Posted']),
  /** Bill statuses that are never posted. */
  excludedBillStatuses: z.array(z.string()).default(['Canceled']),
  /** Read invoices changed on or after this date on the first run (`yyyy-MM-dd`); all when absent. */
  startDate: z.iso.date().optional(),
  /** Create a Visma customer when a ServiceTitan customer has no link. */
  createCustomers: z.boolean().default(true),
  /** Create a Visma supplier when a vendor has no link. */
  createSuppliers: z.boolean().default(true),
  /** Account for lines no rule maps; absent means such documents are blocked. */
  holdingAccount: AccountCd.nullable().default(null),
  /**
   * The control and VAT accounts the month-end close sets against Visma's general ledger. Null or empty: found in
   * Visma (the receivables account the customer documents name, the accounts marked as AR/AP control accounts, the
   * VAT codes' GL accounts).
   */
  closeAccounts: z
    .object({
      receivables: AccountCd.nullable().default(null),
      payables: AccountCd.nullable().default(null),
      vat: z.array(AccountCd).default([]),
    })
    .default({ receivables: null, payables: null, vat: [] }),
  /** Release holding-account documents automatically (default: keep them on hold for review). */
  releaseHoldingDocuments: z.boolean().default(false),
  /** Post into the first open period when the document's period is closed (audited) instead of waiting. */
  postIntoFirstOpenPeriod: z.boolean().default(false),
  /** Mark the source exported in ServiceTitan with the Visma number. */
  markExported: z.boolean().default(true),
  /** Subaccount segment that carries the cost center; detected from the segment names when absent. */
  costCenterSegmentId: z.number().int().positive().nullable().default(null),
  /** Subaccount segment for the customer type (optional dimension). */
  customerTypeSegmentId: z.number().int().positive().nullable().default(null),
  /** Put the ServiceTitan job's project on the Visma document. */
  useProjects: z.boolean().default(false),
  /** Largest VAT or total difference (in currency units) accepted without review. */
  verifyTolerance: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .default('0'),
  /** Visma writes in flight at once. */
  concurrency: z.number().int().min(1).max(16).default(4),
  /** Cron expression for scheduled runs, in the profile's time zone; absent means manual only. */
  schedule: z.string().min(1).nullable().default(null),
  /**
   * When a ServiceTitan integration (sandbox) tenant is bound to a production Visma company, nothing syncs until
   * someone confirms it; this is when (ISO time). Saving the profile with either environment changed clears it.
   */
  crossEnvironmentConfirmedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Master-data alignment (vendors ↔ suppliers, customers, tax zones, business units). */
  masterData: MasterDataSettings.default(MasterDataSettings.parse({})),
});
/** Sync settings after defaults. */
export type SyncSettings = z.infer<typeof SyncSettings>;
/** Sync settings as written in a file. */
export type SyncSettingsInput = z.input<typeof SyncSettings>;

/** The defaults. */
export function defaultSyncSettings(): SyncSettings {
  return SyncSettings.parse({});
}
