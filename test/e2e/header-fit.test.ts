import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileConfig } from '../../shared/profile-config';
import { SyncSettings } from '../../shared/sync-settings';
import { productionProfile, sandboxProfile, startApp, type AppUnderTest } from './support/app-under-test';
import { launchChromium, type Browser } from './support/chromium';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');
/** A simulator address (nothing listens there: the header never calls it). */
const LOCAL = 'http://127.0.0.1:9';
const LONG_NAME = 'Nordisk Varme- og Ventilasjonsservice Holding AS';

/** Every state the header shows a profile in, each with a long name. */
const states: { key: string; profile: ProfileConfig }[] = [
  {
    // Test tenant → production company, not confirmed: production badge, "Not confirmed" and "Confirm…".
    key: 'production-unconfirmed',
    profile: {
      ...productionProfile,
      id: 'unconfirmed',
      name: LONG_NAME,
      visma: { ...productionProfile.visma, companyName: `${LONG_NAME} (Trondheim)` },
    },
  },
  {
    key: 'production-confirmed',
    profile: {
      ...productionProfile,
      id: 'confirmed',
      name: `${LONG_NAME} Øst`,
      sync: SyncSettings.parse({ crossEnvironmentConfirmedAt: '2026-01-15T08:00:00.000Z' }),
    },
  },
  {
    key: 'production-both',
    profile: {
      ...productionProfile,
      id: 'production-both',
      name: `${LONG_NAME} Vest`,
      servicetitan: { ...productionProfile.servicetitan, environment: 'production' },
    },
  },
  {
    // A demo is one on this computer's simulators: the Demo badge joins the two environments.
    key: 'demo',
    profile: {
      ...sandboxProfile,
      id: 'demo',
      name: `Demo: ${LONG_NAME}`,
      demo: true,
      servicetitan: { ...sandboxProfile.servicetitan, authUrl: `${LOCAL}/connect/token`, apiBaseUrl: LOCAL },
      visma: { ...sandboxProfile.visma, tokenUrl: `${LOCAL}/connect/token`, apiBaseUrl: LOCAL },
    },
  },
  { key: 'sandbox', profile: { ...sandboxProfile, id: 'sandbox', name: `${LONG_NAME} Test` } },
];

/** Elements in the banner whose content is wider than their box (clipped or spilling out), as `tag.class: widths`. */
async function overflowing(page: Page): Promise<string[]> {
  return page.getByRole('banner').evaluate((header) => {
    const found: string[] = [];
    const box = header.getBoundingClientRect();
    for (const el of [header, ...header.querySelectorAll<HTMLElement>('*')]) {
      if (el instanceof SVGElement || el.closest('svg')) continue;
      if (el.hasAttribute('data-tabster-dummy')) continue;
      // An icon slot's line box is taller than its 12–16 px glyph; the glyph itself is checked by its own box.
      if (el.children.length > 0 && [...el.children].every((c) => c instanceof SVGElement)) continue;
      const style = getComputedStyle(el);
      if (style.position === 'absolute' && style.clipPath !== 'none') continue; // visually hidden text
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= 0) continue; // the skip link waits off-screen until it has focus
      const spills = rect.left < box.left - 0.5 || rect.right > box.right + 0.5;
      // Badges have a fixed height: wrapped text in them is cut off below, so height counts as well as width.
      const clipped = el.scrollHeight > el.clientHeight + 1;
      if (el.scrollWidth > el.clientWidth + 1 || clipped || spills) {
        const size = `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`;
        found.push(
          `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${(el.textContent ?? '').slice(0, 40)}": ${size}`,
        );
      }
    }
    return found;
  });
}

describe('the header at 1366 × 768 in every profile state (issue 14)', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startApp(states.map((s) => s.profile));
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const { key, profile } of states) {
    it(`fits with ${key}`, async () => {
      const banner = page.getByRole('banner');
      await banner.getByRole('button', { name: /^Active profile/ }).click();
      await page.getByRole('menuitemradio', { name: new RegExp(`^${profile.name} ServiceTitan`) }).click();
      await banner.getByRole('button', { name: `Active profile: ${profile.name}. Change profile` }).waitFor();
      await page.getByRole('menu').waitFor({ state: 'detached' });
      await page.screenshot({
        path: join(outputDir, `header-1366-${key}.png`),
        clip: { x: 0, y: 0, width: 1366, height: 120 },
      });
      if (profile.demo) await banner.getByTestId('demo-badge').waitFor();
      expect(await overflowing(page)).toEqual([]);
    });
  }
});
