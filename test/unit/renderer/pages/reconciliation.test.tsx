// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printHtml } from '../../../../renderer/pages/reconciliation/print-report';
import { renderApp } from '../support/render-app';
import { sampleProfiles } from '../support/memory-bridge';
import { emptyDashboard, sampleDashboard } from '../support/engine-samples';
import {
  matchingReconciliation,
  sampleExport,
  sampleReconciliation,
  sampleReport,
  uncheckedReconciliation,
} from '../support/reconciliation-samples';

// Printing opens the system's print dialog; the test checks what would be printed.
vi.mock('../../../../renderer/pages/reconciliation/print-report', () => ({
  printHtml: vi.fn(() => Promise.resolve()),
}));

beforeEach(() => {
  // Only the clock: the period picker offers the thirteen months before "today".
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 1, 2, 9, 0));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const JANUARY = '#/reconciliation?period=2026-01';

function seeded(reconciliation = sampleReconciliation) {
  return {
    profiles: sampleProfiles,
    engine: { dashboard: sampleDashboard, reconciliation: { '2026-01': reconciliation } },
  };
}

/** The rows of the bucket list's open tab. */
function bucketRows(): HTMLElement[] {
  return within(screen.getByRole('tabpanel')).getAllByTestId('recon-row');
}

/** The checks of "ready to close", as id and the text each shows. */
function checks(): { id: string | null; text: string }[] {
  return screen
    .getAllByTestId('recon-check')
    .map((c) => ({ id: c.getAttribute('data-check'), text: c.textContent ?? '' }));
}

/** Opens a bucket's tab by its label. */
function openBucket(label: RegExp): void {
  fireEvent.click(
    within(screen.getByRole('tablist', { name: 'Documents by bucket' })).getByRole('tab', { name: label }),
  );
}

