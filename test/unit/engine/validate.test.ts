import { describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../shared/sync-settings';
import type { PlannedDocument } from '../../../main/engine/domain';
import { resolveDocument } from '../../../main/engine/mapping/resolve';
import { validatePlanned } from '../../../main/engine/validate';
import { invoice, line, masterData, resolveContext } from './fixtures';

function planned(overrides: Parameters<typeof invoice>[0] = {}): PlannedDocument {
  const r = resolveDocument(invoice(overrides), resolveContext());
  if (!r.ok) throw new Error('fixture does not resolve');
  return r.planned;
}

describe('validatePlanned', () => {
  const settings = defaultSyncSettings();

  it('accepts a valid document', () => {
    expect(validatePlanned(planned(), masterData(), settings).problems).toEqual([]);
  });

  it('refuses an inactive customer and an inactive account', () => {
    const p = { ...planned(), partyNumber: '10005' };
    p.lines = [{ ...p.lines[0]!, accountNumber: '3099' }];
    expect(validatePlanned(p, masterData(), settings).problems.map((x) => x.code)).toEqual([
      'customer_inactive',
      'account_inactive',
    ]);
  });

  it('refuses a VAT code outside the account category', () => {
    const p = planned({ lines: [line({ glAccountNumber: '3050' })] });
    p.lines = [{ ...p.lines[0]!, vatCodeId: '3' }];
    expect(validatePlanned(p, masterData(), settings).problems.map((x) => x.code)).toEqual([
      'vat_code_invalid',
    ]);
  });

  it('waits with period_closed, or moves to the first open period when the setting says so', () => {
    const p = planned({ documentDate: '2026-02-10T10:00:00Z' });
    expect(validatePlanned(p, masterData(), settings).problems.map((x) => x.code)).toEqual(['period_closed']);
    const moved = validatePlanned(p, masterData(), { ...settings, postIntoFirstOpenPeriod: true });
    expect(moved.problems).toEqual([]);
    expect(moved.planned.financialPeriod).toBe('202603');
    expect(moved.notes[0]).toMatch(/202602 is closed.*202603/);
  });

  it('flags a missing period', () => {
    expect(
      validatePlanned(planned({ documentDate: '2027-05-10T10:00:00Z' }), masterData(), settings).problems[0]!
        .code,
    ).toBe('period_missing');
  });
});
