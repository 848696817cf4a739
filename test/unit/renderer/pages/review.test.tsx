// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { sampleProfiles } from '../support/memory-bridge';
import { samplePreview, sampleReview } from '../support/engine-samples';

afterEach(() => cleanup());

const seed = { profiles: sampleProfiles, engine: { review: sampleReview, previews: { 11: samplePreview } } };

async function openQueue() {
  const view = await renderApp(seed, '#/review');
  const table = await screen.findByRole('table', { name: 'Items to review' });
  return { ...view, table };
}

describe('the review queue', () => {
  it('lists documents and master-data questions with the reason in words and the engine text', async () => {
    const { table } = await openQueue();
    const held = within(table).getByTestId('review-row-doc:11');
    expect(held.textContent).toContain('Invoice');
    expect(held.textContent).toContain('INV-1001');
    expect(held.textContent).toContain('Posted to the holding account');
    expect(held.textContent).toContain('Lines: Filter kit.');
    expect(held.textContent).toContain('100045');
    const conflict = within(table).getByTestId('review-row-md:conflict:3');
    expect(conflict.textContent).toContain('ServiceTitan: Bergen');
    expect(conflict.textContent).toContain('Visma: Oslo');
    expect(within(conflict).queryByRole('button', { name: /Preview/ })).toBeNull();
  });

  it('filters by reason', async () => {
    const { table } = await openQueue();
    fireEvent.change(screen.getByRole('combobox', { name: 'Reason' }), {
      target: { value: 'period_closed' },
    });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByTestId('review-row-doc:12')).toBeTruthy();
  });

  it('replays the selected documents and says what happened', async () => {
    const { bridge } = await openQueue();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1001' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select BILL-77' }));
    fireEvent.click(screen.getByRole('button', { name: 'Replay selected (2)' }));
    await screen.findByText(/Replayed 2 documents: 2 will post with the next sync, 0 still need attention\./);
    expect(bridge.calls).toContainEqual({
      channel: 'review.replay',
      input: { profileId: 'nordic-hvac', ids: [11, 12] },
    });
    expect(bridge.calls.filter((c) => c.channel === 'review.list').length).toBeGreaterThan(1);
  });

  it('previews what a held invoice would post, with the holding line marked and the totals', async () => {
    await openQueue();
    fireEvent.click(screen.getByRole('button', { name: 'Preview: INV-1001' }));
    const dialog = await screen.findByRole('dialog', { name: 'What INV-1001 would post' });
    await within(dialog).findByText('Corrected in Visma');
    const lines = within(dialog).getByRole('table', { name: 'Lines' });
    const holding = lines.querySelectorAll('[data-holding="true"]');
    expect(holding).toHaveLength(1);
    expect(holding[0]?.textContent).toContain('Filter kit');
    expect(holding[0]?.textContent).toContain('9999');
    const plain = (dialog.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(plain).toContain('Total NOK 2,061.25');
    expect(plain).toContain('VAT NOK 412.25');
    expect(plain).toContain('January 2026');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
  });

  it('asks for a reason of at least three characters before ignoring', async () => {
    const { bridge } = await openQueue();
    fireEvent.click(screen.getByRole('button', { name: 'Ignore…: BILL-77' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ignore BILL-77' });
    const reason = within(dialog).getByRole('textbox', { name: /Reason/ });
    fireEvent.change(reason, { target: { value: 'no' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ignore' }));
    await within(dialog).findByText('Write at least 3 characters.');
    expect(bridge.calls.some((c) => c.channel === 'review.ignore')).toBe(false);
    fireEvent.change(reason, { target: { value: 'Duplicate of BILL-76' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ignore' }));
    await screen.findByText('BILL-77 will not be posted. The reason is in the audit log.');
    expect(bridge.calls).toContainEqual({
      channel: 'review.ignore',
      input: { profileId: 'nordic-hvac', id: 12, reason: 'Duplicate of BILL-76' },
    });
    await waitFor(() => expect(screen.queryByTestId('review-row-doc:12')).toBeNull());
  });

  it('settles a conflict by keeping the Visma value', async () => {
    const { bridge } = await openQueue();
    fireEvent.click(screen.getByRole('button', { name: 'Keep Visma: supplier:5531' }));
    await screen.findByText(
      'supplier:5531: the Visma value will be written to ServiceTitan with the next sync.',
    );
    expect(bridge.calls).toContainEqual({
      channel: 'review.resolveMasterData',
      input: { profileId: 'nordic-hvac', ref: 'conflict:3', decision: 'keep-visma' },
    });
  });

  it('approves a document on the holding account', async () => {
    const { bridge } = await openQueue();
    fireEvent.click(screen.getByRole('button', { name: 'Approve: INV-1001' }));
    await screen.findByText('INV-1001 was approved.');
    expect(bridge.calls).toContainEqual({
      channel: 'review.approve',
      input: { profileId: 'nordic-hvac', id: 11 },
    });
  });
});
