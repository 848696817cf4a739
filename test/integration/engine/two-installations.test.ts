import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../main/engine/outbox/store';
import type { SyncSummary } from '../../../main/engine/run-sync';
import { listAudit } from '../../../main/storage/audit';
import { openLedger } from '../../../main/storage/ledger';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';
import { expectNoDuplicatesViaApi } from './api-checks';
import { startHarness, type Harness, type Installation } from './harness';

/** Every adoption a side made is explained as another installation's (or an earlier ledger's) posting. */
function expectAdoptionsExplained(db: Harness['db'], summary: SyncSummary): void {
  if (summary.visma.duplicatesRemoved > 0) expect(summary.otherInstallation).toBe(true);
  if (summary.visma.adopted + summary.visma.rebuilt === 0) return;
  expect(summary.otherInstallation).toBe(true);
  const texts = listAudit(db, { action: 'document.adopted', limit: 1000 }).map((a) => a.message ?? '');
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) expect(t).toMatch(/another installation|reached Visma/);
}

describe('two installations syncing one tenant into one company (acceptance 1)', () => {
  let h: Harness | undefined;
  let second: Installation | undefined;
  afterEach(async () => {
    second?.stop();
    second = undefined;
    await h?.stop();
    h = undefined;
  });

  it('at the same moment, then again: nothing is posted twice, and each side says another installation posted what it adopted', async () => {
    h = await startHarness({ st: { invoices: 120, bills: 30 } });
    second = await h.installation();
    const [a, b] = await Promise.all([h.sync(), second.sync()]);
    await expectNoDuplicatesViaApi(h);
    expectAdoptionsExplained(h.db, a);
    expectAdoptionsExplained(second.db, b);
    // Both posted into the same company: between them, every document Visma holds was created once.
    const posted = a.documents.invoices.posted + a.documents.bills.posted;
    const otherPosted = b.documents.invoices.posted + b.documents.bills.posted;
    expect(posted + otherPosted).toBeGreaterThan(50);

    const [a2, b2] = await Promise.all([h.sync(), second.sync()]);
    const docs = await expectNoDuplicatesViaApi(h);
    expectAdoptionsExplained(h.db, a2);
    expectAdoptionsExplained(second.db, b2);
    // Each ledger ends with the same Visma number for every document both posted.
    const numbers = (db: Installation['db']) =>
      new Map(
        listOutbox(db, h!.config.id)
          .filter((r) => r.vismaDocNumber)
          .map((r) => [r.externalReference, `${r.vismaDocType}:${r.vismaDocNumber}`]),
      );
    const mine = numbers(h.db);
    const theirs = numbers(second.db);
    for (const [marker, number] of mine) if (theirs.has(marker)) expect(theirs.get(marker)).toBe(number);
    expect(docs.size).toBeGreaterThan(50);
  });

  it('a second installation that starts later adopts what the first posted and says so', async () => {
    // The first installation does not mark documents exported, so ServiceTitan still offers them to the second.
    h = await startHarness({ st: { invoices: 60, bills: 15 }, sync: { markExported: false } });
    await h.sync();
    const before = await expectNoDuplicatesViaApi(h);
    second = await h.installation();
    const later = await second.sync();
    const after = await expectNoDuplicatesViaApi(h);
    expect(after.size).toBe(before.size);
    expect(later.documents.invoices.posted + later.documents.bills.posted).toBeGreaterThan(0);
    expect(later.visma.rebuilt).toBeGreaterThan(0);
    expect(later.otherInstallation).toBe(true);
    expectAdoptionsExplained(second.db, later);
  });

  it.each([
    ['a new, empty data folder', 'new'],
    ['a reset ledger (deleted and created again)', 'reset'],
    ['a 0-byte ledger file', 'zero'],
  ] as const)('%s posts nothing twice: it rebuilds its picture from Visma first', async (_name, how) => {
    h = await startHarness({ st: { invoices: 60, bills: 15 }, sync: { holdingAccount: '2900' } });
    await h.sync();
    const before = await expectNoDuplicatesViaApi(h);
    const held = listOutbox(h.db, h.config.id).filter((r) => r.held && r.state === 'posted');
    expect(held.length, 'the seed has documents held on the holding account').toBeGreaterThan(0);
    second = await h.installation({
      mappings: false,
      prepare: (dir) => {
        const file = join(dir, 'ledger.sqlite');
        if (how === 'zero') writeFileSync(file, '');
        if (how === 'reset') {
          openLedger(file).close();
          for (const f of ['', '-wal', '-shm']) rmSync(file + f, { force: true });
        }
      },
    });
    importMappings(second.db, h.config.id, SEED_MAPPINGS, 'system');
    const rebuilt = await second.sync();
    const after = await expectNoDuplicatesViaApi(h);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(rebuilt.visma.rebuilt).toBeGreaterThan(0);
    // The held documents are adopted as held: still on hold in Visma, in the new ledger's review queue.
    const heldAgain = listOutbox(second.db, h.config.id).filter((r) => r.held && r.state === 'posted');
    expect(heldAgain.map((r) => r.externalReference).sort()).toEqual(
      held.map((r) => r.externalReference).sort(),
    );
  });
});
