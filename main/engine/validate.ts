import { money, sum, toCents, VISMA_AMOUNT_LIMIT } from '../../shared/money';
import type { SyncSettings } from '../../shared/sync-settings';
import type { PlannedDocument, SourceDocument } from './domain';
import { vatCodeAllowed } from './mapping/defaults';
import { periodsAfter } from './master-data/periods';
import type { MasterData } from './master-data/types';
import { mismatchProblem, tooLargeProblem, unreadableProblem, type Problem } from './reasons';

/** Outcome of validation: the (possibly period-shifted) plan, blocking problems, and audited notes. */
export interface ValidationResult {
  planned: PlannedDocument;
  problems: Problem[];
  /** Things done on purpose that the audit log must show (posting into another period). */
  notes: string[];
}

function checkParty(planned: PlannedDocument, master: MasterData): Problem[] {
  const sales = planned.kind !== 'supplierInvoice';
  const party = (sales ? master.customers : master.suppliers).get(planned.partyNumber);
  if (!party) {
    return [
      {
        code: sales ? 'customer_missing' : 'supplier_missing',
        detail: `Visma number ${planned.partyNumber} does not exist.`,
      },
    ];
  }
  if (!party.active)
    return [
      { code: sales ? 'customer_inactive' : 'supplier_inactive', detail: `${party.name} (${party.number}).` },
    ];
  return [];
}

function checkLines(planned: PlannedDocument, master: MasterData): Problem[] {
  const problems: Problem[] = [];
  for (const line of planned.lines) {
    const account = master.accounts.get(line.accountNumber);
    if (!account) {
      problems.push({
        code: 'account_missing',
        detail: `Account ${line.accountNumber} does not exist in Visma.`,
      });
      continue;
    }
    if (!account.active)
      problems.push({ code: 'account_inactive', detail: `Account ${line.accountNumber} is not active.` });
    if (!line.vatCodeId) continue;
    const code = master.vatCodes.get(line.vatCodeId);
    if (!code) {
      problems.push({
        code: 'vat_code_missing',
        detail: `VAT code ${line.vatCodeId} does not exist in Visma.`,
      });
    } else if (!vatCodeAllowed(master, code, planned.vatZoneId, account.taxCategory)) {
      problems.push({
        code: 'vat_code_invalid',
        detail: `VAT code ${code.vatId} with zone ${planned.vatZoneId ?? '(none)'} and account ${account.accountCD} (category ${account.taxCategory ?? 'none'}).`,
      });
    }
  }
  return dedupe(problems);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function closedIn(planned: PlannedDocument, master: MasterData, period: string): boolean | undefined {
  const p = master.periods.get(period);
  if (!p) return undefined;
  return planned.kind === 'supplierInvoice' ? p.closedInSupplierLedger : p.closedInCustomerLedger;
}

function checkPeriod(planned: PlannedDocument, master: MasterData, settings: SyncSettings): ValidationResult {
  if (master.periods.size === 0) return { planned, problems: [], notes: [] };
  const closed = closedIn(planned, master, planned.financialPeriod);
  if (closed === undefined) {
    return {
      planned,
      problems: [{ code: 'period_missing', detail: `Period ${planned.financialPeriod}.` }],
      notes: [],
    };
  }
  if (!closed) return { planned, problems: [], notes: [] };
  if (settings.postIntoFirstOpenPeriod) {
    const next = periodsAfter(planned.financialPeriod, master.periods).find(
      (p) => closedIn(planned, master, p.period) === false,
    )?.period;
    if (next) {
      return {
        planned: { ...planned, financialPeriod: next },
        problems: [],
        notes: [`Period ${planned.financialPeriod} is closed; posted into the first open period ${next}.`],
      };
    }
  }
  return {
    planned,
    problems: [{ code: 'period_closed', detail: `Period ${planned.financialPeriod}.` }],
    notes: [],
  };
}

/** Checks a planned document against Visma's master data (design §5). Pure. */
export function validatePlanned(
  planned: PlannedDocument,
  master: MasterData,
  settings: SyncSettings,
): ValidationResult {
  const problems = [...checkParty(planned, master), ...checkLines(planned, master)];
  const period = checkPeriod(planned, master, settings);
  return { planned: period.planned, problems: [...problems, ...period.problems], notes: period.notes };
}

function checkBounds(doc: SourceDocument): Problem[] {
  const limit = toCents(VISMA_AMOUNT_LIMIT);
  const figures: [string, string][] = [
    ['The total', doc.total],
    ['The subtotal', doc.subTotal],
    ['The tax', doc.tax],
    ...doc.lines.map((l): [string, string] => [`Line ${l.lineId}`, l.amount]),
  ];
  return figures
    .filter(([, amount]) => money(amount).abs().gte(VISMA_AMOUNT_LIMIT))
    .map(([field, amount]) => tooLargeProblem(field, amount, limit));
}

function checkTotals(doc: SourceDocument): Problem[] {
  const lines = toCents(sum(doc.lines.map((l) => l.amount)));
  if (doc.kind === 'ap-bill') {
    const gross = toCents(money(lines).plus(doc.tax));
    return money(gross).equals(doc.total)
      ? []
      : [mismatchProblem(`The lines ${lines} + tax ${doc.tax}`, gross, doc.total, 'bill amount')];
  }
  // Discount and price-modifier lines are among the lines (negative); `discountTotal` only repeats them.
  const problems: Problem[] = [];
  if (!money(lines).equals(doc.subTotal))
    problems.push(mismatchProblem('The lines', lines, doc.subTotal, 'subtotal'));
  const gross = toCents(money(doc.subTotal).plus(doc.tax));
  if (!money(gross).equals(doc.total))
    problems.push(
      mismatchProblem(`Subtotal ${doc.subTotal} + sales tax ${doc.tax}`, gross, doc.total, 'total'),
    );
  return problems;
}

/**
 * Checks a source document's own figures before anything is resolved (pure): every field readable, every amount
 * within what Visma carries exactly, and the totals agreeing with the lines to the cent (invoice: lines = subtotal,
 * subtotal + sales tax = total; bill: lines, shipping and other charges + tax = bill amount). A document that fails
 * is never posted.
 */
export function checkSourceFigures(doc: SourceDocument): Problem[] {
  if (doc.unreadable?.length) return dedupe(doc.unreadable.map(unreadableProblem));
  const bounds = checkBounds(doc);
  return bounds.length > 0 ? bounds : checkTotals(doc);
}
