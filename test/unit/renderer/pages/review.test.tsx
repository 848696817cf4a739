// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewItemView } from '../../../../shared/contract/engine-schemas';
import { renderApp } from '../support/render-app';
import { sampleProfiles, type MemoryBridge } from '../support/memory-bridge';
import { sampleAccounts, sampleDetail, samplePreview, sampleReview } from '../support/engine-samples';

afterEach(() => cleanup());

const seed = {
  profiles: sampleProfiles,
  engine: {
    review: sampleReview,
    previews: { 11: samplePreview },
    details: { 11: sampleDetail },
    accounts: sampleAccounts,
  },
};

async function openQueue(hash = '#/review', s: Parameters<typeof renderApp>[0] = seed) {
  const view = await renderApp(s, hash);
  const name = s.locale === 'nb' ? 'Saker til gjennomgang' : 'Items to review';
  const table = await screen.findByRole('table', { name });
  await within(table).findAllByRole('button', { name: s.locale === 'nb' ? /^Åpne / : /^Open / });
  return { ...view, table };
}

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const listCalls = (bridge: MemoryBridge) =>
  bridge.calls.filter((c) => c.channel === 'review.list').map((c) => c.input as Record<string, unknown>);

/** `n` blocked bills, numbered BILL-00000…, for a queue far larger than a screen. */
function manyItems(n: number): ReviewItemView[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `doc:${1000 + i}`,
    kind: 'document',
    id: 1000 + i,
    sourceType: 'ap-bill',
    sourceNumber: `BILL-${String(i).padStart(5, '0')}`,
    state: 'blocked',
    reason: i % 3 === 0 ? 'period_closed' : 'vendor_not_linked',
    text: 'Blocked.',
    vismaDocNumber: null,
    details: null,
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    party: `Vendor ${i % 50}`,
    documentDate: '2026-01-10T00:00:00Z',
    amount: `${100 + i}.00`,
    actions: ['replay', 'ignore'],
  }));
}

