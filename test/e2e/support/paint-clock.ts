import type { Page } from 'playwright-core';

/** What the clock waits for: an element matching `selector`, and (if given) a text element whose text matches. */
export interface PaintTarget {
  /** A CSS selector that must match at least one element. */
  selector: string;
  /** Optionally, a CSS selector whose first element's text must match `pattern` too. */
  textOf?: string;
  /** The regular expression's source for `textOf`'s text. */
  pattern?: string;
}

/** The page's global the clock leaves its result in. */
type ClockWindow = Window & { __paintClock?: Promise<number> };

/**
 * Runs in the page: starts at the next user event (pointer down, key down, input or change, whichever comes first)
 * and stops when the first frame that shows the target has been painted (the animation frame that draws it, then the
 * task after that frame). Performance marks `paint-clock:start` / `paint-clock:painted` are left for a trace.
 */
function armInPage(target: PaintTarget): void {
  const shown = () => {
    if (document.querySelector(target.selector) === null) return false;
    if (!target.textOf) return true;
    const text = document.querySelector(target.textOf)?.textContent ?? '';
    return new RegExp(target.pattern ?? '').test(text);
  };
  (window as ClockWindow).__paintClock = new Promise((resolve) => {
    const events = ['pointerdown', 'keydown', 'input', 'change'] as const;
    const start = () => {
      for (const e of events) document.removeEventListener(e, start, { capture: true });
      const started = performance.now();
      performance.mark('paint-clock:start');
      const painted = () =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            performance.mark('paint-clock:painted');
            resolve(performance.now() - started);
          };
          channel.port2.postMessage(null);
        });
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        painted();
      });
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    };
    for (const e of events) document.addEventListener(e, start, { capture: true });
  });
}

/**
 * A clock inside the page, from the user's next action to the first painted frame that shows `target` — the app's own
 * time, without Playwright's round trips for clicking and polling. Arm it, act, then `read()` the milliseconds.
 */
export async function armPaintClock(
  page: Page,
  target: PaintTarget,
): Promise<{ read: () => Promise<number> }> {
  await page.evaluate(armInPage, target);
  return {
    read: () =>
      page.evaluate(
        () =>
          (window as ClockWindow).__paintClock ?? Promise.reject(new Error('The paint clock is not armed.')),
      ),
  };
}
