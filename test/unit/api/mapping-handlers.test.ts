import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/api/dispatch';
import { EngineService } from '../../../main/api/engine-service';
import { EventBus } from '../../../main/api/events';
import { createMappingHandlers } from '../../../main/api/mapping-handlers';
import type { AppServices } from '../../../main/api/services';
import { offerSuggestion } from '../../../main/engine/alignment/store/suggestions';
import { saveRecords } from '../../../main/engine/master-data/cache';
import { createOutbox } from '../../../main/engine/outbox/store';
import { upsertSource } from '../../../main/engine/source-store';
import { listAudit } from '../../../main/storage/audit';
import { openLedger } from '../../../main/storage/ledger';
import { upsertProfile } from '../../../main/storage/profiles';
import { MemorySecretStore } from '../../../main/storage/secrets';
import { JsonFileSettingsStore } from '../../../main/storage/settings';
import type { Ledger } from '../../../main/storage/types';
import { invoice } from '../engine/fixtures';
import { fullProfile } from '../storage/fixtures';

const AT = '2026-03-01T10:00:00Z';
const P = 'acme';

function seedMasterData(db: Ledger): void {
  const visma = <T>(kind: string, records: T[], key: (r: T) => string) =>
    saveRecords(db, P, 'visma', kind, records, key, true, AT);
  visma(
    'account',
    [
      { accountCD: '3000', description: 'Salgsinntekt', type: 'Income', active: true },
      { accountCD: '3099', description: 'Gammel salgskonto', type: 'Income', active: false },
      { accountCD: '6540', description: 'Inventar og verktøy', type: 'Expense', active: true },
    ],
    (r) => r.accountCD,
  );
  visma(
    'customer',
    [
      { number: '10001', name: 'Kari Hansen', active: true },
      { number: '10002', name: 'Ola Nordmann AS', active: true },
      { number: '10003', name: 'Bergen Varme AS', active: true },
      { number: '10005', name: 'Gamle Kunde AS', active: false },
    ],
    (r) => r.number,
  );
  saveRecords(
    db,
    P,
    'st',
    'customer',
    [
      { id: '5', name: 'Kari Hansen', active: true },
      { id: '6', name: 'Ola Nordmann', active: true },
      { id: '7', name: 'Bergen Varme', active: true },
      { id: '8', name: 'Gamle Kunde', active: true },
      { id: '9', name: 'Nobody Matches', active: true },
    ],
    (r) => r.id,
    true,
    AT,
  );
  const suggest = (stId: string, vismaKey: string, confidence: number) =>
    offerSuggestion(
      db,
      P,
      { kind: 'customer', stId, vismaKey, confidence, reasons: ['similar name (88 %)'] },
      AT,
    );
  suggest('6', '10002', 0.95);
  suggest('7', '10003', 0.72);
  suggest('8', '10005', 0.97);
  const { sourceId } = upsertSource(
    db,
    P,
    { doc: invoice({ stId: 'i1', partyId: '9', partyName: 'Nobody Matches' }), status: 'Posted' },
    true,
    AT,
  );
  const id = createOutbox({ db, actor: 'system', now: () => new Date(AT) }, P, sourceId, 'M-1');
  db.prepare("UPDATE outbox SET state = 'blocked', reason_code = 'customer_missing' WHERE id = ?").run(id);
}

