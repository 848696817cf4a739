import { describe, expect, it } from 'vitest';
import { money } from '../../../../shared/money';
import { defaultSyncSettings } from '../../../../shared/sync-settings';
import { emptyRules } from '../../../../main/engine/mapping/rules';
import type { FoundDocument, GlBalance } from '../../../../main/engine/ports';
import type { GlVatCode } from '../../../../main/engine/reconcile/gl-level';
import { glAccountsOfProfile, glLevel } from '../../../../main/engine/reconcile/gl-level';
import type { GlRole } from '../../../../main/engine/reconcile/types';

/** A released Visma document of June 2026 with lines per account and VAT per code (gross = net + VAT). */
function doc(
  kind: FoundDocument['kind'],
  number: string,
  lines: [string, string][],
  vat: [string, string][],
  over: Partial<FoundDocument> = {},
): FoundDocument {
  const net = lines.reduce((s, [, a]) => s.plus(a), money(0));
  const vatTotal = vat.reduce((s, [, a]) => s.plus(a), money(0));
  return {
    kind,
    number,
    partyNumber: kind === 'supplierInvoice' ? '20001' : '10001',
    date: '2026-06-05',
    financialPeriod: '202606',
    status: 'Open',
    released: true,
    hold: false,
    amount: net.plus(vatTotal).toFixed(2),
    vatTotal: vatTotal.toFixed(2),
    documentType: kind === 'customerCreditNote' ? 'CreditNote' : 'Invoice',
    lineAccounts: lines.map(([account, amount]) => ({ account, amount })),
    vatDetails: vat.map(([vatId, amount]) => ({ vatId, amount })),
    ...over,
  };
}

const VAT_CODES: GlVatCode[] = [
  { vatId: '3', payableAccount: '2700', claimableAccount: '2700' },
  { vatId: '1', payableAccount: '2710', claimableAccount: '2710' },
];

const ACCOUNTS: { account: string; role: GlRole }[] = [
  { account: '3000', role: 'revenue' },
  { account: '3010', role: 'revenue' },
  { account: '4000', role: 'expense' },
  { account: '2900', role: 'holding' },
  { account: '1500', role: 'receivables' },
  { account: '2400', role: 'payables' },
  { account: '2700', role: 'vat' },
  { account: '2710', role: 'vat' },
];

/** A month: an invoice, a credit note, a supplier invoice and its debit adjustment, and one unreleased invoice. */
const MONTH: FoundDocument[] = [
  doc(
    'customerInvoice',
    '100001',
    [
      ['3000', '100.00'],
      ['3010', '20.00'],
    ],
    [['3', '30.00']],
  ),
  doc('customerCreditNote', '200001', [['3000', '40.00']], [['3', '10.00']]),
  doc('supplierInvoice', '300001', [['4000', '80.00']], [['1', '20.00']]),
  doc('supplierInvoice', '700001', [['4000', '40.00']], [['1', '10.00']], { documentType: 'DebitAdj' }),
  doc('customerInvoice', '100002', [['3000', '999.00']], [['3', '249.75']], {
    released: false,
    status: 'Balanced',
  }),
];

/** What the simulator's releases write for `MONTH` (see `test/simulators/visma/release.ts`). */
const BALANCES: GlBalance[] = [
  { account: '1500', description: 'Receivables', debit: '150.00', credit: '50.00' },
  { account: '2400', description: 'Payables', debit: '50.00', credit: '100.00' },
  { account: '2700', description: 'Output VAT', debit: '10.00', credit: '30.00' },
  { account: '2710', description: 'Input VAT', debit: '20.00', credit: '10.00' },
  { account: '3000', description: 'Services', debit: '40.00', credit: '100.00' },
  { account: '3010', description: 'Materials', debit: '0.00', credit: '20.00' },
  { account: '4000', description: 'Materials bought', debit: '80.00', credit: '40.00' },
];

