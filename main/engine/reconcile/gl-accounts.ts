/** Which GL accounts the close's GL level checks for a profile, and what each is used for. */
import type { SyncSettings } from '../../../shared/sync-settings';
import type { MappingRules } from '../mapping/rules';
import type { VAccount, VVatCode } from '../master-data/types';
import type { FoundDocument } from '../ports';
import type { GlRole } from './types';

/** What decides the accounts in scope. */
export interface GlAccountsInput {
  rules: MappingRules;
  settings: Pick<SyncSettings, 'holdingAccount' | 'closeAccounts'>;
  /** The cached Visma master data (`loadMasterData`): control accounts and VAT codes' accounts, to find what is unset. */
  master?: { accounts?: Iterable<VAccount>; vatCodes?: Iterable<VVatCode> };
  /** The period's Visma documents: the accounts their lines use and the receivables account they name. */
  documents?: FoundDocument[];
}

/**
 * The accounts the GL level sets against Visma, with their roles (an account may appear with several):
 * - revenue: the accounts the revenue rules target (`revenueBySku`, `revenueByGlAccount`, `revenueByBusinessUnit`,
 *   and `accountByVatCode` for sales VAT codes), and every account the period's customer documents' lines use (a line
 *   whose ServiceTitan account is a Visma account number goes there without a rule; a line moved by hand too);
 * - expense: the `expenseByGlAccount` targets, `accountByVatCode` for purchase VAT codes, the supplier documents' lines;
 * - holding: `holdingAccount`;
 * - receivables / payables / vat: `closeAccounts` when set; otherwise the receivables account the customer documents
 *   name (else the accounts marked as AR control accounts), the AP control accounts, and the VAT codes' accounts.
 */
export function glAccountsOfProfile(input: GlAccountsInput): { account: string; role: GlRole }[] {
  const out: { account: string; role: GlRole }[] = [];
  const seen = new Set<string>();
  const push = (account: string | null | undefined, role: GlRole) => {
    if (!account || seen.has(`${account}|${role}`)) return;
    seen.add(`${account}|${role}`);
    out.push({ account, role });
  };
  const { rules, settings } = input;
  const accounts = [...(input.master?.accounts ?? [])];
  const vatCodes = [...(input.master?.vatCodes ?? [])];
  const documents = input.documents ?? [];
  const holding = settings.holdingAccount;

  for (const table of [rules.revenueBySku, rules.revenueByGlAccount, rules.revenueByBusinessUnit])
    for (const target of Object.values(table)) push(target.account, 'revenue');
  for (const target of Object.values(rules.expenseByGlAccount)) push(target.account, 'expense');
  const direction = new Map(vatCodes.map((c) => [c.vatId, c.direction]));
  for (const [vatId, target] of Object.entries(rules.accountByVatCode))
    push(target.account, direction.get(vatId) === 'Input' ? 'expense' : 'revenue');
  push(holding, 'holding');
  for (const d of documents)
    for (const line of d.lineAccounts ?? [])
      if (line.account !== holding) push(line.account, d.kind === 'supplierInvoice' ? 'expense' : 'revenue');

  const close = settings.closeAccounts;
  const control = (module: 'AR' | 'AP') =>
    accounts.filter((a) => a.controlAccountModule === module).map((a) => a.accountCD);
  const named = documents.flatMap((d) =>
    d.kind !== 'supplierInvoice' && d.ledgerAccount ? [d.ledgerAccount] : [],
  );
  const receivables = close.receivables ? [close.receivables] : named.length > 0 ? named : control('AR');
  for (const account of receivables) push(account, 'receivables');
  for (const account of close.payables ? [close.payables] : control('AP')) push(account, 'payables');
  const vat =
    close.vat.length > 0
      ? close.vat
      : vatCodes.flatMap((c) => [c.payableAccount, c.claimableAccount].filter((a): a is string => !!a));
  for (const account of vat) push(account, 'vat');
  return out;
}