describe('the reconciliation', () => {
  it('says to run a sync first, and does not ask Visma, before any sync', async () => {
    const { bridge } = await renderApp(
      { profiles: sampleProfiles, engine: { dashboard: emptyDashboard } },
      '#/reconciliation',
    );
    await screen.findByRole('heading', { level: 2, name: 'Nothing to compare yet' });
    expect(screen.getByRole('link', { name: 'Open the dashboard' }).getAttribute('href')).toBe('#/');
    expect(bridge.calls.some((c) => c.channel === 'reconcile.period')).toBe(false);
  });

  it('sums up the period per document type and business unit', async () => {
    const { bridge } = await renderApp(seeded(), JANUARY);
    await screen.findByTestId('recon-status');
    expect(bridge.calls).toContainEqual({
      channel: 'reconcile.period',
      input: { profileId: 'nordic-hvac', period: '2026-01' },
    });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Period' }).value).toBe('2026-01');

    const invoices = screen.getByRole('region', { name: 'Invoices' });
    expect(invoices.textContent).toContain('Differs');
    const [, count, total] = within(invoices).getAllByRole('row');
    // ServiceTitan: 7 invoices of the period; Visma: 8 with the engine's key (one twice, one unknown, one from December).
    expect(count?.textContent).toBe('Documents78');
    expect(total?.textContent).toBe('Amount30,065.5035,800.50');
    expect(
      within(invoices)
        .getAllByTestId('recon-difference')
        .map((d) => d.textContent),
    ).toEqual(['-1 document', 'amount -5,735.00', 'VAT -1,147.00']);
    const creditNotes = screen.getByRole('region', { name: 'Credit notes' });
    expect(creditNotes.textContent).toContain('Matches');
    expect(creditNotes.textContent).toContain('No difference');
    expect(screen.getByRole('region', { name: 'AP bills' }).textContent).toContain('Differs');
    expect(screen.getByText(/^Entered by hand in Visma and not counted above: 1 document/)).toBeTruthy();

    const units = screen.getByRole('table', { name: 'Totals by document type and business unit' });
    const rows = within(units)
      .getAllByTestId('recon-unit-row')
      .map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^InvoiceHVAC Service/);
    expect(rows[2]).toBe(
      'InvoiceNo business unit0.00VAT 0.00 · 0 documents750.00VAT 150.00 · 1 document-750.00VAT -150.00 · -1 document',
    );
    expect(
      within(within(units).getAllByTestId('recon-unit-row')[0]!)
        .getAllByTestId('recon-difference')
        .map((d) => d.textContent),
    ).toEqual(['-5,975.00', 'VAT -1,195.00', '-1 document']);
  });

  it('says it is not ready to close, and why, check by check', async () => {
    await renderApp(seeded(), JANUARY);
    const status = await screen.findByTestId('recon-status');
    expect(status.textContent).toBe('Not ready to close January 2026: 5 checks open.');
    const list = screen.getByRole('list', { name: 'Checks before closing the period' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    expect(checks().map((c) => c.id)).toEqual([
      'nothingWaiting',
      'nothingUncertain',
      'nothingUnreleased',
      'noUnexplainedDifference',
      'holdingAccountEmpty',
    ]);
    const [waiting, uncertain, unreleased, gl, holding] = checks();
    // In words, not colour alone: every open check says "Open".
    for (const check of checks()) expect(check.text).toMatch(/Open$/);
    expect(waiting?.text).toBe(
      'Nothing waiting in the review queue1 document waitingShow Waiting in the review queue (1)Open',
    );
    expect(uncertain?.text).toContain('6 documents uncertain or different');
    expect(uncertain?.text).toContain('Show Deleted or reversed in Visma (2)');
    expect(unreleased?.text).toContain('2 documents not released');
    expect(gl?.text).toContain('1 account with an unexplained difference');
    expect(gl?.text).toContain('Accounts: 3000');
    expect(holding?.text).toContain('1 document on the holding account');
  });

  it('leads from a check to the bucket that holds what is in its way, and to the general ledger', async () => {
    await renderApp(seeded(), JANUARY);
    const list = await screen.findByRole('list', { name: 'Checks before closing the period' });
    fireEvent.click(within(list).getByRole('button', { name: 'Show Waiting in the review queue (1)' }));
    const tab = screen.getByRole('tab', { name: /^Waiting in the review queue/ });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab);
    expect(bucketRows().map((r) => r.textContent)).toEqual([expect.stringContaining('BILL-77')]);

    fireEvent.click(within(list).getAllByRole('button', { name: 'Show Not booked yet (2)' })[0]!);
    expect(screen.getByRole('tab', { name: /^Not booked yet/ }).getAttribute('aria-selected')).toBe('true');
    expect(bucketRows()).toHaveLength(2);

    fireEvent.click(within(list).getByRole('button', { name: 'Show the general ledger accounts' }));
    expect(document.activeElement?.contains(screen.getByRole('region', { name: 'General ledger' }))).toBe(
      true,
    );
  });

  it('lists every bucket with its count, opens on the first problem and folds the matched documents', async () => {
    await renderApp(seeded(), JANUARY);
    const tabs = await screen.findByRole('tablist', { name: 'Documents by bucket' });
    // Every bucket, named with its count (Fluent keeps a hidden bold copy of a tab's text, so go by the name).
    const labels = [
      ['Matched', 5],
      ['Not booked yet', 2],
      ['Waiting in the review queue', 1],
      ['Never synced', 1],
      ['Changed in ServiceTitan', 1],
      ['Different amount or VAT', 1],
      ['Duplicated in Visma', 1],
      ['Posted by hand', 1],
      ['Deleted or reversed in Visma', 2],
      ['Ignored', 1],
      ['Outside the period', 1],
    ] as const;
    expect(within(tabs).getAllByRole('tab')).toHaveLength(labels.length);
    for (const [label, count] of labels)
      expect(within(tabs).getByRole('tab', { name: `${label} ${count}` })).toBeTruthy();
    expect(within(tabs).getByRole('tab', { selected: true }).textContent).toBe('Not booked yet2');

    openBucket(/^Matched/);
    expect(within(screen.getByRole('tabpanel')).queryAllByTestId('recon-row')).toHaveLength(0);
    const unfold = screen.getByRole('button', { name: 'Show the 5 matched documents' });
    expect(unfold.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(unfold);
    expect(bucketRows()).toHaveLength(5);
    expect(bucketRows()[0]?.textContent).toContain('Booked and released in Visma as 200310.');
    expect(
      screen.getByRole('button', { name: 'Hide the matched documents' }).getAttribute('aria-expanded'),
    ).toBe('true');
  });

  it('shows each document with its party, unit, Visma documents and the reason in words', async () => {
    await renderApp(seeded(), JANUARY);
    await screen.findByRole('tablist', { name: 'Documents by bucket' });
    const [holding, unreleased] = bucketRows();
    expect(holding?.textContent).toContain('INV-1009');
    expect(holding?.textContent).toContain('Fjordgløtt Borettslag');
    expect(holding?.textContent).toContain('ServiceTitan 3120');
    expect(holding?.textContent).toContain('Visma 10023');
    expect(holding?.textContent).toContain('HVAC Service');
    expect(holding?.textContent).toContain('6,250.00');
    expect(holding?.textContent).toContain('100056 · January 2026');
    expect(within(holding!).getByTestId('recon-reason').textContent).toBe(
      'Posted as 100056 on the holding account; not on its own accounts yet.Review reason: Total or VAT differs.',
    );
    expect(
      within(holding!).getByRole('link', { name: 'Review queue for INV-1009' }).getAttribute('href'),
    ).toBe('#/review?reason=tax_difference');
    expect(within(unreleased!).getByTestId('recon-reason').textContent).toBe(
      'In Visma as 200313, but not released (Visma status: Balanced).',
    );

    const reason = () => within(bucketRows()[0]!).getByTestId('recon-reason').textContent;
    openBucket(/^Waiting in the review queue/);
    expect(reason()).toBe(
      'Waiting in the review queue: Period closed (Blocked).The financial period of the document date is closed in Visma; it will post when the period opens.',
    );
    expect(
      within(bucketRows()[0]!).getByRole('link', { name: 'Review queue for BILL-77' }).getAttribute('href'),
    ).toBe('#/review?reason=period_closed');
    openBucket(/^Never synced/);
    expect(reason()).toBe('ServiceTitan has it, but no sync has read it and Visma does not have it.');
    expect(bucketRows()[0]?.textContent).toContain('Not in Visma');
    openBucket(/^Changed in ServiceTitan/);
    expect(reason()).toBe('Changed in ServiceTitan after it was posted: total, tax.');
    openBucket(/^Different amount or VAT/);
    expect(reason()).toBe(
      'Booked with another amount, VAT: amount 125.00, VAT 25.00 (ServiceTitan minus Visma).',
    );
    expect(within(bucketRows()[0]!).queryByRole('link', { name: /Review queue/ })).toBeNull();
    openBucket(/^Duplicated in Visma/);
    expect(reason()).toBe('In Visma 2 times: 100048, 100061 (periods January 2026, February 2026).');
    expect(bucketRows()[0]?.textContent).toMatch(/100048 · January 2026100061 · February 2026/);
    openBucket(/^Posted by hand/);
    expect(reason()).toBe('Entered directly in Visma as 100053, without a ServiceTitan reference.');
    expect(bucketRows()[0]?.textContent).toContain('Not in ServiceTitan');
    expect(within(bucketRows()[0]!).getByRole('link', { name: 'Audit log for 100053' })).toBeTruthy();
    openBucket(/^Deleted or reversed in Visma/);
    expect(bucketRows().map((r) => within(r).getByTestId('recon-reason').textContent)).toEqual([
      'Posted as 200311, and deleted in Visma since.',
      'Posted as 200312, and reversed in Visma by 200315.',
    ]);
    openBucket(/^Ignored/);
    expect(reason()).toBe('Ignored by kari@nordic-hvac.no: Test invoice entered by mistake.');
    openBucket(/^Outside the period/);
    expect(reason()).toBe('Booked in this period, but the ServiceTitan document is dated 30/12/2025.');
  });

  it('shows the general ledger accounts with the unexplained difference marked', async () => {
    await renderApp(seeded(), JANUARY);
    const table = await screen.findByRole('table', { name: 'General ledger accounts of the period' });
    const rows = within(table).getAllByTestId('recon-gl-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '1500KundefordringerReceivables35,800.50625.0035,175.5035,175.500.00',
      '3000Salgsinntekt, avgiftspliktigRevenue500.0029,640.40-29,140.40-28,140.40-1,000.00',
    ]);
    expect(
      within(table)
        .getAllByTestId('recon-gl-unexplained')
        .map((c) => c.textContent),
    ).toEqual(['-1,000.00']);
    expect(screen.getByText('Unexplained difference on 1 account: 3000.')).toBeTruthy();
  });

  it('says when ServiceTitan could not be read and the ledger stood in', async () => {
    await renderApp(seeded(), JANUARY);
    const banner = await screen.findByTestId('recon-st-down');
    expect(banner.textContent).toContain('ServiceTitan could not be read');
    expect(banner.textContent).toContain('ServiceTitan said: ServiceTitan answered 503 Service Unavailable.');
  });

  it('says the general ledger could not be read, with why', async () => {
    await renderApp(seeded({ ...sampleReconciliation, gl: null, glError: 'Visma answered 500.' }), JANUARY);
    await screen.findByText('The general ledger could not be read from Visma: Visma answered 500.');
    expect(screen.queryByRole('table', { name: 'General ledger accounts of the period' })).toBeNull();
  });

  it('shows a clear "ready to close" when every check holds', async () => {
    await renderApp(seeded(matchingReconciliation), JANUARY);
    const status = await screen.findByTestId('recon-status');
    expect(status.textContent).toBe('Ready to close January 2026: every check holds.');
    for (const check of checks()) expect(check.text).toMatch(/Nothing in the way\.Done$/);
    expect(screen.queryAllByTestId('recon-difference')).toHaveLength(0);
    expect(screen.queryByTestId('recon-st-down')).toBeNull();
    for (const name of ['Invoices', 'Credit notes', 'AP bills'])
      expect(screen.getByRole('region', { name }).textContent).toContain('Matches');
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Matched5');
    expect(screen.getByText('The mappings use no accounts that moved in this period.')).toBeTruthy();
  });

  it('counts checks the engine did not report as open, never as done', async () => {
    await renderApp(seeded(uncheckedReconciliation), JANUARY);
    const status = await screen.findByTestId('recon-status');
    expect(status.textContent).toBe('Not ready to close January 2026: 5 checks open.');
    expect(checks()).toHaveLength(5);
    for (const check of checks()) expect(check.text).toMatch(/Not checked$/);
    expect(screen.getByText('The general ledger was not compared for this period.')).toBeTruthy();
  });

  it('shows the close in Norwegian', async () => {
    await renderApp({ ...seeded(), locale: 'nb' }, JANUARY);
    const status = await screen.findByTestId('recon-status');
    expect(status.textContent).toBe('Ikke klar til å lukke januar 2026: 5 kontroller er åpne.');
    const tabs = screen.getByRole('tablist', { name: 'Dokumenter etter utfall' });
    expect(within(tabs).getAllByRole('tab')).toHaveLength(11);
    expect(within(tabs).getByRole('tab', { selected: true }).textContent).toBe('Ikke bokført ennå2');
    expect(within(bucketRows()[0]!).getByTestId('recon-reason').textContent).toBe(
      'Bokført som 100056 på oppsamlingskontoen; ikke på sine egne kontoer ennå.Årsak til gjennomgang: Totalbeløp eller MVA avviker.',
    );
    expect(checks()[0]?.text).toBe(
      'Ingenting venter til gjennomgang1 dokument venterVis Venter til gjennomgang (1)Åpen',
    );
  });

  it('links a document to the audit log, already searched', async () => {
    const { bridge } = await renderApp(seeded(), JANUARY);
    await screen.findByRole('tablist', { name: 'Documents by bucket' });
    fireEvent.click(screen.getByRole('link', { name: 'Audit log for INV-1009' }));
    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' }).value).toBe('INV-1009');
    await waitFor(() =>
      expect(bridge.calls.at(-1)).toMatchObject({ channel: 'audit.list', input: { search: 'INV-1009' } }),
    );
  });

  it('opens on the month being closed: the previous one through the first five business days', async () => {
    // Monday 2 February 2026: February's fifth business day (Friday the 6th) is still to come.
    const { bridge } = await renderApp(seeded(), '#/reconciliation');
    await screen.findByTestId('recon-status');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Period' }).value).toBe('2026-01');
    expect(bridge.calls.filter((c) => c.channel === 'reconcile.period').map((c) => c.input)).toEqual([
      { profileId: 'nordic-hvac', period: '2026-01' },
    ]);
    cleanup();
    vi.setSystemTime(new Date(2026, 1, 9, 9, 0));
    await renderApp(seeded(), '#/reconciliation');
    await screen.findByRole('heading', { level: 2, name: 'No documents in February 2026' });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Period' }).value).toBe('2026-02');
  });

  it('compares another period, and the same one again on request', async () => {
    const { bridge } = await renderApp(seeded(), JANUARY);
    await screen.findByTestId('recon-status');
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: '2025-12' } });
    await screen.findByRole('heading', { level: 2, name: 'No documents in December 2025' });
    expect(window.location.hash).toBe('#/reconciliation?period=2025-12');
    fireEvent.click(screen.getByRole('button', { name: 'Compare again' }));
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.channel === 'reconcile.period').map((c) => c.input)).toEqual([
        { profileId: 'nordic-hvac', period: '2026-01' },
        { profileId: 'nordic-hvac', period: '2025-12' },
        { profileId: 'nordic-hvac', period: '2025-12' },
      ]),
    );
  });

  it('shows what failed when Visma cannot be read', async () => {
    await renderApp(
      {
        profiles: sampleProfiles,
        engine: {
          dashboard: sampleDashboard,
          failures: {
            'reconcile.period': {
              code: 'service_failed',
              message: 'Visma refused the client credentials (invalid_client).',
            },
          },
        },
      },
      JANUARY,
    );
    await screen.findByText('Visma refused the client credentials (invalid_client).');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export for the auditor' }).disabled).toBe(
      true,
    );
  });

  it('prints the report main prepares, in the UI language', async () => {
    const { bridge } = await renderApp(seeded(), JANUARY);
    await screen.findByTestId('recon-status');
    fireEvent.click(screen.getByRole('button', { name: 'Print report' }));
    await waitFor(() => expect(vi.mocked(printHtml)).toHaveBeenCalledWith(sampleReport('2026-01').html));
    expect(bridge.calls).toContainEqual({
      channel: 'reconcile.report',
      input: { profileId: 'nordic-hvac', period: '2026-01', locale: 'en' },
    });
  });

  it('downloads the auditor’s CSV under the name main gives it', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:recon';
      }),
      revokeObjectURL: vi.fn(),
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { bridge } = await renderApp(seeded(), JANUARY);
    await screen.findByTestId('recon-status');
    fireEvent.click(screen.getByRole('button', { name: 'Export for the auditor' }));
    await screen.findByText(/^reconciliation-nordic-hvac-2026-01\.csv was downloaded\./);
    expect(bridge.calls.at(-1)).toEqual({
      channel: 'reconcile.export',
      input: { profileId: 'nordic-hvac', period: '2026-01', locale: 'en' },
    });
    expect(names).toEqual(['reconciliation-nordic-hvac-2026-01.csv']);
    // Byte for byte as main wrote it, byte-order mark included (once).
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes]).toEqual([...new TextEncoder().encode(sampleExport('2026-01').csv)]);
  });
});
