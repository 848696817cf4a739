import { describe, expect, it } from 'vitest';
import { primaryEmails } from '../../../../main/engine/alignment/contacts';
import { customerSegmentValue } from '../../../../main/engine/mapping/resolve';

describe('primaryEmails', () => {
  it('prefers the invoice e-mail contact, then the oldest; ignores phones and blanks', () => {
    const c = (id: number, customerId: number, type: string, value: string, invoices = false) => ({
      id,
      customerId,
      type,
      value,
      invoices,
    });
    const out = primaryEmails([
      c(5, 1, 'Email', 'old@a.no'),
      c(9, 1, 'Email', ' invoices@a.no ', true),
      c(3, 1, 'Phone', '+47 22 00 00 00', true),
      c(7, 2, 'Email', 'second@b.no'),
      c(6, 2, 'Email', 'first@b.no'),
      c(8, 3, 'Email', '  '),
    ]);
    expect(Object.fromEntries(out)).toEqual({ '1': 'invoices@a.no', '2': 'first@b.no' });
  });
});

describe('customerSegmentValue', () => {
  const rules = {
    customerTypeSegment: { Residential: { segmentValue: '10' } },
    customerTagSegment: { '805': { segmentValue: '50' }, '801': { segmentValue: '30' } },
  };
  it('uses a mapped tag before the type, the lowest tag id first', () => {
    expect(customerSegmentValue({ type: 'Residential', tagTypeIds: ['805', '801'] }, rules)).toBe('30');
    expect(customerSegmentValue({ type: 'Residential', tagTypeIds: ['900'] }, rules)).toBe('10');
    expect(customerSegmentValue({ type: 'Residential' }, rules)).toBe('10');
    expect(customerSegmentValue({ type: 'Commercial', tagTypeIds: [] }, rules)).toBeUndefined();
  });
});
