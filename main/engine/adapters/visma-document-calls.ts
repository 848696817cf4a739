import type { VismaClient } from '../../visma';
import type { PlannedDocument, VismaDocKind } from '../domain';
import type { Decimal } from 'decimal.js';
import { money } from '../../../shared/money';
import type { FoundDocument, GlBalance, ReleaseAnswer, VismaPort, WriteOutcome } from '../ports';
import type { CallGuard } from './calls';
import { customerInput, foundAp, foundAr, supplierInput } from './visma-documents';

type DocumentCalls = Pick<
  VismaPort,
  | 'createDocument'
  | 'updateDocument'
  | 'releaseDocument'
  | 'deleteDocument'
  | 'getDocument'
  | 'listChangedDocuments'
  | 'listDocumentsInPeriod'
  | 'glBalances'
  | 'findGlBatches'
>;

/** The document methods of the Visma port: create, correct, release, delete, read and list documents. */
export function vismaDocumentCalls(client: VismaClient, guard: CallGuard): DocumentCalls {
  return {
    createDocument: (d) =>
      guard.outcome(() => {
        if (d.kind === 'customerInvoice') return client.createCustomerInvoice(customerInput(d));
        if (d.kind === 'customerCreditNote') return client.createCustomerCreditNote(customerInput(d));
        return client.createSupplierInvoice(supplierInput(d));
      }),
    updateDocument: (number, d) => update(client, guard, number, d),
    releaseDocument: (kind, number) => release(client, guard, kind, number),
    deleteDocument: (kind, number) => remove(client, guard, kind, number),
    getDocument: (kind, number) =>
      guard.read(async () => {
        if (kind === 'customerInvoice') {
          const d = await client.getCustomerInvoice(number);
          return d ? foundAr(kind, d) : null;
        }
        if (kind === 'customerCreditNote') {
          const d = await client.getCustomerCreditNote(number);
          return d ? foundAr(kind, d) : null;
        }
        const d = await client.getSupplierInvoice(number);
        return d ? foundAp(d.invoice) : null;
      }),
    listChangedDocuments: (kind, since, options) =>
      guard.read(() =>
        list(client, kind, {
          ...(since ? { modifiedSince: since } : {}),
          details: options?.details === true,
        }),
      ),
    listDocumentsInPeriod: (kind, financialPeriod, options) =>
      guard.read(() =>
        list(client, kind, {
          financialPeriod,
          details: true,
          ...(options?.modifiedBefore ? { modifiedBefore: options.modifiedBefore } : {}),
        }),
      ),
    glBalances: (financialPeriod) => guard.read(async () => glBalances(client, financialPeriod)),
    findGlBatches: (module, docs) =>
      guard.read(async () => {
        const wanted = new Set(docs.map((d) => d.number));
        const out = new Map<string, string>();
        for (const period of [...new Set(docs.map((d) => d.financialPeriod))].sort()) {
          for (const [ref, batch] of await client.glBatchNumbersByReference({ module, period }))
            if (wanted.has(ref)) out.set(ref, batch);
        }
        return out;
      }),
  };
}

/** The period's balance rows summed per account (rows are per branch and subaccount). */
async function glBalances(client: VismaClient, financialPeriod: string): Promise<GlBalance[]> {
  const byAccount = new Map<string, { description: string | null; debit: Decimal; credit: Decimal }>();
  for (const row of await client.listGlBalances(financialPeriod)) {
    if (row.balanceType !== undefined && row.balanceType !== 'Actual') continue;
    const seen = byAccount.get(row.accountNumber) ?? {
      description: row.accountDescription || null,
      debit: money(0),
      credit: money(0),
    };
    seen.debit = seen.debit.plus(money(row.periodToDateDebit));
    seen.credit = seen.credit.plus(money(row.periodToDateCredit));
    byAccount.set(row.accountNumber, seen);
  }
  return [...byAccount]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, t]) => ({
      account,
      description: t.description,
      debit: t.debit.toFixed(2),
      credit: t.credit.toFixed(2),
    }));
}

