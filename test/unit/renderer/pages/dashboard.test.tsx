// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { sampleProfiles } from '../support/memory-bridge';
import { emptyDashboard, sampleDashboard, sampleSummary } from '../support/engine-samples';

afterEach(() => cleanup());

/** A promise the test resolves when it wants the fake `sync.run` to answer. */
function gate() {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('the dashboard', () => {
  it('shows the last run per document type, the review count, the chart and the recent runs', async () => {
    await renderApp({ profiles: sampleProfiles, engine: { dashboard: sampleDashboard } });
    const lastRun = await screen.findByRole('region', { name: 'Last sync' });
    expect(within(lastRun).getByTestId('count-invoices-posted').textContent).toBe('12');
    expect(within(lastRun).getByTestId('count-invoices-held').textContent).toBe('1');
    expect(within(lastRun).getByTestId('count-bills-blocked').textContent).toBe('1');
    expect(lastRun.textContent).toContain('Took 1 min 5 secs');
    expect(lastRun.textContent).toContain('Calls made: 88 to Visma, 41 to ServiceTitan');
    expect(screen.getByTestId('review-count').textContent).toBe('3');
    expect(screen.getByRole('link', { name: 'Open the review queue' }).getAttribute('href')).toBe('#/review');
    expect(screen.getByText('31/01/2026: 8 invoices, 3 AP bills')).toBeTruthy();
    const runs = screen.getByRole('region', { name: 'Recent syncs' });
    expect(within(runs).getAllByRole('row')).toHaveLength(3);
    expect(runs.textContent).toContain('Visma refused the client credentials (invalid_client).');
    const next = screen.getByRole('region', { name: 'Next scheduled sync' });
    // In the machine's time zone, as every time of day the app shows.
    const local = new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short' });
    expect(within(next).getByTestId('next-run').textContent).toBe(
      local.format(new Date('2026-02-01T05:00:00.000Z')),
    );
  });

  it('splits the review count into documents and master-data questions so it adds up with the runs', async () => {
    await renderApp({
      profiles: sampleProfiles,
      engine: { dashboard: { ...sampleDashboard, reviewCount: 18, reviewQuestions: 2 } },
    });
    expect((await screen.findByTestId('review-count')).textContent).toBe('18');
    expect(screen.getByText('16 documents and 2 master-data questions wait for you.')).toBeTruthy();
  });

  it('says what to do after a run that failed on a refused credential, and nothing after a good run', async () => {
    const failedRun = sampleDashboard.runs[1]!;
    await renderApp({
      profiles: sampleProfiles,
      engine: { dashboard: { ...sampleDashboard, lastRun: failedRun, runs: [failedRun] } },
    });
    const warning = await screen.findByTestId('run-failure-warning');
    expect(warning.textContent).toContain('Visma.net refused the sign-in of the last sync');
    expect(within(warning).getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe(
      '#/settings',
    );
    cleanup();
    await renderApp({ profiles: sampleProfiles, engine: { dashboard: sampleDashboard } });
    await screen.findByRole('region', { name: 'Last sync' });
    expect(screen.queryByTestId('run-failure-warning')).toBeNull();
  });

  it('warns about documents waiting for a closed period, naming the months', async () => {
    await renderApp({
      profiles: sampleProfiles,
      engine: { dashboard: { ...sampleDashboard, closedPeriodWaiting: { count: 3, periods: ['202604'] } } },
    });
    const warning = await screen.findByTestId('closed-period-warning');
    expect(warning.textContent).toContain('3 documents wait for a closed period');
    expect(warning.textContent).toContain('Visma has closed April 2026');
  });

  it('says when there is no schedule, and where to set one', async () => {
    await renderApp({ profiles: sampleProfiles, engine: { dashboard: emptyDashboard } });
    const next = await screen.findByRole('region', { name: 'Next scheduled sync' });
    expect(within(next).getByTestId('next-run').textContent).toBe(
      'No schedule: the sync runs when you click Sync now.',
    );
    expect(within(next).getByRole('link', { name: 'Change the schedule' }).getAttribute('href')).toBe(
      '#/settings',
    );
  });

  it('warns when a run found documents in Visma that another installation posted', async () => {
    await renderApp({
      profiles: sampleProfiles,
      engine: {
        dashboard: { ...sampleDashboard, otherInstallation: { runId: 7, at: '2026-01-31T08:01:05.000Z' } },
      },
    });
    const warning = await screen.findByTestId('other-installation-warning');
    expect(warning.textContent).toContain('Another installation is posting into this Visma company');
    expect(warning.textContent).toContain('did not post');
  });

  it('shows no installation warning when no run found foreign documents', async () => {
    await renderApp({ profiles: sampleProfiles, engine: { dashboard: sampleDashboard } });
    await screen.findByRole('region', { name: 'Last sync' });
    expect(screen.queryByTestId('other-installation-warning')).toBeNull();
  });

  it('runs a sync with progress from sync.progress events, then refreshes', async () => {
    const run = gate();
    const { bridge } = await renderApp({
      profiles: sampleProfiles,
      engine: { dashboard: emptyDashboard, summary: sampleSummary, syncGate: run.promise },
    });
    await screen.findByRole('heading', { level: 2, name: 'No sync has run yet' });
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    const busy = await screen.findByRole('button', { name: 'Syncing…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    act(() => {
      bridge.emit('sync.progress', { profileId: 'test-company', runId: '1', phase: 'intake', done: 9 });
      bridge.emit('sync.progress', {
        profileId: 'nordic-hvac',
        runId: '7',
        phase: 'post',
        done: 3,
        total: 12,
      });
    });
    const progress = screen.getByTestId('sync-progress');
    expect(progress.textContent).toContain('Step 7 of 10: Posting to Visma');
    expect(progress.textContent).toContain('3 of 12');
    const dashboardCalls = bridge.calls.filter((c) => c.channel === 'dashboard.get').length;
    await act(async () => {
      run.open();
      await run.promise;
    });
    await screen.findByText('Sync finished: 17 documents posted, 2 in the review queue.');
    expect(screen.queryByTestId('sync-progress')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBeNull();
    expect(bridge.calls.filter((c) => c.channel === 'dashboard.get').length).toBeGreaterThan(dashboardCalls);
    expect(bridge.calls).toContainEqual({ channel: 'sync.run', input: { profileId: 'nordic-hvac' } });
  });

  it('says in plain words why a sync failed', async () => {
    await renderApp({
      profiles: sampleProfiles,
      engine: { failures: { 'sync.run': 'Visma refused the client credentials (invalid_client).' } },
    });
    await screen.findByRole('heading', { level: 2, name: 'No sync has run yet' });
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await screen.findByText('The sync stopped: Visma refused the client credentials (invalid_client).');
  });

  it('keeps Sync now disabled, with the reason, while a run started elsewhere is going', async () => {
    await renderApp({
      profiles: sampleProfiles,
      engine: { dashboard: { ...sampleDashboard, running: true } },
    });
    const button = await screen.findByRole('button', { name: 'Syncing…' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('sync-progress').textContent).toContain('Starting the sync…');
  });
});
