/**
 * The GL level of the month-end close: Visma's general-ledger movement of a period on the accounts the mappings use,
 * set against what the period's released documents explain, so a manual journal or a posting on the wrong account
 * shows as an unexplained difference on a named account. Pure: the caller reads the balances and documents.
 */
import type { Decimal } from 'decimal.js';
import { AmountSum, money } from '../../../shared/money';
import type { FoundDocument, GlBalance } from '../ports';
import type { GlAccountLine, GlLevel, GlRole } from './types';

export { glAccountsOfProfile } from './gl-accounts';
export type { GlAccountsInput } from './gl-accounts';

/** A VAT code with the accounts its VAT posts to (`VVatCode` of the master-data cache fits). */
export interface GlVatCode {
  vatId: string;
  payableAccount?: string | undefined;
  claimableAccount?: string | undefined;
}

/** What `glLevel` sets against what. */
export interface GlLevelInput {
  /** Visma's period-to-date movement per account (`VismaPort.glBalances`). */
  balances: GlBalance[];
  /** The Visma documents of the financial period, all kinds; only released ones explain anything. */
  documents: FoundDocument[];
  /** The accounts in scope and their roles (`glAccountsOfProfile`); an account named twice merges its roles. */
  accounts: { account: string; role: GlRole }[];
  /**
   * VAT codes with their GL accounts, to place each document's VAT on its account. Without them, or when a
   * document's VAT cannot be placed, the VAT accounts are checked together as one line (`2700+2710`).
   */
  vatCodes?: GlVatCode[];
}

const LINE_ROLES: readonly GlRole[] = ['revenue', 'expense', 'holding'];

/**
 * What a released document does to the GL, as `m`: +1 when it raises its control account's natural balance (a
 * customer invoice debits receivables, a supplier invoice or credit adjustment credits payables), −1 when it lowers
 * it (a customer credit note, a supplier debit adjustment). In debit-minus-credit terms a document then moves
 * receivables by `+m·gross` (AR) or payables by `−m·gross` (AP), its line accounts by `∓m·net` and VAT by `∓m·vat`.
 */
function directionOf(d: FoundDocument): 1 | -1 {
  if (d.kind === 'supplierInvoice') return d.documentType === 'DebitAdj' ? -1 : 1;
  return d.kind === 'customerCreditNote' || d.documentType === 'CreditNote' ? -1 : 1;
}

/** Debit-minus-credit effect of one document on its line accounts (AR lines credit, AP lines debit). */
const lineSign = (d: FoundDocument): number => (d.kind === 'supplierInvoice' ? 1 : -1) * directionOf(d);

/** Sums of what the released documents explain, per account and per control side. */
interface Explained {
  lines: Map<string, AmountSum>;
  /** Receivables per account (`''`: a document that does not name its receivables account). */
  receivables: Map<string, AmountSum>;
  payables: AmountSum;
  /** VAT per account, or under `''` when it could not be placed. */
  vat: Map<string, AmountSum>;
}

/** The running sum under `key`, started when first asked for. */
function sumOf(map: Map<string, AmountSum>, key: string): AmountSum {
  let found = map.get(key);
  if (!found) map.set(key, (found = new AmountSum()));
  return found;
}

const decimalOf = (found: AmountSum | undefined): Decimal => found?.toDecimal() ?? money(0);

/** The VAT account a document's VAT code posts to, or `''` when unknown. */
function vatAccountOf(d: FoundDocument, vatId: string, codes: Map<string, GlVatCode>): string {
  const code = codes.get(vatId);
  if (!code) return '';
  const sales = d.kind !== 'supplierInvoice';
  return (
    (sales
      ? (code.payableAccount ?? code.claimableAccount)
      : (code.claimableAccount ?? code.payableAccount)) ?? ''
  );
}

// Amounts are summed in whole cents (a Decimal per line of tens of thousands of documents cost more than the rest).
function explain(
  documents: FoundDocument[],
  codes: Map<string, GlVatCode>,
  vatAccounts: Set<string>,
): Explained {
  const out: Explained = {
    lines: new Map(),
    receivables: new Map(),
    payables: new AmountSum(),
    vat: new Map(),
  };
  for (const d of documents) {
    if (!d.released) continue;
    // The line sign is −1 or +1; the gross goes the other way.
    const negateLines = lineSign(d) < 0;
    for (const line of d.lineAccounts ?? []) sumOf(out.lines, line.account).add(line.amount, negateLines);
    if (d.kind === 'supplierInvoice') out.payables.add(d.amount, !negateLines);
    else sumOf(out.receivables, d.ledgerAccount ?? '').add(d.amount, !negateLines);
    // VAT the document carries without tax details to place it by goes under ''.
    const rest = new AmountSum().add(d.vatTotal);
    for (const v of d.vatDetails ?? []) {
      const account = vatAccountOf(d, v.vatId, codes);
      sumOf(out.vat, vatAccounts.has(account) ? account : '').add(v.amount, negateLines);
      rest.add(v.amount, true);
    }
    if (!rest.isZero()) sumOf(out.vat, '').addSum(rest, negateLines);
  }
  return out;
}

