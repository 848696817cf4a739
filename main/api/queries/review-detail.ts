import type { ReviewDetailView, VismaAccountView } from '../../../shared/contract';
import { SyncSettings } from '../../../shared/sync-settings';
import type { PlannedDocument } from '../../engine/domain';
import { loadMasterData } from '../../engine/master-data/cache';
import { getOutbox } from '../../engine/outbox/store';
import { reviewItemOf } from '../../engine/review';
import type { EngineProfile } from '../../engine/run-sync';
import { parseSource } from '../../engine/source-store';
import type { Ledger } from '../../storage/types';
import { documentItemView } from '../review-view';

/** A document of the profile with its ServiceTitan source and Visma payload side by side, or undefined. */
export function reviewDetail(db: Ledger, profile: EngineProfile, id: number): ReviewDetailView | undefined {
  const row = getOutbox(db, id);
  if (!row || row.profileId !== profile.id) return undefined;
  const doc = parseSource(row.payloadJson);
  const planned = row.plannedJson ? (JSON.parse(row.plannedJson) as PlannedDocument) : null;
  const master = loadMasterData(db, profile.id);
  const accountNames: Record<string, string> = {};
  const numbers = [
    ...(planned?.lines.map((l) => l.accountNumber) ?? []),
    ...doc.lines.flatMap((l) => (l.glAccountNumber ? [l.glAccountNumber] : [])),
  ];
  for (const n of numbers) {
    const account = master.accounts.get(n);
    if (account) accountNames[n] = account.description;
  }
  const parties = doc.kind === 'invoice' ? master.customers : master.suppliers;
  return {
    item: documentItemView(reviewItemOf(row), {
      party: doc.partyName,
      documentDate: doc.documentDate,
      amount: doc.total,
    }),
    source: {
      kind: doc.kind,
      number: doc.number,
      partyName: doc.partyName,
      documentDate: doc.documentDate,
      subTotal: doc.subTotal,
      tax: doc.tax,
      total: doc.total,
      lines: doc.lines.map((l) => ({
        lineId: l.lineId,
        description: l.description,
        ...(l.skuId && { skuId: l.skuId }),
        ...(l.skuCode && { skuCode: l.skuCode }),
        ...(l.glAccountNumber && { glAccountNumber: l.glAccountNumber }),
        ...(l.glAccountName && { glAccountName: l.glAccountName }),
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: l.amount,
        taxable: l.taxable,
      })),
    },
    visma: planned,
    accountNames,
    holdingAccount: SyncSettings.parse(profile.sync ?? {}).holdingAccount,
    vismaPartyName: planned ? (parties.get(planned.partyNumber)?.name ?? null) : null,
  };
}

/** The active Visma accounts a line may post to (control accounts left out), by number, for the account picker. */
export function pickableAccounts(db: Ledger, profileId: string): VismaAccountView[] {
  return [...loadMasterData(db, profileId).accounts.values()]
    .filter((a) => a.active && !a.controlAccountModule)
    .sort((a, b) => a.accountCD.localeCompare(b.accountCD, 'en', { numeric: true }))
    .map((a) => ({ number: a.accountCD, name: a.description, type: a.type, active: a.active }));
}
