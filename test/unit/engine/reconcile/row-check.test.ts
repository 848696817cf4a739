import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vismaKindOf } from '../../../../main/engine/mapping/resolve';
import type { SourceDocument } from '../../../../main/engine/domain';
import { docTypeOf } from '../../../../main/engine/reconcile/ledger-side';
import { rowChecker } from '../../../../main/engine/reconcile/row-check';

const Row = z.object({
  id: z.number(),
  kind: z.enum(['invoice', 'ap-bill']),
  name: z.string(),
  note: z.string().nullable(),
  count: z.number().nullable(),
});

describe('the fast row check', () => {
  const check = rowChecker(Row);

  it('passes rows of the schema through', () => {
    const rows = [
      { id: 1, kind: 'invoice', name: 'a', note: null, count: 2 },
      { id: 2, kind: 'ap-bill', name: 'b', note: 'x', count: null },
    ];
    expect(check(rows)).toEqual(rows);
  });

  it.each([
    { id: '1', kind: 'invoice', name: 'a', note: null, count: 2 },
    { id: 1, kind: 'bill', name: 'a', note: null, count: 2 },
    { id: 1, kind: 'invoice', name: null, note: null, count: 2 },
    { id: 1, kind: 'invoice', name: 'a', count: 2 },
    { id: 1, kind: 'invoice', name: 'a', note: null, count: Number.NaN },
  ])('refuses a row that does not fit, with zod’s message (%o)', (row) => {
    expect(() => check([{ id: 0, kind: 'invoice', name: 'ok', note: null, count: null }, row])).toThrow(
      z.ZodError,
    );
  });

  it('cannot be built for a schema it cannot check fast', () => {
    expect(() => rowChecker(z.object({ when: z.date() }))).toThrow(/cannot check/);
  });
});

describe("the close's document type", () => {
  it.each(['100.00', '-100.00', '0', '-0.00', '-0.001', '1e3'])(
    'follows vismaKindOf for an invoice of %s, and a bill is an AP bill',
    (total) => {
      const invoice = { kind: 'invoice', total } as const;
      const kind = vismaKindOf({ ...invoice } as SourceDocument);
      expect(docTypeOf(invoice)).toBe(kind === 'customerCreditNote' ? 'creditNote' : 'invoice');
      expect(docTypeOf({ kind: 'ap-bill', total })).toBe('apBill');
    },
  );
});
