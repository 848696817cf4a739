import { isAdjustmentPeriod, toVismaLocalTime, type VismaClient } from '../../visma';
import type { VParty } from '../master-data/types';
import type { VismaMasterDataPort } from '../ports';
import type { CallGuard } from './calls';

const party = (p: {
  number: string;
  name: string;
  status: string;
  vatZoneId?: string | undefined;
}): VParty => ({
  number: p.number,
  name: p.name,
  active: p.status !== 'Inactive',
  ...(p.vatZoneId && { vatZoneId: p.vatZoneId }),
});

/**
 * The master-data lists of the Visma port; `timeZone` is the one Visma's company-local timestamps are read in (the
 * profile's; Visma does not say its own), for incremental reads from our clock's instants.
 */
export function vismaMasterDataCalls(
  client: VismaClient,
  guard: CallGuard,
  timeZone: string,
): VismaMasterDataPort {
  const changedSince = (since: string | undefined) =>
    since ? { modifiedSince: toVismaLocalTime(since, timeZone) } : {};
  return {
    accounts: (since) =>
      guard.read(async () =>
        (await client.listAccounts(changedSince(since))).map((a) => ({
          accountCD: a.accountCD,
          description: a.description,
          type: a.type ?? '',
          active: a.active,
          ...(a.taxCategory && { taxCategory: a.taxCategory }),
          ...(a.controlAccountModule && { controlAccountModule: a.controlAccountModule }),
        })),
      ),
    vatCodes: () =>
      guard.read(async () =>
        (await client.listVatCodes()).map((c) => ({
          vatId: c.vatId,
          description: c.description,
          rate: c.rate ?? '0',
          ...((c.groupType === 'Output' || c.groupType === 'Input') && { direction: c.groupType }),
          exempt: c.type === 'ExemptVat',
          zones: c.zoneIds,
          ...(c.notValidAfter && { notValidAfter: c.notValidAfter }),
          ...(c.payableAccount && { payableAccount: c.payableAccount }),
          ...(c.claimableAccount && { claimableAccount: c.claimableAccount }),
        })),
      ),
    vatCategories: () =>
      guard.read(async () =>
        (await client.listVatCategories()).map((c) => ({
          id: c.vatCategoryId,
          active: c.active,
          vatIds: c.vatIds,
        })),
      ),
    vatZones: () =>
      guard.read(async () =>
        (await client.listVatZones()).map((z) => ({ id: z.id, description: z.description })),
      ),
    segments: () =>
      guard.read(async () =>
        ((await client.getDimension('SUBACCOUNT'))?.segments ?? []).map((s) => ({
          segmentId: s.segmentId,
          description: s.description,
          values: s.segmentValues.map((v) => ({
            valueId: v.valueId,
            description: v.description,
            active: v.active,
          })),
        })),
      ),
    branches: () =>
      guard.read(async () => (await client.listBranches()).map((b) => ({ number: b.number, name: b.name }))),
    periods: () =>
      guard.read(async () =>
        (await client.listFinancialPeriods()).map((p) => ({
          period: p.period,
          closedInCustomerLedger: p.closedInCustomerLedger || p.closedInGeneralLedger || !p.active,
          closedInSupplierLedger: p.closedInSupplierLedger || p.closedInGeneralLedger || !p.active,
          ...(p.startDate && { startDate: p.startDate.slice(0, 10) }),
          ...(p.endDate && { endDate: p.endDate.slice(0, 10) }),
          ...(isAdjustmentPeriod(p) && { adjustment: true }),
        })),
      ),
    customers: (since) =>
      guard.read(async () => (await client.listCustomers(changedSince(since))).map(party)),
    suppliers: (since) =>
      guard.read(async () => (await client.listSuppliers(changedSince(since))).map(party)),
    projects: (since) =>
      guard.read(async () =>
        (await client.listProjects(changedSince(since))).map((p) => ({
          projectID: p.projectID,
          description: p.description,
          active: p.status === undefined || p.status === 'Active',
        })),
      ),
  };
}