const line = (level: ReturnType<typeof glLevel>, account: string) =>
  level.accounts.find((l) => l.account === account)!;

function withBalance(account: string, debit: string, credit: string): GlBalance[] {
  return BALANCES.map((b) =>
    b.account === account
      ? {
          ...b,
          debit: money(b.debit).plus(debit).toFixed(2),
          credit: money(b.credit).plus(credit).toFixed(2),
        }
      : b,
  );
}

describe('glLevel', () => {
  it('explains a clean month on every account to the cent', () => {
    const level = glLevel({ balances: BALANCES, documents: MONTH, accounts: ACCOUNTS, vatCodes: VAT_CODES });
    expect(level.unexplainedAccounts).toEqual([]);
    expect(level.accounts.map((l) => [l.account, l.net, l.explained])).toEqual([
      ['1500', '100.00', '100.00'],
      ['2400', '-50.00', '-50.00'],
      ['2700', '-20.00', '-20.00'],
      ['2710', '10.00', '10.00'],
      ['2900', '0.00', '0.00'],
      ['3000', '-60.00', '-60.00'],
      ['3010', '-20.00', '-20.00'],
      ['4000', '40.00', '40.00'],
    ]);
    expect(line(level, '3000')).toMatchObject({
      description: 'Services',
      roles: ['revenue'],
      debit: '40.00',
    });
  });

  it('names the revenue account of a manual journal with the journal amount', () => {
    // Debit 3000 250.00 against the bank (1920, not in scope).
    const level = glLevel({
      balances: withBalance('3000', '250.00', '0'),
      documents: MONTH,
      accounts: ACCOUNTS,
      vatCodes: VAT_CODES,
    });
    expect(level.unexplainedAccounts).toEqual(['3000']);
    expect(line(level, '3000').unexplained).toBe('250.00');
  });

  it('shows a line posted on the wrong account on both accounts', () => {
    // The GL has 100.00 of the invoice's 3000 line on 3010.
    const balances = withBalance('3000', '0', '-100.00').map((b) =>
      b.account === '3010' ? { ...b, credit: '120.00' } : b,
    );
    const level = glLevel({ balances, documents: MONTH, accounts: ACCOUNTS, vatCodes: VAT_CODES });
    expect(level.unexplainedAccounts).toEqual(['3000', '3010']);
    expect(line(level, '3000').unexplained).toBe('100.00');
    expect(line(level, '3010').unexplained).toBe('-100.00');
  });

  it('lets unreleased documents explain nothing', () => {
    const unreleased = MONTH.map((d) => ({ ...d, released: false, status: 'Balanced' }));
    const empty = glLevel({ balances: [], documents: unreleased, accounts: ACCOUNTS, vatCodes: VAT_CODES });
    expect(empty.unexplainedAccounts).toEqual([]);
    expect(empty.accounts.every((l) => l.explained === '0.00')).toBe(true);
    // Booked in the GL while the lists show them unreleased: every touched account is named.
    const booked = glLevel({
      balances: BALANCES,
      documents: unreleased,
      accounts: ACCOUNTS,
      vatCodes: VAT_CODES,
    });
    expect(booked.unexplainedAccounts).toEqual(['1500', '2400', '2700', '2710', '3000', '3010', '4000']);
  });

  it('checks the VAT accounts together when the VAT codes are not known', () => {
    const level = glLevel({ balances: BALANCES, documents: MONTH, accounts: ACCOUNTS });
    expect(level.unexplainedAccounts).toEqual([]);
    expect(line(level, '2700+2710')).toMatchObject({ roles: ['vat'], net: '-10.00', explained: '-10.00' });
    expect(level.accounts.some((l) => l.account === '2700')).toBe(false);
    const off = glLevel({ balances: withBalance('2710', '5.00', '0'), documents: MONTH, accounts: ACCOUNTS });
    expect(off.unexplainedAccounts).toEqual(['2700+2710']);
  });

  it('merges the roles of an account named twice and counts it once', () => {
    const accounts = [...ACCOUNTS, { account: '3000', role: 'expense' as const }];
    const level = glLevel({ balances: BALANCES, documents: MONTH, accounts, vatCodes: VAT_CODES });
    expect(line(level, '3000')).toMatchObject({ roles: ['revenue', 'expense'], explained: '-60.00' });
    expect(level.accounts.filter((l) => l.account === '3000')).toHaveLength(1);
  });

  it('puts receivables on the account each customer document names', () => {
    const documents = MONTH.map((d) => (d.number === '200001' ? { ...d, ledgerAccount: '1510' } : d));
    const accounts = [...ACCOUNTS, { account: '1510', role: 'receivables' as const }];
    const balances = [
      ...withBalance('1500', '0', '-50.00'),
      { account: '1510', description: null, debit: '0.00', credit: '50.00' },
    ];
    const level = glLevel({ balances, documents, accounts, vatCodes: VAT_CODES });
    expect(level.unexplainedAccounts).toEqual([]);
    expect(line(level, '1510').explained).toBe('-50.00');
  });
});

