import {
  VismaError,
  isUncertain,
  isVismaConnectionError,
  toVismaLocalTime,
  type VismaClient,
} from '../../visma';
import type { VismaDocKind } from '../domain';
import { customerInput, foundAp, foundAr, supplierInput } from './visma-documents';
import type { StCustomerInfo, StVendorInfo, VParty } from '../master-data/types';
import { FatalSyncError, type ReleaseAnswer, type VismaPort, type WriteOutcome } from '../ports';

function fatalOr(err: unknown): never {
  if (isVismaConnectionError(err)) throw new FatalSyncError(`Visma: ${err.message}`, { cause: err });
  throw err;
}

async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    return fatalOr(err);
  }
}

/** Runs a write and classifies the outcome: ok, uncertain (may have landed) or rejected (Visma refused). */
async function write<T>(work: () => Promise<T>): Promise<WriteOutcome<T>> {
  try {
    return { status: 'ok', value: await work() };
  } catch (err) {
    if (isUncertain(err)) return { status: 'uncertain', message: err.message };
    if (
      err instanceof VismaError &&
      ![
        'invalid_client',
        'wrong_tenant',
        'unauthorized',
        'company_mismatch',
        'no_licence',
        'missing_api_role',
      ].includes(err.code)
    ) {
      if (err.code === 'server_error' || err.code === 'network')
        return { status: 'uncertain', message: err.message };
      if (err.code === 'not_found') return { status: 'rejected', message: err.message, reason: 'not_found' };
      if (err.code === 'in_progress')
        return { status: 'rejected', message: err.message, reason: 'in_progress' };
      return { status: 'rejected', message: err.message };
    }
    return fatalOr(err);
  }
}

/**
 * How long an unanswered create is given to land: Visma's servers have processed requests for up to four minutes
 * ("use the background API for requests longer than 4 minutes", Visma's end-of-life notices), so ten minutes.
 */
const DEFAULT_LANDING_GRACE_MS = 10 * 60 * 1000;

/** Options of the Visma port. */
export interface VismaPortOptions {
  /** How long after sending an unanswered create may still land (default ten minutes). */
  landingGraceMs?: number;
  /** VAT zone of customers and suppliers the connector creates; the first zone Visma lists when absent. */
  newPartyVatZone?: string | null;
  /**
   * The time zone Visma's company-local timestamps are read in (the profile's; Visma does not say its own), for
   * incremental master-data reads from our clock's instants.
   */
  timeZone?: string;
}

