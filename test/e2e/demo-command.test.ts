import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './support/chromium';
import { appPages, navName } from './support/pages';

const bin = join(import.meta.dirname, '../../bin/st-visma.mjs');
let demo: ChildProcess;
let browser: Browser;
let url: string;

beforeAll(async () => {
  // The README's first command ends in `npm run demo`, which is this.
  demo = spawn(process.execPath, [bin, 'demo', '--invoices', '30', '--bills', '10'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: demo.stdout! });
  url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const found = /^Open: (\S+)$/.exec(line);
      if (found) resolve(found[1]!);
    });
    demo.once('exit', (code) => reject(new Error(`st-visma demo exited with ${code}`)));
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (demo.exitCode === null) {
    const exited = new Promise((resolve) => demo.once('exit', resolve));
    demo.kill('SIGINT');
    await exited;
  }
});

describe('st-visma demo', () => {
  it('prints a URL with a token; opening it in Chromium shows the frame on the demo profile', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/);
    const page = await browser.context.newPage();
    await page.goto(url);
    const nav = page.getByRole('navigation', { name: navName.en });
    for (const p of appPages) await nav.getByRole('link', { name: p.label.en }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page
      .getByText(/ServiceTitan: Integration/)
      .first()
      .waitFor();
    await page
      .getByText(/Visma: (Sandbox|Test)/i)
      .first()
      .waitFor();
    expect(page.url()).not.toContain('token=');
  });
});