describe('the mapping channels', () => {
  let dir: string;
  let db: Ledger;
  let handlers: Handlers;
  let refreshed: number;

  async function call(channel: string, input: Record<string, unknown>): Promise<any> {
    const result = await dispatch(handlers, channel, { profileId: P, ...input });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  }
  async function refused(channel: string, input: Record<string, unknown>): Promise<string> {
    const result = await dispatch(handlers, channel, { profileId: P, ...input });
    if (result.ok) throw new Error(`${channel} was not refused`);
    return result.error.message;
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mapping-handlers-'));
    db = openLedger(':memory:');
    const settings = new JsonFileSettingsStore(join(dir, 'settings.json'));
    const secrets = new MemorySecretStore();
    await upsertProfile(settings, fullProfile(P), secrets);
    const events = new EventBus();
    const services: AppServices = {
      settings,
      secrets,
      ledger: db,
      events,
      host: 'browser',
      dataDir: dir,
      demo: false,
      version: 'test',
    };
    seedMasterData(db);
    refreshed = 0;
    handlers = createMappingHandlers(
      services,
      new EngineService({ settings, secrets, ledger: db, events }),
      () => {
        refreshed++;
        return Promise.resolve();
      },
    ) as Handlers;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a rule to an account Visma does not have or has inactive, naming it, and names saved targets', async () => {
    expect(
      await refused('mappings.set', {
        table: 'expenseByGlAccount',
        sourceKey: '6900',
        target: { account: '9999' },
      }),
    ).toBe('Visma has no account 9999 (the rule expenseByGlAccount "6900").');
    expect(
      await refused('mappings.set', {
        table: 'revenueByGlAccount',
        sourceKey: '3080',
        target: { account: '3099' },
      }),
    ).toBe('Visma account 3099 "Gammel salgskonto" is inactive (the rule revenueByGlAccount "3080").');
    const { rules } = await call('mappings.set', {
      table: 'expenseByGlAccount',
      sourceKey: '6800',
      target: { account: '6540' },
    });
    expect(rules).toEqual([
      {
        table: 'expenseByGlAccount',
        sourceKey: '6800',
        target: { account: '6540' },
        names: { account: 'Inventar og verktøy' },
      },
    ]);
    const audit = listAudit(db, { profileId: P, action: 'mapping.changed' });
    expect(audit).toHaveLength(1);
  });

  it('shows matched, suggested and left parties with confidence and what blocks posting', async () => {
    await call('mappings.link', { kind: 'customer', stId: '5', vismaKey: '10001' });
    const page = await call('mappings.links', { kind: 'customer', sort: 'st' });
    expect(page.counts).toEqual({ matched: 1, suggested: 3, left: 1 });
    expect(page.blocking).toEqual({ parties: 1, documents: 1 });
    expect(page.rows.map((r: any) => [r.stId, r.status, r.vismaKey, r.vismaName])).toEqual([
      ['5', 'matched', '10001', 'Kari Hansen'],
      ['6', 'suggested', '10002', 'Ola Nordmann AS'],
      ['7', 'suggested', '10003', 'Bergen Varme AS'],
      ['8', 'suggested', '10005', 'Gamle Kunde AS'],
      ['9', 'left', null, null],
    ]);
    expect(page.rows[1].suggestion).toMatchObject({ confidence: 95, reasons: ['similar name (88 %)'] });
    expect(page.rows[4]).toMatchObject({ stName: 'Nobody Matches', waiting: 1 });
    const searched = await call('mappings.links', { kind: 'customer', search: 'varme', status: 'suggested' });
    expect(searched.rows.map((r: any) => r.stId)).toEqual(['7']);
    expect(searched.total).toBe(1);
    const byConfidence = await call('mappings.links', {
      kind: 'customer',
      status: 'suggested',
      sort: 'confidence',
      direction: 'desc',
      limit: 2,
    });
    expect(byConfidence.rows.map((r: any) => r.stId)).toEqual(['8', '6']);
    expect(byConfidence.total).toBe(3);
  });

  it('links only to customers that exist and are active, naming the one refused', async () => {
    expect(await refused('mappings.link', { kind: 'customer', stId: '9', vismaKey: '99999' })).toBe(
      'Visma has no customer 99999 (the link of ServiceTitan customer 9).',
    );
    expect(await refused('mappings.link', { kind: 'customer', stId: '9', vismaKey: '10005' })).toBe(
      'Visma customer 10005 "Gamle Kunde AS" is inactive (the link of ServiceTitan customer 9).',
    );
    await call('mappings.link', { kind: 'customer', stId: '9', vismaKey: '10003' });
    expect(await refused('mappings.link', { kind: 'customer', stId: '7', vismaKey: '10003' })).toMatch(
      /already linked to ServiceTitan customer 9/,
    );
    await call('mappings.link', { kind: 'customer', stId: '9', vismaKey: null });
    const page = await call('mappings.links', { kind: 'customer', status: 'matched' });
    expect(page.total).toBe(0);
    expect(listAudit(db, { profileId: P, action: 'link.customer.removed' })).toHaveLength(1);
  });

  it('accepts every suggestion at or above the threshold in one audited step, skipping inactive parties', async () => {
    const result = await call('mappings.acceptAbove', { kind: 'customer', threshold: 90 });
    expect(result).toEqual({ accepted: 1, skipped: 1 });
    const page = await call('mappings.links', { kind: 'customer', sort: 'st' });
    expect(page.rows.map((r: any) => r.status)).toEqual([
      'left',
      'matched',
      'suggested',
      'suggested',
      'left',
    ]);
    expect(listAudit(db, { profileId: P, action: 'masterdata.suggestions.accepted-above' })[0]?.message).toBe(
      'Accepted 1 customer suggestions at or above 90 %; 1 left for a decision.',
    );
    expect(listAudit(db, { profileId: P, action: 'link.customer' })).toHaveLength(1);
  });

  it('lists picker records by number and name, the exact number first', async () => {
    const accounts = await call('mappings.records', { kind: 'account', search: 'inventar' });
    expect(accounts.records).toEqual([{ key: '6540', name: 'Inventar og verktøy', active: true }]);
    const customers = await call('mappings.records', { kind: 'customer', search: '1000' });
    expect(customers.total).toBe(4);
    expect(customers.records.at(-1)).toEqual({ key: '10005', name: 'Gamle Kunde AS', active: false });
  });

  it('checks an import against the master data, says what it would change, and applies it only when clean', async () => {
    await call('mappings.set', {
      table: 'expenseByGlAccount',
      sourceKey: '6800',
      target: { account: '6540' },
    });
    const file = {
      format: 'st-visma-mappings',
      version: 1,
      rules: {
        expenseByGlAccount: { '6800': { account: '3000' } },
        revenueByGlAccount: { '3080': { account: '3000' } },
      },
      links: { customers: { '5': '10001', '9': '77777' } },
    };
    const dry = await call('mappings.import', { format: 'json', content: JSON.stringify(file), apply: true });
    expect(refreshed).toBe(1);
    expect(dry.applied).toBe(false);
    expect(dry.refusals).toEqual([
      {
        table: 'links.customers',
        key: '9',
        field: 'number',
        what: 'customer',
        value: '77777',
        code: 'missing',
      },
    ]);
    expect(dry.adds.map((c: any) => `${c.table}:${c.key}`)).toEqual([
      'revenueByGlAccount:3080',
      'links.customers:5',
      'links.customers:9',
    ]);
    expect(dry.changes).toEqual([
      { table: 'expenseByGlAccount', key: '6800', before: { account: '6540' }, after: { account: '3000' } },
    ]);
    expect((await call('mappings.list', {})).rules).toHaveLength(1);

    delete (file.links.customers as Record<string, string>)['9'];
    const done = await call('mappings.import', {
      format: 'json',
      content: JSON.stringify(file),
      apply: true,
    });
    expect(done).toMatchObject({ applied: true, refusals: [] });
    expect((await call('mappings.list', {})).rules).toHaveLength(2);
    expect(listAudit(db, { profileId: P, action: 'mapping.imported' })).toHaveLength(1);
  });

  it('exports CSV with names that imports back unchanged, and refuses a CSV naming an unknown table', async () => {
    await call('mappings.set', {
      table: 'expenseByGlAccount',
      sourceKey: '6800',
      target: { account: '6540' },
    });
    await call('mappings.link', { kind: 'customer', stId: '5', vismaKey: '10001' });
    const { filename, content } = await call('mappings.export', { format: 'csv' });
    expect(filename).toBe('mappings-acme.csv');
    expect(content).toBe(
      '\uFEFFtable,key,field,value,name\r\nexpenseByGlAccount,6800,account,6540,Inventar og verktøy\r\nlinks.customers,5,number,10001,Kari Hansen\r\n',
    );
    const again = await call('mappings.import', { format: 'csv', content, apply: false });
    expect(again).toMatchObject({
      adds: [],
      changes: [],
      removals: [],
      refusals: [],
      unchanged: 2,
      applied: false,
    });
    expect(
      await refused('mappings.import', {
        format: 'csv',
        content: 'table,key,field,value\r\nnope,1,account,3000\r\n',
        apply: false,
      }),
    ).toBe('Line 2 of the CSV names the table "nope", which does not exist.');
  });
});