describe('glAccountsOfProfile', () => {
  it('takes mapped, holding, document and control accounts, with roles', () => {
    const rules = emptyRules();
    rules.revenueBySku['11'] = { account: '3000' };
    rules.revenueByBusinessUnit['5'] = { account: '3020' };
    rules.expenseByGlAccount['5000'] = { account: '4010' };
    rules.accountByVatCode['1'] = { account: '4050' };
    const settings = { ...defaultSyncSettings(), holdingAccount: '2900' };
    const master = {
      accounts: [
        { accountCD: '1500', description: '', type: 'Asset', active: true, controlAccountModule: 'AR' },
        { accountCD: '2400', description: '', type: 'Liability', active: true, controlAccountModule: 'AP' },
      ],
      vatCodes: [
        {
          vatId: '3',
          description: '',
          rate: '25',
          exempt: false,
          zones: [],
          payableAccount: '2700',
          claimableAccount: '2700',
        },
        {
          vatId: '1',
          description: '',
          rate: '25',
          direction: 'Input' as const,
          exempt: false,
          zones: [],
          claimableAccount: '2710',
        },
      ],
    };
    const documents = [
      doc(
        'customerInvoice',
        '1',
        [
          ['3050', '10.00'],
          ['2900', '5.00'],
        ],
        [],
      ),
    ];
    const found = glAccountsOfProfile({ rules, settings, master, documents });
    expect(found).toEqual([
      { account: '3000', role: 'revenue' },
      { account: '3020', role: 'revenue' },
      { account: '4010', role: 'expense' },
      { account: '4050', role: 'expense' },
      { account: '2900', role: 'holding' },
      { account: '3050', role: 'revenue' },
      { account: '1500', role: 'receivables' },
      { account: '2400', role: 'payables' },
      { account: '2700', role: 'vat' },
      { account: '2710', role: 'vat' },
    ]);
  });

  it('prefers the close accounts of the settings and the receivables account the documents name', () => {
    const settings = {
      ...defaultSyncSettings(),
      closeAccounts: { receivables: null, payables: '2410', vat: ['2701'] },
    };
    const documents = [doc('customerInvoice', '1', [], [], { ledgerAccount: '1510' })];
    const master = {
      accounts: [
        { accountCD: '1500', description: '', type: 'Asset', active: true, controlAccountModule: 'AR' },
      ],
    };
    expect(glAccountsOfProfile({ rules: emptyRules(), settings, master, documents })).toEqual([
      { account: '1510', role: 'receivables' },
      { account: '2410', role: 'payables' },
      { account: '2701', role: 'vat' },
    ]);
    expect(defaultSyncSettings().closeAccounts).toEqual({ receivables: null, payables: null, vat: [] });
  });
});