/** Roles per account, merged, in account order. */
function rolesByAccount(accounts: GlLevelInput['accounts']): Map<string, GlRole[]> {
  const out = new Map<string, GlRole[]>();
  for (const { account, role } of [...accounts].sort((a, b) => a.account.localeCompare(b.account))) {
    const roles = out.get(account) ?? [];
    if (!roles.includes(role)) roles.push(role);
    out.set(account, roles);
  }
  return out;
}

interface AccountGroup {
  account: string;
  members: string[];
  roles: GlRole[];
}

/** The lines to show: one per account, or the VAT accounts together when some VAT could not be placed. */
function groups(roles: Map<string, GlRole[]>, vatTogether: boolean): AccountGroup[] {
  const vat = [...roles].filter(([, r]) => r.includes('vat')).map(([a]) => a);
  const out: AccountGroup[] = [];
  for (const [account, r] of roles) {
    if (vatTogether && r.includes('vat')) {
      if (account !== vat[0]) continue;
      const merged = [...new Set(vat.flatMap((a) => roles.get(a) ?? []))];
      out.push({ account: vat.join('+'), members: vat, roles: merged });
    } else out.push({ account, members: [account], roles: r });
  }
  return out;
}

function explainedOn(
  group: AccountGroup,
  e: Explained,
  vatTogether: boolean,
  firstReceivables: string | undefined,
  firstPayables: string | undefined,
): Decimal {
  let total = money(0);
  const has = (role: GlRole) => group.roles.includes(role);
  for (const account of group.members) {
    if (LINE_ROLES.some(has)) total = total.plus(decimalOf(e.lines.get(account)));
    if (has('receivables')) {
      total = total.plus(decimalOf(e.receivables.get(account)));
      // Documents that do not name their receivables account count on the first receivables account.
      if (account === firstReceivables) total = total.plus(decimalOf(e.receivables.get('')));
    }
    if (has('payables') && account === firstPayables) total = total.plus(e.payables.toDecimal());
    if (has('vat') && !vatTogether) total = total.plus(decimalOf(e.vat.get(account)));
  }
  if (has('vat') && vatTogether) for (const v of e.vat.values()) total = total.plus(v.toDecimal());
  return total;
}

/**
 * Visma's debit, credit and net (debit − credit) per account in scope, what the period's released documents explain
 * on it, and the difference. Explained, in debit-minus-credit terms: on line accounts (revenue, expense, holding) the
 * documents' net line amounts (customer invoice lines credit, credit note lines debit, supplier invoice lines debit,
 * debit adjustment lines credit); on receivables the invoices' gross minus the credit notes'; on payables minus the
 * supplier invoices' gross plus the debit adjustments'; on VAT accounts the VAT of each document, placed on its VAT
 * code's account (sales VAT credit, purchase VAT debit, reversed by credit notes and debit adjustments).
 */
export function glLevel(input: GlLevelInput): GlLevel {
  const roles = rolesByAccount(input.accounts);
  const codes = new Map((input.vatCodes ?? []).map((c) => [c.vatId, c]));
  const vatAccounts = new Set([...roles].filter(([, r]) => r.includes('vat')).map(([a]) => a));
  const e = explain(input.documents, codes, vatAccounts);
  const vatTogether = !(e.vat.get('')?.isZero() ?? true);
  const balances = new Map(input.balances.map((b) => [b.account, b]));
  const firstOf = (role: GlRole) => [...roles].find(([, r]) => r.includes(role))?.[0];
  const firstReceivables = firstOf('receivables');
  const firstPayables = firstOf('payables');
  const lines: GlAccountLine[] = groups(roles, vatTogether).map((g) => {
    const debit = g.members.reduce((s, a) => s.plus(balances.get(a)?.debit ?? 0), money(0));
    const credit = g.members.reduce((s, a) => s.plus(balances.get(a)?.credit ?? 0), money(0));
    const net = debit.minus(credit);
    const explained = explainedOn(g, e, vatTogether, firstReceivables, firstPayables);
    const description = g.members.length === 1 ? (balances.get(g.account)?.description ?? null) : null;
    return {
      account: g.account,
      description,
      roles: g.roles,
      debit: debit.toFixed(2),
      credit: credit.toFixed(2),
      net: net.toFixed(2),
      explained: explained.toFixed(2),
      unexplained: net.minus(explained).toFixed(2),
    };
  });
  return {
    accounts: lines,
    unexplainedAccounts: lines.filter((l) => !money(l.unexplained).isZero()).map((l) => l.account),
  };
}
