import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers } from '../../main/api/handlers';
import { startSimulators, type RunningSimulators } from '../../main/cli/simulators';
import { listOutbox } from '../../main/engine/outbox/store';
import { money } from '../../shared/money';
import { startApp, type AppUnderTest } from './support/app-under-test';
import { launchChromium, type Browser } from './support/chromium';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');
/** Long enough for a first sync of the demo company on a loaded 2-core machine. */
const LONG = 240_000;

let browser: Browser;

beforeAll(async () => {
  await mkdir(outputDir, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

/** A channel called the way the UI calls it (through the contract's handlers of the running host). */
async function call(app: AppUnderTest, channel: string, input: unknown): Promise<any> {
  const result = await dispatch(createHandlers(app.host.services, app.host.engine), channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Shoots the whole step: the window grows until the main landmark needs no scrolling, then shrinks back. */
async function shoot(page: Page, lang: string, n: number, step: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const hidden = await page.getByRole('main').evaluate((main) => main.scrollHeight - main.clientHeight);
  await page.setViewportSize({ width: viewport.width, height: viewport.height + Math.max(0, hidden) });
  await page.screenshot({ path: join(outputDir, `setup-${lang}-${n}-${step}.png`), animations: 'disabled' });
  await page.setViewportSize(viewport);
}

/** Waits for the step heading ("Step 2 of 7: ServiceTitan"). */
async function atStep(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name }).waitFor({ timeout: LONG });
}

async function fill(page: Page, label: RegExp, value: string): Promise<void> {
  await page.getByLabel(label).fill(value);
}

/** Nothing of the profile is stored: no profile in settings, no secret in the keychain. */
async function nothingSaved(app: AppUnderTest, profileId: string): Promise<void> {
  expect((await call(app, 'profiles.list', {})).profiles).toEqual([]);
  expect(Object.values(await app.host.services.secrets.status(profileId))).toEqual([
    false,
    false,
    false,
    false,
  ]);
}

describe('the setup wizard in English, connecting the simulators as my own systems', () => {
  let app: AppUnderTest;
  let sims: RunningSimulators;

  beforeAll(async () => {
    sims = await startSimulators({ seed: 7, invoices: 20, bills: 6 });
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
    await sims?.stop();
  });

  it('refuses a wrong secret with nothing saved, passes the right one, and ends in a first sync', async () => {
    const st = sims.config.servicetitan;
    const visma = sims.config.visma;
    const page = await browser.context.newPage();
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Set up a company' }).waitFor();
    await atStep(page, 'Step 1 of 7: Start');
    await page.getByRole('radio', { name: 'Connect my systems' }).check();
    await fill(page, /^Profile name/, 'Nordic Comfort AS');
    expect(await page.getByLabel(/^Profile id/).inputValue()).toBe('nordic-comfort-as');
    await shoot(page, 'en', 1, 'start');
    await page.getByRole('button', { name: 'Next' }).click();

    await atStep(page, 'Step 2 of 7: ServiceTitan');
    await fill(page, /^Tenant id/, st.tenantId);
    await fill(page, /^Client id/, st.clientId);
    await fill(page, /^ServiceTitan client secret/, 'a-wrong-secret');
    await fill(page, /^ServiceTitan app key/, st.appKey!);
    await page.getByRole('button', { name: 'Advanced: custom addresses' }).click();
    await fill(page, /^Authentication URL/, st.authUrl);
    await fill(page, /^API base URL/, st.apiBaseUrl);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Some checks failed and nothing was saved.').waitFor({ timeout: LONG });
    expect(await page.getByTestId('connection-checks').getByLabel('Failed').count()).toBeGreaterThan(0);
    await nothingSaved(app, 'nordic-comfort-as');
    await shoot(page, 'en', 2, 'servicetitan-refused');
    await fill(page, /^ServiceTitan client secret/, st.clientSecret!);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Every check passed.').waitFor({ timeout: LONG });
    expect(await app.host.services.secrets.get('nordic-comfort-as', 'servicetitan.clientSecret')).toBe(
      st.clientSecret,
    );
    await shoot(page, 'en', 2, 'servicetitan');
    await page.getByRole('button', { name: 'Next' }).click();

    await atStep(page, 'Step 3 of 7: Visma.net ERP');
    await page.getByText('Company tenant, not customer tenant').waitFor();
    await fill(page, /^Company tenant id/, visma.tenantId);
    await fill(page, /^Company id/, visma.companyId);
    await fill(page, /^Client id/, visma.clientId);
    await fill(page, /^Visma client secret/, 'a-wrong-secret');
    await page.getByRole('button', { name: 'Advanced: custom addresses' }).click();
    await fill(page, /^Token URL/, visma.tokenUrl);
    await fill(page, /^API base URL/, visma.apiBaseUrl);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Some checks failed and nothing was saved.').waitFor({ timeout: LONG });
    expect((await call(app, 'profiles.list', {})).profiles).toEqual([]);
    expect(await app.host.services.secrets.get('nordic-comfort-as', 'visma.clientSecret')).toBeNull();
    await shoot(page, 'en', 3, 'visma-refused');
    await fill(page, /^Visma client secret/, visma.clientSecret!);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Every check passed.').waitFor({ timeout: LONG });
    const saved = (await call(app, 'profiles.list', {})).profiles;
    expect(saved.map((p: { id: string }) => p.id)).toEqual(['nordic-comfort-as']);
    expect((await call(app, 'secrets.status', { profileId: 'nordic-comfort-as' })).secrets).toMatchObject({
      'servicetitan.clientSecret': true,
      'servicetitan.appKey': true,
      'visma.clientSecret': true,
    });
    await shoot(page, 'en', 3, 'visma');
    await page.getByRole('button', { name: 'Next' }).click();

    const preview = await walkTheRest(page, app, 'en', 'nordic-comfort-as');
    await matchesVisma(app, 'nordic-comfort-as', preview);
  });
});

describe('the setup wizard in Norwegian, with demo data', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startApp();
    await call(app, 'settings.setLocale', { locale: 'nb' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('starts the demo company, marks it as demo, and ends in a first sync', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Sett opp et firma' }).waitFor();
    await atStep(page, 'Steg 1 av 7: Start');
    await page.getByRole('radio', { name: 'Prøv med demodata' }).check();
    await shoot(page, 'nb', 1, 'start');
    await page.getByRole('button', { name: 'Neste' }).click();

    await atStep(page, 'Steg 2 av 7: ServiceTitan');
    await page.getByRole('banner').getByTestId('demo-badge').waitFor({ timeout: LONG });
    const [profile] = (await call(app, 'profiles.list', {})).profiles;
    expect(profile).toMatchObject({ id: 'demo', demo: true });
    await page.getByRole('button', { name: 'Test tilkoblingen' }).click();
    await page.getByText('Alle kontroller er bestått.').waitFor({ timeout: LONG });
    await shoot(page, 'nb', 2, 'servicetitan');
    await page.getByRole('button', { name: 'Neste' }).click();

    await atStep(page, 'Steg 3 av 7: Visma.net ERP');
    await page.getByRole('button', { name: 'Test tilkoblingen' }).click();
    await page.getByText('Alle kontroller er bestått.').waitFor({ timeout: LONG });
    await shoot(page, 'nb', 3, 'visma');
    await page.getByRole('button', { name: 'Neste' }).click();

    await walkTheRest(page, app, 'nb', 'demo');
  });
});

/** The words of steps 4–7 in each language. */
const words = {
  en: {
    step: (n: number, title: string) => `Step ${n} of 7: ${title}`,
    titles: ['Master data', 'Map', 'Preview', 'Schedule and finish'],
    read: 'Read master data',
    readDone: 'Master data read.',
    next: 'Next',
    finish: 'Finish and run the first sync',
    synced: /The first sync is done: \d+ posted/,
  },
  nb: {
    step: (n: number, title: string) => `Steg ${n} av 7: ${title}`,
    titles: ['Grunndata', 'Koble', 'Forhåndsvisning', 'Tidsplan og fullfør'],
    read: 'Les grunndata',
    readDone: 'Grunndata er lest.',
    next: 'Neste',
    finish: 'Fullfør og kjør første synkronisering',
    synced: /Den første synkroniseringen er ferdig: \d+ bokført/,
  },
} as const;

/**
 * Every document the preview said would post is in Visma as previewed: read back from the Visma simulator, its total,
 * its VAT and its net amount per account equal the preview's lines.
 */
async function matchesVisma(app: AppUnderTest, profileId: string, preview: any): Promise<void> {
  const { visma } = await app.host.engine.ports(profileId);
  const rows = listOutbox(app.host.services.ledger, profileId);
  const ready = preview.documents.filter((d: any) => d.planned);
  expect(ready.length).toBeGreaterThan(0);
  const perAccount = (lines: { account: string; amount: string }[]) => {
    const sums = new Map<string, string>();
    for (const l of lines)
      sums.set(
        l.account,
        money(sums.get(l.account) ?? '0')
          .plus(money(l.amount).abs())
          .toFixed(2),
      );
    return Object.fromEntries([...sums].sort());
  };
  const abs = (amount: string) => money(amount).abs().toFixed(2);
  for (const doc of ready) {
    const row = rows.find((r) => r.id === doc.id)!;
    expect(row.vismaDocNumber, doc.sourceNumber).not.toBeNull();
    const found = await visma.getDocument(doc.planned.kind, row.vismaDocNumber!);
    expect(found, doc.sourceNumber).not.toBeNull();
    expect(abs(found!.amount), doc.sourceNumber).toBe(abs(doc.planned.expected.amount));
    expect(abs(found!.vatTotal), doc.sourceNumber).toBe(abs(doc.planned.expected.vat));
    if (found!.lineAccounts)
      expect(perAccount(found!.lineAccounts), doc.sourceNumber).toEqual(
        perAccount(doc.planned.lines.map((l: any) => ({ account: l.accountNumber, amount: l.amount }))),
      );
  }
}

/**
 * Steps 4–7: master data with counts, the map placeholder, the preview, then Finish and the first sync. Answers
 * the preview as the step showed it (read through the same channel).
 */
async function walkTheRest(
  page: Page,
  app: AppUnderTest,
  lang: 'en' | 'nb',
  profileId: string,
): Promise<any> {
  const w = words[lang];
  await atStep(page, w.step(4, w.titles[0]));
  await page.getByRole('button', { name: w.read }).click();
  await page.getByText(w.readDone).waitFor({ timeout: LONG });
  const accounts = await page.getByTestId('count-glAccounts').textContent();
  expect(Number(accounts?.replace(/\D/g, ''))).toBeGreaterThan(0);
  // The read matched customers and suppliers too, so the map step has something to show.
  await page.getByTestId('masterdata-matched').waitFor();
  await shoot(page, lang, 4, 'masterdata');
  await page.getByRole('button', { name: w.next }).click();

  await atStep(page, w.step(5, w.titles[1]));
  await page.getByTestId('map-left').waitFor({ timeout: LONG });
  await page.getByTestId('link-counts-customer').waitFor({ timeout: LONG });
  await page.locator('[data-testid^="link-row-"]:not([data-testid="link-row-loading"])').first().waitFor();
  await shoot(page, lang, 5, 'map');
  await page.getByRole('button', { name: w.next }).click();

  await atStep(page, w.step(6, w.titles[2]));
  await page.getByTestId('preview-summary').waitFor({ timeout: LONG });
  const preview = await call(app, 'setup.preview', { profileId });
  // Accounts are shown with Visma's names ("6540 Inventar og verktøy"), not as bare numbers.
  const line = preview.documents.find((d: any) => d.planned)?.planned.lines[0];
  expect(preview.names.accounts[line.accountNumber]).toBeTruthy();
  await page
    .getByRole('cell', { name: `${line.accountNumber} ${preview.names.accounts[line.accountNumber]}` })
    .first()
    .waitFor();
  const before = (await call(app, 'dashboard.get', { profileId })).outboxByState;
  expect(before.posted ?? 0).toBe(0);
  expect(before.exported ?? 0).toBe(0);
  await shoot(page, lang, 6, 'preview');
  await page.getByRole('button', { name: w.next }).click();

  await atStep(page, w.step(7, w.titles[3]));
  await page.getByRole('button', { name: w.finish }).click();
  await page.getByText(w.synced).waitFor({ timeout: LONG });
  await shoot(page, lang, 7, 'finish');
  const dashboard = await call(app, 'dashboard.get', { profileId });
  expect(dashboard.lastRun.status).toBe('completed');
  expect((await call(app, 'setup.drafts', {})).drafts).toEqual([]);
  expect((await call(app, 'settings.get', {})).activeProfileId).toBe(profileId);
  return preview;
}
