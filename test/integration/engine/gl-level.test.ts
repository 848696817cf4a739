import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncSettings } from '../../../shared/sync-settings';
import { loadRules } from '../../../main/engine/mapping/rule-store';
import { loadMasterData } from '../../../main/engine/master-data/cache';
import type { VismaDocKind } from '../../../main/engine/domain';
import { glAccountsOfProfile, glLevel } from '../../../main/engine/reconcile/gl-level';
import type { GlLevel } from '../../../main/engine/reconcile/types';
import { startHarness, type Harness } from './harness';
import { postManualJournal, vismaCall } from './visma-official';

const KINDS: VismaDocKind[] = ['customerInvoice', 'customerCreditNote', 'supplierInvoice'];
describe('the GL level of the month-end close against the simulators', () => {
  let h: Harness;
  let period: string;

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 80, bills: 25 }, sync: { holdingAccount: '2900' } });
    await h.sync();
    h.visma.finishReleases();
    // The busiest financial period with posted documents.
    const perPeriod = new Map<string, number>();
    for (const b of h.visma.company().batches.values())
      perPeriod.set(b.financialPeriod, (perPeriod.get(b.financialPeriod) ?? 0) + 1);
    period = [...perPeriod].sort((a, b) => b[1] - a[1])[0]![0];
  });

  afterAll(async () => {
    await h.stop();
  });

  /** Reads the period from Visma through the real port and computes the GL level, counting the balance calls. */
  async function level(): Promise<{ gl: GlLevel; balanceCalls: number }> {
    h.visma.resetCounters();
    const visma = h.ports.visma;
    const documents = (await Promise.all(KINDS.map((k) => visma.listDocumentsInPeriod(k, period)))).flat();
    const balances = await visma.glBalances(period);
    const master = loadMasterData(h.db, h.config.id);
    const accounts = glAccountsOfProfile({
      rules: loadRules(h.db, h.config.id),
      settings: SyncSettings.parse(h.config.sync ?? {}),
      master: { accounts: master.accounts.values(), vatCodes: master.vatCodes.values() },
      documents,
    });
    const gl = glLevel({ balances, documents, accounts, vatCodes: [...master.vatCodes.values()] });
    return {
      gl,
      balanceCalls: h.visma.counters().byEndpoint.GeneralLedgerBalanceV2_GetGeneralLedgerBalances ?? 0,
    };
  }

  it('finds nothing unexplained on a clean month, in one balance call', async () => {
    const { gl, balanceCalls } = await level();
    expect(balanceCalls).toBe(1);
    const roles = new Set(gl.accounts.flatMap((l) => l.roles));
    expect([...roles].sort()).toEqual(['expense', 'holding', 'payables', 'receivables', 'revenue', 'vat']);
    expect(gl.accounts.find((l) => l.roles.includes('receivables'))).toMatchObject({ account: '1500' });
    // The month really moved the accounts: the check compares something.
    expect(gl.accounts.filter((l) => l.net !== '0.00').length).toBeGreaterThan(4);
    expect(gl.unexplainedAccounts).toEqual([]);
  });

  it('explains an invoice reversed in Visma by its credit note, which names the invoice it reverses', async () => {
    const invoices = await h.ports.visma.listDocumentsInPeriod('customerInvoice', period);
    const original = invoices.find((d) => d.released)!;
    const call = await vismaCall(h);
    const reversed = await call('POST', `/v1/customerinvoice/${original.number}/action/reverse`, {});
    const creditNote = ((await reversed.json()) as { referenceNumber: string }).referenceNumber;
    await call('POST', `/v1/customerCreditNote/${creditNote}/action/release`);
    h.visma.finishReleases();
    const notes = await h.ports.visma.listDocumentsInPeriod('customerCreditNote', period);
    expect(original.partyName).toEqual(expect.any(String));
    expect(notes.find((d) => d.number === creditNote)).toMatchObject({
      released: true,
      documentType: 'CreditNote',
      reversalOf: original.number,
      partyName: original.partyName,
      lineAccounts: original.lineAccounts,
    });
    expect((await level()).gl.unexplainedAccounts).toEqual([]);
  });

  it('names exactly the revenue account a manual journal was posted on, with its amount', async () => {
    const { gl: before } = await level();
    const revenue = before.accounts.find((l) => l.roles.includes('revenue') && l.net !== '0.00')!;
    // A correction moving 250.00 of revenue to the bank account (not an account the close checks).
    await postManualJournal(h, period, [
      [revenue.account, 250, 0],
      ['1920', 0, 250],
    ]);
    const { gl } = await level();
    expect(gl.unexplainedAccounts).toEqual([revenue.account]);
    expect(gl.accounts.find((l) => l.account === revenue.account)!.unexplained).toBe('250.00');
  });
});
