// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '../../../../shared/contract/engine-schemas';
import { renderApp } from '../support/render-app';
import { sampleProfiles } from '../support/memory-bridge';
import { sampleAudit } from '../support/engine-samples';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** `count` posted-invoice entries, newest (highest id) first. */
function manyEntries(count: number): AuditEntryView[] {
  return Array.from({ length: count }, (_, i) => {
    const id = count - i;
    return {
      id,
      at: new Date(Date.UTC(2026, 0, 1, 0, id)).toISOString(),
      profileId: 'nordic-hvac',
      actor: 'schedule',
      action: 'document.posted',
      outcome: 'success',
      sourceType: 'invoice',
      sourceNumber: `INV-${id}`,
      vismaDocNumber: String(100000 + id),
      glBatchNumber: `GL-${id}`,
    };
  });
}

describe('the audit log', () => {
  it('shows who did what, the numbers on both sides and the GL batch', async () => {
    await renderApp({ profiles: sampleProfiles, engine: { audit: sampleAudit } }, '#/audit');
    const table = await screen.findByRole('table', { name: 'Audit log entries' });
    const [, released] = within(table).getAllByRole('row');
    expect(released?.textContent).toContain('Released in Visma');
    expect(released?.textContent).toContain('INV-1000');
    expect(released?.textContent).toContain('100044');
    expect(released?.textContent).toContain('GL-000812');
    expect(released?.textContent).toContain('User');
    expect(screen.getByText('3 entries shown')).toBeTruthy();
  });

  it('searches after typing stops, and filters by outcome', async () => {
    const { bridge } = await renderApp(
      { profiles: sampleProfiles, engine: { audit: sampleAudit } },
      '#/audit',
    );
    await screen.findByRole('table', { name: 'Audit log entries' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'BILL' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'BILL-77' } });
    await screen.findByText('1 entry shown');
    const searches = bridge.calls
      .filter((c) => c.channel === 'audit.list')
      .map((c) => (c.input as { search?: string }).search);
    expect(searches).toEqual([undefined, 'BILL-77']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'failure' } });
    await screen.findByRole('heading', { level: 2, name: 'No entries match' });
    expect(bridge.calls.at(-1)).toMatchObject({
      channel: 'audit.list',
      input: { outcome: 'failure', search: 'BILL-77' },
    });
  });

  it('takes the date range as the chosen language writes dates, not as the browser does', async () => {
    const { bridge } = await renderApp(
      { profiles: sampleProfiles, engine: { audit: sampleAudit }, locale: 'nb' },
      '#/audit',
    );
    await screen.findByRole('table', { name: 'Hendelser i revisjonsloggen' });
    const from = await screen.findByRole('combobox', { name: 'Fra' });
    expect(from.getAttribute('placeholder')).toBe('dd.mm.åååå');
    fireEvent.change(from, { target: { value: '24.12.2025' } });
    fireEvent.blur(from);
    await waitFor(() => expect(from).toHaveProperty('value', '24.12.2025'));
    await waitFor(() =>
      expect(
        bridge.calls.some((c) => c.channel === 'audit.list' && (c.input as { from?: string }).from),
      ).toBe(true),
    );
    const last = bridge.calls.filter((c) => c.channel === 'audit.list').at(-1)!.input as { from: string };
    expect(new Date(last.from).getDate()).toBe(24);
    expect(new Date(last.from).getMonth()).toBe(11);
  });

  it('loads older entries with beforeId', async () => {
    const { bridge } = await renderApp(
      { profiles: sampleProfiles, engine: { audit: manyEntries(250) } },
      '#/audit',
    );
    await screen.findByText('200 entries shown');
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await screen.findByText('250 entries shown');
    expect(bridge.calls.at(-1)).toMatchObject({ channel: 'audit.list', input: { beforeId: 51, limit: 200 } });
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
  });

  it('exports the loaded rows as CSV', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:audit';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderApp({ profiles: sampleProfiles, engine: { audit: sampleAudit } }, '#/audit');
    await screen.findByRole('table', { name: 'Audit log entries' });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const text = await blobs[0]!.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Time (UTC),By,Event,Outcome,ServiceTitan type,ServiceTitan no.,Visma type,Visma no.,GL batch,Message',
    );
    expect(lines[1]).toBe(
      '2026-01-31T08:00:45.000Z,User,Released in Visma,Success,Invoice,INV-1000,Invoice,100044,GL-000812,"Released, ""as agreed""; ok"',
    );
    expect(lines).toHaveLength(5);
  });

  it('says coded messages, event names and values in the chosen language, on screen and in the CSV', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => (blobs.push(blob), 'blob:audit')),
      revokeObjectURL: vi.fn(),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const coded = sampleAudit.map((e, i) =>
      i === 0
        ? {
            ...e,
            action: 'document.posted',
            vismaDocType: 'customerInvoice',
            message: 'Created in Visma as customerInvoice 100044.',
            messageCode: 'posted',
            messageParams: { docType: 'customerInvoice', number: '100044' },
          }
        : e,
    );
    await renderApp({ profiles: sampleProfiles, locale: 'sv', engine: { audit: coded } }, '#/audit');
    const table = await screen.findByRole('table', { name: 'Poster i revisionsloggen' });
    expect(within(table).getByText('Skapad i Visma som Kundfaktura 100044.')).toBeTruthy();
    expect(within(table).getByText('Bokförd i Visma')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Exportera CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const lines = (await blobs[0]!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Tid (UTC);Av;Händelse;Resultat;Typ i ServiceTitan;ServiceTitan-nr;Typ i Visma;Visma-nr;Verifikation;Meddelande',
    );
    expect(lines[1]).toContain(
      ';Användare;Bokförd i Visma;Lyckades;Kundfaktura;INV-1000;Kundfaktura;100044;',
    );
    expect(lines[1]).toMatch(/;Skapad i Visma som Kundfaktura 100044\.$/);
  });
});
