import { listAudit } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import { loadLinks } from '../mapping/rule-store';
import { masterDataReviewItems, type MasterDataReviewItem } from './review-items';
import { flaggedTaxZones } from './store/drift';
import { loadRegister } from './store/tax-zones';

/** The state of master-data alignment (the `masterdata status --json` output). */
export interface AlignmentStatus {
  profileId: string;
  lastAlignedAt: string | null;
  links: { suppliers: number; customers: number };
  taxZones: {
    stZoneId: string;
    name: string;
    vatZoneId: string | null;
    laborRate: string;
    materialRate: string;
    vatCodes: string[];
    waiting: string | null;
  }[];
  counts: { conflicts: number; suggestions: number; drift: number };
  review: MasterDataReviewItem[];
}

/** Links, the tax-zone register and everything waiting for the accountant, read from the ledger only. */
export function alignmentStatus(db: Ledger, profileId: string): AlignmentStatus {
  const review = masterDataReviewItems(db, profileId);
  const flagged = flaggedTaxZones(db, profileId);
  const last = listAudit(db, { profileId, action: 'masterdata.aligned', limit: 1 })[0];
  return {
    profileId,
    lastAlignedAt: last?.at ?? null,
    links: {
      suppliers: loadLinks(db, profileId, 'supplier').size,
      customers: loadLinks(db, profileId, 'customer').size,
    },
    taxZones: [...loadRegister(db, profileId).values()].map((z) => ({
      stZoneId: z.stZoneId,
      name: z.name,
      vatZoneId: z.vatZoneId,
      laborRate: z.laborRate,
      materialRate: z.materialRate,
      vatCodes: z.codes.map((c) => `${c.role}=${c.vatId}`),
      waiting: flagged.get(z.stZoneId) ?? null,
    })),
    counts: {
      conflicts: review.filter((r) => r.type === 'conflict').length,
      suggestions: review.filter((r) => r.type === 'suggestion').length,
      drift: review.filter((r) => r.type === 'drift').length,
    },
    review,
  };
}
