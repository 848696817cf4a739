import { useEffect } from 'react';

const DIALOG = '[role="dialog"], [role="alertdialog"]';
/** How many recently focused controls are remembered: enough to get past a menu that closed under a dialog. */
const HISTORY = 5;

/** What identifies a control again when React replaced its element (a re-rendered row): tag, names and text. */
interface ControlIdentity {
  tag: string;
  label: string | null;
  text: string;
  testId: string | null;
}

interface Remembered {
  element: HTMLElement;
  identity: ControlIdentity;
}

function identify(element: HTMLElement): ControlIdentity {
  return {
    tag: element.tagName,
    label: element.getAttribute('aria-label'),
    text: element.textContent ?? '',
    testId: element.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
  };
}

function sameControl(element: HTMLElement, identity: ControlIdentity): boolean {
  const other = identify(element);
  return (
    other.label === identity.label &&
    other.text === identity.text &&
    other.testId === identity.testId &&
    (identity.label !== null || identity.text !== '')
  );
}

/** The remembered control itself, or the element that took its place, if it is still on the page and can be focused. */
function findAgain(doc: Document, remembered: Remembered): HTMLElement | null {
  const { element, identity } = remembered;
  if (element.isConnected) return element.closest(DIALOG) ? null : element;
  for (const candidate of doc.querySelectorAll<HTMLElement>(identity.tag)) {
    if (!candidate.closest(DIALOG) && sameControl(candidate, identity)) return candidate;
  }
  return null;
}

/**
 * Gives the focus back to the control that opened a dialog once the dialog is gone and the focus was left on the
 * page body, as WCAG 2.4.3 expects. Fluent UI only does so for dialogs opened by a `DialogTrigger`; ours mostly open
 * from state (row buttons, menus, wizard steps), and a row of a windowed table may be a new element by the time the
 * dialog closes, so the control is found again by its name. Returns the function that stops watching.
 */
export function watchFocusReturn(doc: Document): () => void {
  const history: Remembered[] = [];
  let openers: Remembered[] | null = null;

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target === doc.body) return;
    if (target.closest(DIALOG)) {
      openers ??= [...history].reverse();
      return;
    }
    if (target.hasAttribute('data-tabster-dummy')) return;
    if (history[history.length - 1]?.element !== target)
      history.push({ element: target, identity: identify(target) });
    if (history.length > HISTORY) history.shift();
  };

  const restore = () => {
    if (!openers || doc.querySelector(DIALOG)) return;
    const active = doc.activeElement;
    const candidates = openers;
    openers = null;
    if (active && active !== doc.body) return;
    for (const remembered of candidates) {
      const element = findAgain(doc, remembered);
      if (!element) continue;
      element.focus();
      if (doc.activeElement === element) return;
    }
  };

  const observer = new MutationObserver(restore);
  observer.observe(doc.body, { childList: true, subtree: true });
  doc.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocusIn);
  };
}

/** Watches the document for dialogs closing while the component is mounted (see `watchFocusReturn`). */
export function useFocusReturn(): void {
  useEffect(() => watchFocusReturn(document), []);
}
