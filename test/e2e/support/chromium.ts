import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** A headless Debian Chromium with a throw-away profile directory. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches `/usr/bin/chromium` headless at 1280×800 (see reference/toolchain.md §5). */
export async function launchChromium(): Promise<Browser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'st-visma-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    reducedMotion: 'reduce',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
