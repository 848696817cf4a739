import { describe, expect, it } from 'vitest';
import { serviceTitanPort } from '../../../../main/engine/adapters/servicetitan';
import { vismaPort } from '../../../../main/engine/adapters/visma';
import type { PlannedDocument } from '../../../../main/engine/domain';
import { FatalSyncError, RecordCallError } from '../../../../main/engine/ports';
import {
  StRequestRejectedError,
  StScopeError,
  StUnavailableError,
  StWriteUncertainError,
  type ServiceTitanClient,
} from '../../../../main/servicetitan';
import { UncertainWriteError, VismaError, mapVismaError, type VismaClient } from '../../../../main/visma';

/** A client whose named methods do what is given; the ports under test touch nothing else. */
const vismaClient = (methods: Record<string, unknown>) =>
  ({ callCounts: () => ({}), ...methods }) as unknown as VismaClient;
const stClient = (parts: Record<string, unknown>) =>
  ({ calls: () => ({ total: 0 }), ...parts }) as unknown as ServiceTitanClient;

const failing = (err: Error) => () => Promise.reject(err);
const refusal = (status: number, message: string) =>
  new VismaError(mapVismaError(status, { message }, 'POST /v2/customerinvoice'));
const fields = {
  name: 'Rør AS',
  active: 'active',
  street: '',
  zip: '',
  city: '',
  country: '',
  email: '',
  phone: '',
};
const invoice: PlannedDocument = {
  kind: 'customerInvoice',
  partyNumber: '10001',
  date: '2024-03-01',
  financialPeriod: '202403',
  externalReference: 'ST-1-INV-5',
  text: 'Invoice 5',
  hold: false,
  lines: [],
  expected: { amount: '0.00', vat: '0.00' },
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('the Visma port classifies every method through one classifier', () => {
  it('returns document-write outcomes: uncertain, refused with the reason, and throws a fatal failure', async () => {
    const port = vismaPort(
      vismaClient({
        createCustomerInvoice: failing(new UncertainWriteError('POST /v2/customerinvoice', 'no answer')),
        releaseCustomerInvoice: failing(refusal(400, 'The previous operation has not been completed yet.')),
        releaseCustomerCreditNote: failing(refusal(400, 'Document is already released.')),
        deleteCustomerInvoice: failing(refusal(404, 'Not found')),
        releaseSupplierInvoice: failing(
          new VismaError({ code: 'network', message: 'Could not reach Visma.' }),
        ),
      }),
    );
    expect(await port.createDocument(invoice)).toMatchObject({ status: 'uncertain' });
    expect(await port.releaseDocument('customerInvoice', '1')).toMatchObject({
      status: 'rejected',
      reason: 'in_progress',
    });
    expect(await port.releaseDocument('customerCreditNote', '2')).toMatchObject({
      status: 'rejected',
      reason: 'already_released',
    });
    expect(await port.deleteDocument('customerInvoice', '3')).toMatchObject({
      status: 'rejected',
      reason: 'not_found',
    });
    const fatal = await rejection(port.releaseDocument('supplierInvoice', '4'));
    expect(fatal).toBeInstanceOf(FatalSyncError);
    expect((fatal as Error).message).toBe('Visma: Could not reach Visma.');
  });

  it('ends the run when a pipeline party create is still throttled (it was not sent)', async () => {
    const port = vismaPort(vismaClient({ createSupplier: failing(refusal(429, 'Too many requests')) }), {
      newPartyVatZone: '01',
    });
    const err = await rejection(port.createSupplier({ id: '7', name: 'Rør AS', active: true }));
    expect(err).toBeInstanceOf(FatalSyncError);
    expect((err as Error).message).toMatch(/^Visma: Visma asked us to slow down/);
  });

  it('throws alignment-write failures as record errors and connection failures as fatal', async () => {
    const refused = refusal(400, 'Field X is required.');
    const port = vismaPort(
      vismaClient({
        createSupplier: failing(refused),
        createCustomer: failing(new UncertainWriteError('POST /v1/customer', 'no answer')),
        listSuppliers: failing(refusal(403, 'Forbidden')),
      }),
    );
    const err = await rejection(port.createSupplierRecord(fields));
    expect(err).toBeInstanceOf(RecordCallError);
    expect(err).toMatchObject({
      system: 'Visma',
      outcome: 'refused',
      message: refused.message,
      cause: refused,
    });
    expect(await rejection(port.createCustomerRecord({ fields }))).toMatchObject({
      outcome: 'uncertain',
    });
    const fatal = await rejection(port.supplierRecords());
    expect(fatal).toBeInstanceOf(FatalSyncError);
    expect((fatal as Error).message).toMatch(/^Visma: Visma refused access/);
  });

  it('passes errors that are not the client’s on untouched', async () => {
    const bug = new TypeError('cannot read lines of undefined');
    const port = vismaPort(vismaClient({ getCustomerInvoice: failing(bug) }));
    expect(await rejection(port.getDocument('customerInvoice', '1'))).toBe(bug);
  });
});

describe('the ServiceTitan port classifies every method through one classifier', () => {
  it('ends the run on a missing scope or an unreachable feed, naming ServiceTitan', async () => {
    async function* feed() {
      yield await Promise.resolve({ data: [], continueFrom: 'a' });
      throw new StUnavailableError('invoices export', 'connection refused');
    }
    const port = serviceTitanPort(
      stClient({
        vendors: {
          list: () => ({
            [Symbol.asyncIterator]: () =>
              failingIterator(new StScopeError('tn.vnd:r', 'read vendors', 'GET vendors')),
          }),
        },
        invoices: { exportFeed: feed },
      }),
      'guid',
    );
    const scope = await rejection(port.vendorRecords());
    expect(scope).toBeInstanceOf(FatalSyncError);
    expect((scope as Error).message).toMatch(
      /^ServiceTitan: The ServiceTitan app is not allowed to read vendors/,
    );
    const batches: unknown[] = [];
    const unreachable = await rejection(
      (async () => {
        for await (const batch of port.invoiceChanges(undefined)) batches.push(batch);
      })(),
    );
    expect(batches).toHaveLength(1);
    expect(unreachable).toBeInstanceOf(FatalSyncError);
  });

  it('throws refused and uncertain writes as record errors', async () => {
    const port = serviceTitanPort(
      stClient({
        vendors: { create: failing(new StWriteUncertainError('POST vendors', 'no answer')) },
        invoices: {
          markAsExported: failing(
            new StRequestRejectedError('POST invoices/markasexported', 400, ['bad id']),
          ),
        },
      }),
      'guid',
    );
    expect(await rejection(port.createVendor(fields, '30001'))).toMatchObject({
      system: 'ServiceTitan',
      outcome: 'uncertain',
    });
    const refused = await rejection(port.markInvoicesExported([{ stId: '1', vismaNumber: '100' }]));
    expect(refused).toBeInstanceOf(RecordCallError);
    expect(refused).toMatchObject({
      outcome: 'refused',
      message: 'ServiceTitan rejected the request: bad id.',
    });
  });
});

function failingIterator(err: Error): AsyncIterator<never> {
  return { next: () => Promise.reject(err) };
}