/** Implements the engine's Visma port over the real client. */
export function vismaPort(client: VismaClient, options: VismaPortOptions = {}): VismaPort {
  const vismaTimestamp = (iso: string) => toVismaLocalTime(iso, options.timeZone ?? 'UTC');
  let defaultZone: Promise<string | undefined> | undefined;
  const zoneForNewParty = () => {
    if (options.newPartyVatZone) return Promise.resolve(options.newPartyVatZone);
    defaultZone ??= read(async () => (await client.listVatZones()).map((z) => z.id).sort()[0]);
    return defaultZone;
  };
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
  const createParty = async (
    info: StCustomerInfo | StVendorInfo,
    create: VismaClient['createCustomer'],
  ): Promise<WriteOutcome<VParty>> => {
    const vatZoneId = await zoneForNewParty();
    return write(async () => {
      const number = await create({
        name: info.name,
        status: 'Active',
        ...(vatZoneId && { vatZoneId }),
        ...(info.street && { addressLine1: info.street }),
        ...(info.zip && { postalCode: info.zip }),
        ...(info.city && { city: info.city }),
        ...(info.country && { countryId: info.country }),
      });
      return { number, name: info.name, active: true, ...(vatZoneId && { vatZoneId }) };
    });
  };

  async function currentLineNumbers(kind: VismaDocKind, number: string): Promise<number[]> {
    if (kind === 'customerInvoice')
      return ((await client.getCustomerInvoice(number))?.lines ?? []).map((l) => l.lineNumber);
    return ((await client.getSupplierInvoice(number))?.invoice.lines ?? []).map((l) => l.lineNumber);
  }

  return {
    accounts: (since) =>
      read(async () =>
        (await client.listAccounts({ ...(since && { modifiedSince: vismaTimestamp(since) }) })).map((a) => ({
          accountCD: a.accountCD,
          description: a.description,
          type: a.type ?? '',
          active: a.active,
          ...(a.taxCategory && { taxCategory: a.taxCategory }),
        })),
      ),
    vatCodes: () =>
      read(async () =>
        (await client.listVatCodes()).map((c) => ({
          vatId: c.vatId,
          description: c.description,
          rate: c.rate ?? '0',
          ...((c.groupType === 'Output' || c.groupType === 'Input') && { direction: c.groupType }),
          exempt: c.type === 'ExemptVat',
          zones: c.zoneIds,
        })),
      ),
    vatCategories: () =>
      read(async () =>
        (await client.listVatCategories()).map((c) => ({
          id: c.vatCategoryId,
          active: c.active,
          vatIds: c.vatIds,
        })),
      ),
    vatZones: () =>
      read(async () => (await client.listVatZones()).map((z) => ({ id: z.id, description: z.description }))),
    segments: () =>
      read(async () =>
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
      read(async () => (await client.listBranches()).map((b) => ({ number: b.number, name: b.name }))),
    periods: () =>
      read(async () =>
        (await client.listFinancialPeriods()).map((p) => ({
          period: p.period,
          closedInCustomerLedger: p.closedInCustomerLedger || p.closedInGeneralLedger || !p.active,
          closedInSupplierLedger: p.closedInSupplierLedger || p.closedInGeneralLedger || !p.active,
        })),
      ),
    customers: (since) =>
      read(async () =>
        (await client.listCustomers({ ...(since && { modifiedSince: vismaTimestamp(since) }) })).map(party),
      ),
    suppliers: (since) =>
      read(async () =>
        (await client.listSuppliers({ ...(since && { modifiedSince: vismaTimestamp(since) }) })).map(party),
      ),
    projects: (since) =>
      read(async () =>
        (await client.listProjects({ ...(since && { modifiedSince: vismaTimestamp(since) }) })).map((p) => ({
          projectID: p.projectID,
          description: p.description,
          active: p.status === undefined || p.status === 'Active',
        })),
      ),
    createCustomer: (c) => createParty(c, (input) => client.createCustomer(input)),
    createSupplier: (v) => createParty(v, (input) => client.createSupplier(input)),
    createDocument: (d) =>
      write(() => {
        if (d.kind === 'customerInvoice') return client.createCustomerInvoice(customerInput(d));
        if (d.kind === 'customerCreditNote') return client.createCustomerCreditNote(customerInput(d));
        return client.createSupplierInvoice(supplierInput(d));
      }),
    updateDocument: async (number, d) => {
      if (d.kind === 'customerCreditNote')
        return {
          status: 'rejected',
          message: 'Visma credit notes cannot be corrected through this connector; correct it in Visma.',
        };
      return write(async () => {
        const deletes = (await currentLineNumbers(d.kind, number)).map((lineNumber) => ({
          operation: 'Delete' as const,
          lineNumber,
        }));
        if (d.kind === 'customerInvoice') {
          const { customerNumber: _c, lines, ...header } = customerInput(d);
          await client.updateCustomerInvoice(number, {
            ...header,
            lines: [...deletes, ...lines.map((l) => ({ operation: 'Insert' as const, ...l }))],
          });
        } else {
          const { supplierNumber: _s, lines, ...header } = supplierInput(d);
          await client.updateSupplierInvoice(number, {
            ...header,
            lines: [...deletes, ...lines.map((l) => ({ operation: 'Insert' as const, ...l }))],
          });
        }
      });
    },
    releaseDocument: (kind, number) => release(client, kind, number),
    deleteDocument: (kind, number) => remove(client, kind, number),
    getDocument: (kind, number) =>
      read(async () => {
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
    listChangedDocuments: (kind, since) =>
      read(async () => {
        const filter = since ? { modifiedSince: since } : {};
        if (kind === 'customerInvoice')
          return (await client.listCustomerInvoices(filter)).map((x) => foundAr(kind, x));
        if (kind === 'customerCreditNote')
          return (await client.listCustomerCreditNotes(filter)).map((x) => foundAr(kind, x));
        return (await client.listSupplierInvoices(filter)).map(foundAp);
      }),
    listDocumentsInPeriod: (kind, financialPeriod) =>
      read(async () => {
        if (kind === 'customerInvoice')
          return (await client.listCustomerInvoices({ financialPeriod })).map((x) => foundAr(kind, x));
        if (kind === 'customerCreditNote')
          return (await client.listCustomerCreditNotes({ financialPeriod })).map((x) => foundAr(kind, x));
        return (await client.listSupplierInvoices({ financialPeriod })).map(foundAp);
      }),
    findGlBatches: (module, docs) =>
      read(async () => {
        const wanted = new Set(docs.map((d) => d.number));
        const out = new Map<string, string>();
        for (const period of [...new Set(docs.map((d) => d.financialPeriod))].sort()) {
          for (const [ref, batch] of await client.glBatchNumbersByReference({ module, period }))
            if (wanted.has(ref)) out.set(ref, batch);
        }
        return out;
      }),
    landingGraceMs: () => options.landingGraceMs ?? DEFAULT_LANDING_GRACE_MS,
    callCount: () => Object.values(client.callCounts()).reduce((a, b) => a + b, 0),
  };
}

/** Releases a document and translates Visma's answer; a refusal that says why is kept apart. */
async function release(
  client: VismaClient,
  kind: VismaDocKind,
  number: string,
): Promise<WriteOutcome<ReleaseAnswer>> {
  const outcome = await write(async (): Promise<ReleaseAnswer> => {
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
  if (outcome.status !== 'rejected' || outcome.reason) return outcome;
  if (/already released/i.test(outcome.message)) return { ...outcome, reason: 'already_released' };
  return outcome;
}

/** Deletes an unreleased document; one that is already gone is a `not_found` refusal. */
async function remove(client: VismaClient, kind: VismaDocKind, number: string): Promise<WriteOutcome<void>> {
  const outcome = await write(async () =>
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
