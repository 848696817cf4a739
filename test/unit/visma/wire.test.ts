import { describe, expect, it } from 'vitest';
import {
  compact,
  keyFromLocation,
  localDateTime,
  wrap,
  wrapAmount,
  wrapDate,
} from '../../../main/visma/wire';
import { customerInvoiceBody, partyBody, supplierInvoiceBody } from '../../../main/visma/bodies';
import { UncertainWriteError } from '../../../main/visma/errors';

describe('value wrapper and wire helpers', () => {
  it('wraps scalars and leaves absent fields out', () => {
    expect(wrap('10001')).toEqual({ value: '10001' });
    expect(wrap(undefined)).toBeUndefined();
    expect(wrapAmount('1234.50')).toEqual({ value: 1234.5 });
    expect(() => wrapAmount('abc')).toThrow();
    expect(compact({ a: 1, b: undefined })).toEqual({ a: 1 });
  });

  it('sends local dates without offset and refuses instants', () => {
    expect(localDateTime('2025-01-27')).toBe('2025-01-27T00:00:00');
    expect(localDateTime('2025-01-27T13:45:00')).toBe('2025-01-27T13:45:00');
    expect(wrapDate('2025-01-27')).toEqual({ value: '2025-01-27T00:00:00' });
    expect(() => localDateTime('2025-01-27T13:45:00Z')).toThrow(/without a time zone offset/);
    expect(() => localDateTime('2025-01-27T13:45:00+01:00')).toThrow();
  });

  it('takes the new key from the last segment of Location', () => {
    expect(keyFromLocation('https://api.finance.visma.net/v1/customerinvoice/100017', 'x')).toBe('100017');
    expect(keyFromLocation('/v1/supplier/A%2FB/', 'x')).toBe('A/B');
    expect(keyFromLocation('http://h/v1/customer/123?x=1', 'x')).toBe('123');
    // Stored but unnumbered: an uncertain write (settled by a look-up), never a refusal.
    expect(() => keyFromLocation(undefined, 'POST /v1/customer')).toThrow(/without a Location header/);
    expect(() => keyFromLocation('', 'POST /v1/customer')).toThrow(UncertainWriteError);
  });
});

describe('update DTO bodies', () => {
  it('builds a customer invoice with wrapped scalars, Insert lines and unwrapped subaccount segments', () => {
    const body = customerInvoiceBody({
      customerNumber: '10001',
      documentDate: '2025-03-10',
      externalReference: 'ST-1',
      lines: [
        {
          description: 'Labour',
          quantity: '1.5',
          unitPrice: '999.99',
          accountNumber: '3000',
          vatCodeId: '3',
          subaccount: [{ segmentId: 1, segmentValue: '10' }],
        },
      ],
    });
    expect(body).toEqual({
      customerNumber: { value: '10001' },
      documentDate: { value: '2025-03-10T00:00:00' },
      externalReference: { value: 'ST-1' },
      invoiceLines: [
        {
          operation: 'Insert',
          description: { value: 'Labour' },
          quantity: { value: 1.5 },
          unitPriceInCurrency: { value: 999.99 },
          accountNumber: { value: '3000' },
          vatCodeId: { value: '3' },
          subaccount: [{ segmentId: 1, segmentValue: '10' }],
        },
      ],
    });
  });

  it('builds update and delete line operations and own numbering', () => {
    expect(
      customerInvoiceBody({
        lines: [
          { operation: 'Update', lineNumber: 2, quantity: '4' },
          { operation: 'Delete', lineNumber: 3 },
        ],
      }),
    ).toEqual({
      invoiceLines: [
        { operation: 'Update', lineNumber: { value: 2 }, quantity: { value: 4 } },
        { operation: 'Delete', lineNumber: { value: 3 } },
      ],
    });
    expect(
      customerInvoiceBody({
        customerNumber: '1',
        documentDate: '2025-01-01',
        referenceNumber: 'ST-9',
        lines: [],
      }),
    ).toMatchObject({ referenceNumber: { value: 'ST-9' }, overrideNumberSeries: { value: true } });
  });

  it('builds supplier invoices and parties', () => {
    expect(
      supplierInvoiceBody(
        {
          supplierNumber: '20001',
          date: '2025-03-01',
          lines: [{ description: 'Pipe', unitCost: '10', accountNumber: '4000' }],
        },
        true,
      ),
    ).toEqual({
      documentType: { value: 'Invoice' },
      supplierNumber: { value: '20001' },
      date: { value: '2025-03-01T00:00:00' },
      invoiceLines: [
        {
          operation: 'Insert',
          transactionDescription: { value: 'Pipe' },
          quantity: { value: 1 },
          unitCostInCurrency: { value: 10 },
          accountNumber: { value: '4000' },
        },
      ],
    });
    expect(partyBody({ name: 'A', city: 'Oslo', email: 'a@b.no' })).toEqual({
      name: { value: 'A' },
      mainAddress: { value: { city: { value: 'Oslo' } } },
      mainContact: { value: { email: { value: 'a@b.no' } } },
    });
    expect(partyBody({ name: 'B', customerClassId: 'COMM' })).toEqual({
      name: { value: 'B' },
      customerClassId: { value: 'COMM' },
    });
  });
});
