// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchFocusReturn } from '../../../../renderer/components/focus-return';

/** A button with a name, as React would render it in a row. */
function button(label: string, parent: HTMLElement = document.body): HTMLButtonElement {
  const el = document.createElement('button');
  el.setAttribute('aria-label', label);
  el.textContent = 'Edit';
  parent.append(el);
  return el;
}

/** A dialog (in a portal, as Fluent renders it) that takes the focus the way Fluent does. */
function openDialog(role: 'dialog' | 'alertdialog' = 'dialog'): HTMLElement {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', role);
  const close = document.createElement('button');
  close.textContent = 'Cancel';
  dialog.append(close);
  document.body.append(dialog);
  close.focus();
  return dialog;
}

/** Resolves after the mutation observer saw the last change. */
const observed = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('focus returns to the control that opened a dialog', () => {
  let stop: () => void;

  beforeEach(() => {
    document.body.innerHTML = '';
    stop = watchFocusReturn(document);
  });

  afterEach(() => stop());

  it('goes back to the opener when the dialog is removed', async () => {
    button('Edit 6800');
    const opener = button('Edit 6900');
    opener.focus();
    const dialog = openDialog();
    expect(document.activeElement?.textContent).toBe('Cancel');
    dialog.remove();
    await observed();
    expect(document.activeElement).toBe(opener);
  });

  it('finds the opener again by its name when its row was rendered anew', async () => {
    const row = document.createElement('div');
    row.dataset.testid = 'rule-row-6900';
    document.body.append(row);
    button('Edit 6900', row).focus();
    const dialog = openDialog('alertdialog');
    row.replaceChildren();
    const again = button('Edit 6900', row);
    dialog.remove();
    await observed();
    expect(document.activeElement).toBe(again);
  });

  it('leaves the focus alone when the page moved it elsewhere, or when no dialog was open', async () => {
    const opener = button('Replace… Visma client secret');
    const elsewhere = button('Back up now');
    opener.focus();
    const dialog = openDialog();
    elsewhere.focus();
    dialog.remove();
    await observed();
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.blur();
    document.body.append(document.createElement('p'));
    await observed();
    expect(document.activeElement).toBe(document.body);
  });
});
