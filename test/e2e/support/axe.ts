import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, evaluated over the DevTools protocol: the app's CSP (script-src 'self') forbids a script tag. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG rule sets the app is held to (2.0 and 2.1, levels A and AA). */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One serious or critical rule broken somewhere on the page, with the selectors of the elements that break it. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  /** The start of each element's HTML, in the order of `targets`. */
  html: string[];
}

interface AxeResultsShape {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; html: string }[];
  }[];
}

/** Runs axe-core on the whole page (injected once per document) and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // A button that has just become enabled fades its colours in (a CSS transition): measured mid-way its contrast is
  // too low. The check waits for running transitions to end (they are finite; a spinner's endless animation is not one).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async (runTags) => {
    const axe = (window as unknown as { axe: { run(ctx: object, o: object): Promise<unknown> } }).axe;
    // Tabster (Fluent UI's keyboard navigation) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` around
    // tab lists, menus and dialogs: they only pass the focus on and are hidden from screen readers on purpose, so
    // aria-hidden-focus flags them by design (microsoft/fluentui#27517, "Resolution: By Design"; microsoft/tabster#288).
    // Only those elements are left out; every rule still runs on everything else.
    const context = { include: [document], exclude: [['[data-tabster-dummy]']] };
    return axe.run(context, { runOnly: { type: 'tag', values: runTags }, resultTypes: ['violations'] });
  }, tags);
  return (results as AxeResultsShape).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      html: v.nodes.map((n) => n.html.slice(0, 160)),
    }));
}

/** The findings as lines a person can act on: `where: rule (impact) — help — selector`. */
export function describeFindings(where: string, findings: AxeFinding[]): string[] {
  return findings.flatMap((f) =>
    f.targets.map((t, i) => `${where}: ${f.rule} (${f.impact}) — ${f.help} — ${t} — ${f.html[i] ?? ''}`),
  );
}
