import { describe, expect, it } from 'vitest';
import { financialPeriodOf, isAdjustmentPeriod } from '../../../main/visma/periods';
import { toVismaLocalTime } from '../../../main/visma/wire';
import { createdQuery, modifiedQuery } from '../../../main/visma/endpoints/shared';
import type { FinancialPeriod } from '../../../main/visma/schemas';

const period = (id: string, startDate: string, endDate: string): FinancialPeriod => ({
  period: id,
  startDate,
  endDate,
  active: true,
  closedInCustomerLedger: false,
  closedInSupplierLedger: false,
  closedInGeneralLedger: false,
});

describe('financial periods by date', () => {
  const periods = [
    period('202512', '2026-06-01', '2026-06-30'),
    period('202513', '2026-07-01', '2026-07-01'),
    period('202601', '2026-07-01', '2026-07-31'),
  ];

  it('maps a date to the regular period holding it, never to the day-less adjustment period', () => {
    expect(financialPeriodOf(periods, '2026-07-01')?.period).toBe('202601');
    expect(financialPeriodOf(periods, '2026-07-01T00:00:00')?.period).toBe('202601');
    expect(financialPeriodOf(periods, '2026-06-30')?.period).toBe('202512');
    expect(financialPeriodOf(periods, '2026-08-01')).toBeUndefined();
    expect(periods.map(isAdjustmentPeriod)).toEqual([false, true, false]);
  });
});

describe('company-local time', () => {
  it('renders an instant in the company time zone without offset, across daylight saving time', () => {
    expect(toVismaLocalTime('2026-06-20T10:00:00.123Z', 'Europe/Oslo')).toBe('2026-06-20T12:00:00.123');
    expect(toVismaLocalTime('2026-01-20T10:00:00Z', 'Europe/Oslo')).toBe('2026-01-20T11:00:00.000');
    expect(toVismaLocalTime(new Date('2026-03-29T00:59:59Z'), 'Europe/Oslo')).toBe('2026-03-29T01:59:59.000');
    expect(toVismaLocalTime(new Date('2026-03-29T01:00:00Z'), 'Europe/Oslo')).toBe('2026-03-29T03:00:00.000');
    expect(toVismaLocalTime('2026-06-20T02:00:00Z', 'America/New_York')).toBe('2026-06-19T22:00:00.000');
    expect(() => toVismaLocalTime('yesterday', 'Europe/Oslo')).toThrow(/Not a point in time/);
  });

  it('sends filter timestamps as local date-times and refuses ones with an offset', () => {
    expect(modifiedQuery({ modifiedSince: '2026-06-20T12:00:00.000' })).toEqual({
      lastModifiedDateTime: '2026-06-20T12:00:00.000',
      lastModifiedDateTimeCondition: '>=',
    });
    expect(createdQuery({ createdSince: '2026-06-20', createdCondition: '>' })).toEqual({
      createdDateTime: '2026-06-20',
      createdDateTimeCondition: '>',
    });
    expect(modifiedQuery({})).toEqual({});
    expect(() => modifiedQuery({ modifiedSince: '2026-06-20T12:00:00Z' })).toThrow(
      /without a time zone offset/,
    );
    expect(() => createdQuery({ createdSince: '2026-06-20T12:00:00+02:00' })).toThrow(
      /without a time zone offset/,
    );
  });
});
