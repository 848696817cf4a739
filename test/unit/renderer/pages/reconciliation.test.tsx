// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../support/render-app';
import { sampleProfiles } from '../support/memory-bridge';
import { emptyDashboard, sampleDashboard } from '../support/engine-samples';
import {
  matchingReconciliation,
  sampleExport,
  sampleReconciliation,
} from '../support/reconciliation-samples';

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

/** The rows of the drill-down's open tab. */
function drilldownRows(): HTMLElement[] {
  return within(screen.getByRole('tabpanel')).getAllByTestId('recon-row');
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
    const status = await screen.findByTestId('recon-status');
    expect(status.textContent).toBe(
      '7 documents need a look before you close January 2026. The lists below say which and why.',
    );
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

  it('opens on the differences, and drills down to why documents are missing', async () => {
    await renderApp(seeded(), JANUARY);
    const tabs = await screen.findByRole('tablist', { name: 'Documents by result' });
    expect(within(tabs).getByRole('tab', { selected: true }).textContent).toBe('Different1');
    const [different] = drilldownRows();
    expect(different?.textContent).toContain('INV-1003');
    expect(different?.textContent).toContain('4,375.00');
    expect(different?.textContent).toContain('4,250.00');
    expect(different?.textContent).toContain('Amount, VAT');
    expect(
      within(different!)
        .getAllByTestId('recon-difference')
        .map((d) => d.textContent),
    ).toEqual(['125.00', 'VAT 25.00']);

    fireEvent.click(within(tabs).getByRole('tab', { name: /^Missing in Visma/ }));
    const [bill, otherPeriod, lost] = drilldownRows();
    expect(bill?.textContent).toContain('Waiting to be posted');
    expect(bill?.textContent).toContain('Blocked · Period closed');
    expect(bill?.textContent).toContain('closed in Visma; it will post when the period opens.');
    expect(within(bill!).getByRole('link', { name: 'Review queue for BILL-77' }).getAttribute('href')).toBe(
      '#/review?reason=period_closed',
    );
    expect(otherPeriod?.textContent).toContain('Posted as 100052 in February 2026.');
    expect(lost?.textContent).toContain('Not found in Visma');
    expect(within(lost!).queryByRole('link', { name: /Review queue/ })).toBeNull();
    expect(within(lost!).getByRole('link', { name: 'Audit log for INV-1006' }).getAttribute('href')).toBe(
      '#/audit?search=INV-1006',
    );

    fireEvent.click(within(tabs).getByRole('tab', { name: /^Duplicated in Visma/ }));
    const [duplicate] = drilldownRows();
    expect(duplicate?.textContent).toMatch(/100048.*100050/);

    fireEvent.click(within(tabs).getByRole('tab', { name: /^Matched/ }));
    expect(drilldownRows()).toHaveLength(5);
  });

  it('links a document to the audit log, already searched', async () => {
    const { bridge } = await renderApp(seeded(), JANUARY);
    await screen.findByRole('tablist', { name: 'Documents by result' });
    fireEvent.click(screen.getByRole('link', { name: 'Audit log for INV-1003' }));
    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' }).value).toBe('INV-1003');
    await waitFor(() =>
      expect(bridge.calls.at(-1)).toMatchObject({ channel: 'audit.list', input: { search: 'INV-1003' } }),
    );
  });

  it('shows a clear all-clear when everything matches', async () => {
    await renderApp(seeded(matchingReconciliation), JANUARY);
    const status = await screen.findByTestId('recon-status');
    expect(status.textContent).toBe(
      'Everything matches: all 5 documents of January 2026 are in Visma with the same amount and VAT.',
    );
    expect(screen.queryAllByTestId('recon-difference')).toHaveLength(0);
    for (const name of ['Invoices', 'Credit notes', 'AP bills'])
      expect(screen.getByRole('region', { name }).textContent).toContain('Matches');
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Matched5');
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
      input: { profileId: 'nordic-hvac', period: '2026-01' },
    });
    expect(names).toEqual(['reconciliation-nordic-hvac-2026-01.csv']);
    // Byte for byte as main wrote it, byte-order mark included (once).
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes]).toEqual([...new TextEncoder().encode(sampleExport('2026-01').csv)]);
  });
});