/** Documents of a kind matching a list filter (every page); `details` asks for tax details and applications. */
async function list(
  client: VismaClient,
  kind: VismaDocKind,
  filter: { modifiedSince?: string; modifiedBefore?: string; financialPeriod?: string; details?: boolean },
): Promise<FoundDocument[]> {
  if (kind === 'customerInvoice')
    return (await client.listCustomerInvoices(filter)).map((x) => foundAr(kind, x));
  if (kind === 'customerCreditNote')
    return (await client.listCustomerCreditNotes(filter)).map((x) => foundAr(kind, x));
  const { details: _details, ...supplierFilter } = filter;
  return (await client.listSupplierInvoices(supplierFilter)).map(foundAp);
}

async function currentLineNumbers(
  client: VismaClient,
  kind: VismaDocKind,
  number: string,
): Promise<number[]> {
  if (kind === 'customerInvoice')
    return ((await client.getCustomerInvoice(number))?.lines ?? []).map((l) => l.lineNumber);
  if (kind === 'customerCreditNote')
    return ((await client.getCustomerCreditNote(number))?.lines ?? []).map((l) => l.lineNumber);
  return ((await client.getSupplierInvoice(number))?.invoice.lines ?? []).map((l) => l.lineNumber);
}

/** Replaces an unreleased document's lines: every current line deleted, the planned ones inserted. */
async function update(
  client: VismaClient,
  guard: CallGuard,
  number: string,
  d: PlannedDocument,
): Promise<WriteOutcome<void>> {
  return guard.outcome(async () => {
    const deletes = (await currentLineNumbers(client, d.kind, number)).map((lineNumber) => ({
      operation: 'Delete' as const,
      lineNumber,
    }));
    if (d.kind !== 'supplierInvoice') {
      const { customerNumber: _c, lines, ...header } = customerInput(d);
      const patch = {
        ...header,
        lines: [...deletes, ...lines.map((l) => ({ operation: 'Insert' as const, ...l }))],
      };
      if (d.kind === 'customerInvoice') await client.updateCustomerInvoice(number, patch);
      else await client.updateCustomerCreditNote(number, patch);
    } else {
      const { supplierNumber: _s, lines, ...header } = supplierInput(d);
      await client.updateSupplierInvoice(number, {
        ...header,
        lines: [...deletes, ...lines.map((l) => ({ operation: 'Insert' as const, ...l }))],
      });
    }
  });
}

/** Releases a document and translates Visma's answer. */
function release(
  client: VismaClient,
  guard: CallGuard,
  kind: VismaDocKind,
  number: string,
): Promise<WriteOutcome<ReleaseAnswer>> {
  return guard.outcome(async (): Promise<ReleaseAnswer> => {
    const result =
      kind === 'customerInvoice'
        ? await client.releaseCustomerInvoice(number)
        : kind === 'customerCreditNote'
          ? await client.releaseCustomerCreditNote(number)
          : await client.releaseSupplierInvoice(number);
    if (result.actionResult === 'Done') return { state: 'done' };
    if (result.actionResult === 'Failed')
      return {
        state: 'failed',
        message: `Visma could not release the document${result.errorInfo ? `: ${result.errorInfo}` : '.'}`,
      };
    return { state: 'queued' };
  });
}

/** Deletes an unreleased document; one that is already gone is a `not_found` refusal. */
async function remove(
  client: VismaClient,
  guard: CallGuard,
  kind: VismaDocKind,
  number: string,
): Promise<WriteOutcome<void>> {
  const outcome = await guard.outcome(async () =>
    kind === 'customerInvoice'
      ? client.deleteCustomerInvoice(number)
      : kind === 'customerCreditNote'
        ? client.deleteCustomerCreditNote(number)
        : client.deleteSupplierInvoice(number),
  );
  if (outcome.status !== 'ok') return outcome;
  return outcome.value
    ? { status: 'ok', value: undefined }
    : { status: 'rejected', message: `Visma ${number} no longer exists.`, reason: 'not_found' };
}