describe('the review queue', () => {
  it('shows number, party, date, amount, reason and waiting time, and names master data in words', async () => {
    const { table } = await openQueue();
    const held = within(table).getByTestId('review-row-doc:11');
    const text = plain(held.textContent);
    for (const part of [
      'INV-1001',
      'Kari Hansen',
      '31/01/2026',
      'NOK 2,061.25',
      'Posted to the holding account',
    ])
      expect(text).toContain(part);
    const conflict = within(table).getByTestId('review-row-md:conflict:3');
    expect(conflict.textContent).toContain('Supplier 5531');
    expect(conflict.textContent).toContain('Bergen Varme AS');
    expect(table.textContent).not.toContain('supplier:5531');
    expect(screen.getByTestId('review-count').textContent).toBe('3 of 3 items');
  });

  it('keeps only the rows in view in the DOM and reads the queue in windows', async () => {
    const { table, bridge } = await openQueue('#/review', {
      ...seed,
      engine: { ...seed.engine, review: manyItems(5000) },
    });
    await waitFor(() => expect(screen.getByTestId('review-count').textContent).toBe('5,000 of 5,000 items'));
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(table.getAttribute('aria-rowcount')).toBe('5001');
    expect(listCalls(bridge).every((c) => c.limit === 200)).toBe(true);
  });

  it('filters by reason in main, and the URL holds the filter', async () => {
    const { table, bridge } = await openQueue();
    fireEvent.change(screen.getByRole('combobox', { name: 'Reason' }), {
      target: { value: 'period_closed' },
    });
    await waitFor(() => expect(within(table).queryByTestId('review-row-doc:11')).toBeNull());
    expect(within(table).getByTestId('review-row-doc:12')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ reason: 'period_closed', offset: 0 });
    expect(window.location.hash).toContain('reason=period_closed');
  });

  it('searches by party after typing stops', async () => {
    const { table, bridge } = await openQueue();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'rørlegger' } });
    await waitFor(() => expect(within(table).queryByTestId('review-row-doc:11')).toBeNull());
    expect(within(table).getByTestId('review-row-doc:12')).toBeTruthy();
    expect(listCalls(bridge).at(-1)).toMatchObject({ search: 'rørlegger' });
    expect(decodeURIComponent(window.location.hash)).toContain('q=rørlegger');
  });

  it('sorts by a column in main and marks the column sorted', async () => {
    const { table, bridge } = await openQueue();
    fireEvent.click(within(table).getByRole('button', { name: 'Amount' }));
    await waitFor(() => expect(listCalls(bridge).at(-1)).toMatchObject({ sort: 'amount', direction: 'asc' }));
    const header = within(table).getByRole('columnheader', { name: 'Amount' });
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'));
    await waitFor(() => {
      const order = within(table)
        .getAllByRole('row')
        .map((r) => r.getAttribute('data-testid'))
        .filter(Boolean);
      expect(order).toEqual(['review-row-md:conflict:3', 'review-row-doc:12', 'review-row-doc:11']);
    });
  });

  it('opens a deep-linked document with its ServiceTitan source beside the Visma payload, differences marked', async () => {
    await openQueue('#/review?item=doc:11');
    const panel = await screen.findByTestId('review-detail');
    const lines = await within(panel).findByRole('table', { name: 'Lines in ServiceTitan and in Visma' });
    const filter = within(lines).getByTestId('detail-line-L2');
    expect(filter.textContent).toContain('4410 — Parts revenue');
    expect(filter.textContent).toContain('9999 — Holding account · holding account');
    expect(filter.querySelectorAll('[data-differs="true"]').length).toBe(1);
    expect(
      within(lines).getByTestId('detail-line-L1').querySelectorAll('[data-differs="true"]'),
    ).toHaveLength(0);
  });

  it('replays the selected documents at once', async () => {
    const { bridge } = await openQueue();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1001' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select BILL-77' }));
    fireEvent.click(screen.getByRole('button', { name: 'Replay (2)' }));
    await screen.findByText(/Replayed 2 documents: 2 will post with the next sync, 0 still need attention\./);
    expect(bridge.calls).toContainEqual({
      channel: 'review.replay',
      input: { profileId: 'nordic-hvac', ids: [11, 12] },
    });
  });

  it('ignores the selected documents with one reason, one audited call per document', async () => {
    const { bridge } = await openQueue();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select INV-1001' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select BILL-77' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ignore… (2)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ignore 2 documents' });
    const reason = within(dialog).getByRole('textbox', { name: /Reason/, hidden: true });
    fireEvent.change(reason, { target: { value: 'no' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ignore', hidden: true }));
    await within(dialog).findByText('Write at least 3 characters.');
    fireEvent.change(reason, { target: { value: 'Posted by hand in Visma' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ignore', hidden: true }));
    await screen.findByText('2 of 2 documents will not be posted. The reason is in the audit log.');
    const ignored = bridge.calls.filter((c) => c.channel === 'review.ignore').map((c) => c.input);
    expect(ignored).toEqual([
      { profileId: 'nordic-hvac', id: 11, reason: 'Posted by hand in Visma' },
      { profileId: 'nordic-hvac', id: 12, reason: 'Posted by hand in Visma' },
    ]);
  });

  it('approves a holding-account document only after the explicit choice to keep it there', async () => {
    const { bridge } = await openQueue('#/review?item=doc:11');
    const panel = await screen.findByTestId('review-detail');
    fireEvent.click(within(panel).getByRole('button', { name: 'Approve…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve INV-1001' });
    await within(dialog).findByText(/holding account 9999/);
    expect(bridge.calls.some((c) => c.channel === 'review.approve')).toBe(false);
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Keep on the holding account', hidden: true }),
    );
    await screen.findByText('INV-1001 was approved.');
    expect(bridge.calls).toContainEqual({
      channel: 'review.approve',
      input: { profileId: 'nordic-hvac', id: 11, keepOnHoldingAccount: true },
    });
  });

  it('fixes a held document in place: picks the account for a line, remembers it for the SKU, corrects it', async () => {
    const { bridge } = await openQueue('#/review?item=doc:11');
    const panel = await screen.findByTestId('review-detail');
    fireEvent.click(within(panel).getByRole('button', { name: 'Approve…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve INV-1001' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Post to the right account', hidden: true }));
    const picker = await within(panel).findByRole('combobox', { name: 'Account for “Filter kit”' });
    fireEvent.click(picker);
    fireEvent.change(picker, { target: { value: 'parts' } });
    fireEvent.click(await screen.findByRole('option', { name: '3020 — Sales, parts' }));
    fireEvent.click(within(panel).getByRole('radio', { name: 'Every line with SKU FK-20' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Correct and release (1)' }));
    await screen.findByText(
      /INV-1001: Corrected in Visma\. The held Visma document was corrected and released\./,
    );
    expect(bridge.calls).toContainEqual({
      channel: 'review.fix',
      input: {
        profileId: 'nordic-hvac',
        id: 11,
        lines: [{ sourceLineId: 'L2', account: '3020', rememberBy: 'sku' }],
      },
    });
  });

  it('settles a master-data conflict from its details', async () => {
    const { table, bridge } = await openQueue();
    fireEvent.click(within(table).getByRole('button', { name: 'Open Supplier 5531' }));
    const panel = await screen.findByTestId('review-detail');
    expect(panel.textContent).toContain('ServiceTitan: Bergen');
    fireEvent.click(within(panel).getByRole('button', { name: 'Keep Visma' }));
    await screen.findByText(
      'Supplier 5531: the Visma value will be written to ServiceTitan with the next sync.',
    );
    expect(bridge.calls).toContainEqual({
      channel: 'review.resolveMasterData',
      input: { profileId: 'nordic-hvac', ref: 'conflict:3', decision: 'keep-visma' },
    });
  });

  it('speaks Norwegian: headers, reasons, amounts and dates', async () => {
    const { table } = await openQueue('#/review', { ...seed, locale: 'nb' as const });
    expect(within(table).getByRole('columnheader', { name: 'Kunde eller leverandør' })).toBeTruthy();
    const held = plain(within(table).getByTestId('review-row-doc:11').textContent);
    expect(held).toContain('31.01.2026');
    expect(held).toMatch(/2 061,25 kr/);
    expect(screen.getByTestId('review-count').textContent).toBe('3 av 3 saker');
  });
});
