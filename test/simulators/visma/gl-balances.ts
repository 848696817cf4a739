import Decimal from 'decimal.js';
import type { CompanyState, SimAccount, SimPeriod } from './model';
import { normaliseTimestamp } from './context';

/**
 * General ledger balances as Acumatica keeps them (GL history per ledger, branch, account, subaccount and financial
 * period), computed from the posted GL batches. Only `Posted` batches count: Acumatica updates GL history when a batch
 * is posted, and a release posts at once when "post on release" is set (Visma's usual setup; **assumption**).
 */

/** One balance row: a branch, account and subaccount in a financial period. */
export interface BalanceRow {
  branchNumber: string;
  account: SimAccount | { accountCD: string; type?: undefined; description?: undefined };
  subaccountNumber: string | undefined;
  period: SimPeriod;
  debit: Decimal;
  credit: Decimal;
  /** Natural-sign balances (see `signOf`). */
  beginning: Decimal;
  ending: Decimal;
  lastModified: string;
}

/** Which rows to compute. */
export interface BalanceQuery {
  periodId?: string | undefined;
  account?: string | undefined;
  branch?: string | undefined;
  /** Normalised local timestamp: rows changed at or after it. */
  modifiedSince?: string | undefined;
  /** Show liability and income balances debit-positive too (`toggleBalanceSigns=true`). */
  toggleSigns?: boolean;
}

interface Movement {
  debit: Decimal;
  credit: Decimal;
  lastModified: string;
}

interface Combination {
  branchNumber: string;
  accountCD: string;
  subaccountNumber: string | undefined;
  byPeriod: Map<string, Movement>;
}

/**
 * Acumatica's balance sign: assets and expenses debit minus credit, liabilities and income credit minus debit
 * (**assumption**, from the `toggleBalanceSigns` parameter that "changes the balance sign for liability and income
 * accounts"); toggled, every account is debit minus credit.
 */
function signOf(account: BalanceRow['account'], toggle: boolean): 1 | -1 {
  if (toggle) return 1;
  return account.type === 'Liability' || account.type === 'Income' ? -1 : 1;
}

/** A profit-and-loss account starts every financial year at zero; balance-sheet accounts carry their balance on. */
const resetsEachYear = (account: BalanceRow['account']): boolean =>
  account.type === 'Income' || account.type === 'Expense';

function mainBranch(company: CompanyState): string {
  const branches = [...company.branches.values()];
  return (branches.find((b) => b.isMainBranch) ?? branches[0])?.number ?? '1';
}

/** Posted movements per branch, account and subaccount, and per period. */
function combinations(company: CompanyState): Combination[] {
  const out = new Map<string, Combination>();
  const fallbackBranch = mainBranch(company);
  for (const batch of company.batches.values()) {
    if (batch.status !== 'Posted') continue;
    for (const line of batch.lines) {
      const branchNumber = line.branchNumber ?? batch.branchNumber ?? fallbackBranch;
      const key = `${branchNumber}|${line.accountNumber}|${line.subaccountNumber ?? ''}`;
      const combo = out.get(key) ?? {
        branchNumber,
        accountCD: line.accountNumber,
        subaccountNumber: line.subaccountNumber,
        byPeriod: new Map<string, Movement>(),
      };
      out.set(key, combo);
      const m = combo.byPeriod.get(batch.financialPeriod) ?? {
        debit: new Decimal(0),
        credit: new Decimal(0),
        lastModified: batch.lastModified,
      };
      m.debit = m.debit.plus(line.debit);
      m.credit = m.credit.plus(line.credit);
      if (batch.lastModified > m.lastModified) m.lastModified = batch.lastModified;
      combo.byPeriod.set(batch.financialPeriod, m);
    }
  }
  return [...out.values()].sort((a, b) =>
    `${a.accountCD}|${a.branchNumber}|${a.subaccountNumber ?? ''}`.localeCompare(
      `${b.accountCD}|${b.branchNumber}|${b.subaccountNumber ?? ''}`,
    ),
  );
}

/** The row of one combination in `period`, or undefined when it had no posting up to then. */
function rowOf(
  company: CompanyState,
  combo: Combination,
  period: SimPeriod,
  toggle: boolean,
): BalanceRow | undefined {
  const account = company.accounts.get(combo.accountCD) ?? { accountCD: combo.accountCD };
  const sign = signOf(account, toggle);
  const yearly = resetsEachYear(account);
  let beginning = new Decimal(0);
  let lastModified: string | undefined;
  let here: Movement | undefined;
  for (const [id, m] of combo.byPeriod) {
    if (id > period.period) continue;
    lastModified =
      lastModified === undefined || m.lastModified > lastModified ? m.lastModified : lastModified;
    if (id === period.period) {
      here = m;
      continue;
    }
    if (yearly && company.periods.get(id)?.year !== period.year) continue;
    beginning = beginning.plus(m.debit.minus(m.credit).times(sign));
  }
  if (lastModified === undefined) return undefined;
  const debit = here?.debit ?? new Decimal(0);
  const credit = here?.credit ?? new Decimal(0);
  return {
    branchNumber: combo.branchNumber,
    account,
    subaccountNumber: combo.subaccountNumber,
    period,
    debit,
    credit,
    beginning,
    ending: beginning.plus(debit.minus(credit).times(sign)),
    lastModified,
  };
}

/**
 * Balance rows for a query. With a period: every combination posted to up to that period (a row without movement in
 * the period still shows its balance). Without one (only `modifiedSince`): the rows of every period with movement.
 */
export function balanceRows(company: CompanyState, query: BalanceQuery): BalanceRow[] {
  const toggle = query.toggleSigns ?? false;
  const rows: BalanceRow[] = [];
  for (const combo of combinations(company)) {
    if (query.account !== undefined && combo.accountCD !== query.account) continue;
    if (query.branch !== undefined && combo.branchNumber !== query.branch) continue;
    const periods =
      query.periodId !== undefined
        ? [company.periods.get(query.periodId)]
        : [...combo.byPeriod.keys()].sort().map((id) => company.periods.get(id));
    for (const period of periods) {
      if (!period) continue;
      const row = rowOf(company, combo, period, toggle);
      if (!row) continue;
      if (query.modifiedSince !== undefined && normaliseTimestamp(row.lastModified) < query.modifiedSince)
        continue;
      rows.push(row);
    }
  }
  return rows;
}

/** Whether the financial year of `period` is closed: its last period closed in every ledger. */
export function yearClosed(company: CompanyState, period: SimPeriod): boolean {
  const last = [...company.periods.values()]
    .filter((p) => p.year === period.year)
    .sort((a, b) => a.period.localeCompare(b.period))
    .pop();
  return !!last && last.closedInCustomerLedger && last.closedInSupplierLedger && last.closedInGeneralLedger;
}
