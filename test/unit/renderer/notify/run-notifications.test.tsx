// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../../renderer/i18n/create-i18n';
import { runNoticeFor } from '../../../../renderer/notify/run-notice';
import { renderApp } from '../support/render-app';
import { sampleProfiles } from '../support/memory-bridge';
import { emptyDashboard } from '../support/engine-samples';

afterEach(() => cleanup());

/** A stand-in for the window's Notifications API that records what was shown. */
class RecordedNotification {
  static permission: NotificationPermission = 'granted';
  static shown: RecordedNotification[] = [];
  static requestPermission = () => Promise.resolve(RecordedNotification.permission);
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: { body: string; tag: string },
  ) {
    RecordedNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
}

beforeEach(() => {
  RecordedNotification.shown = [];
  RecordedNotification.permission = 'granted';
  globalThis.Notification = RecordedNotification as unknown as typeof Notification;
});

describe('the notice of a finished run', () => {
  it('speaks of a failure with its reason, of new review items with their count, and of nothing else', async () => {
    const i18n = await createI18n('en');
    const t = i18n.t;
    const failed = runNoticeFor(
      { profileId: 'p', runId: '4', phase: 'failed', done: 0, message: 'Visma cannot be reached.' },
      'Nordic HVAC AS',
      t,
    );
    expect(failed).toEqual({
      title: 'Sync of Nordic HVAC AS failed',
      body: 'Visma cannot be reached. Open the dashboard to see what to do.',
      path: '/',
      tag: 'sync-p-4',
    });
    const review = runNoticeFor(
      {
        profileId: 'p',
        runId: '5',
        phase: 'done',
        done: 1,
        outcome: { posted: 3, reviewQueue: 7, reviewAdded: 2 },
      },
      'Nordic HVAC AS',
      t,
    );
    expect(review?.body).toBe('2 documents went into the review queue (7 waiting in all).');
    expect(review?.path).toBe('/review');
    const quiet = { profileId: 'p', runId: '6', done: 1 };
    expect(
      runNoticeFor(
        { ...quiet, phase: 'done', outcome: { posted: 3, reviewQueue: 7, reviewAdded: 0 } },
        'x',
        t,
      ),
    ).toBeNull();
    expect(
      runNoticeFor({ ...quiet, phase: 'cancelled', message: 'The sync was cancelled.' }, 'x', t),
    ).toBeNull();
    expect(runNoticeFor({ ...quiet, phase: 'post' }, 'x', t)).toBeNull();
  });

  it('is worded in Norwegian when the app is', async () => {
    const i18n = await createI18n('nb');
    const notice = runNoticeFor(
      {
        profileId: 'p',
        runId: '1',
        phase: 'done',
        done: 1,
        outcome: { posted: 0, reviewQueue: 1, reviewAdded: 1 },
      },
      'Nordic HVAC AS',
      i18n.t,
    );
    expect(notice?.body).toBe('1 bilag gikk til gjennomgangskøen (1 venter i alt).');
  });
});

describe('OS notifications in the app', () => {
  it('raises one when a run of another profile fails; a click opens that profile', async () => {
    const { bridge } = await renderApp(
      { profiles: sampleProfiles, engine: { dashboard: emptyDashboard } },
      '#/audit',
    );
    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    // The header names the active profile once the profiles are read: from then on a notice names them too.
    await screen.findAllByText('Nordic HVAC AS');
    act(() =>
      bridge.emit('sync.progress', {
        profileId: 'test-company',
        runId: '9',
        phase: 'failed',
        done: 0,
        message: 'ServiceTitan refused the client secret.',
      }),
    );
    expect(RecordedNotification.shown).toHaveLength(1);
    const [shown] = RecordedNotification.shown;
    expect(shown?.title).toBe('Sync of Test company failed');
    act(() => shown?.onclick?.());
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    expect(window.location.hash).toBe('#/');
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.channel === 'profiles.setActive').map((c) => c.input)).toEqual([
        { profileId: 'test-company' },
      ]),
    );
    expect(shown?.closed).toBe(true);
  });

  it('opens the review queue from a notice about new review items', async () => {
    const { bridge } = await renderApp({ profiles: sampleProfiles, engine: { dashboard: emptyDashboard } });
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    act(() =>
      bridge.emit('sync.progress', {
        profileId: 'nordic-hvac',
        runId: '3',
        phase: 'done',
        done: 1,
        outcome: { posted: 5, reviewQueue: 4, reviewAdded: 4 },
      }),
    );
    expect(RecordedNotification.shown.map((n) => n.options.body)).toEqual([
      '4 documents went into the review queue (4 waiting in all).',
    ]);
    act(() => RecordedNotification.shown[0]?.onclick?.());
    await screen.findByRole('heading', { level: 1, name: 'Review queue' });
  });

  it('shows nothing without permission, and Settings offers to ask for it', async () => {
    RecordedNotification.permission = 'default';
    const { bridge } = await renderApp(
      { profiles: sampleProfiles, engine: { dashboard: emptyDashboard } },
      '#/settings',
    );
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    act(() =>
      bridge.emit('sync.progress', { profileId: 'nordic-hvac', runId: '1', phase: 'failed', done: 0 }),
    );
    expect(RecordedNotification.shown).toHaveLength(0);
    expect(screen.getByTestId('notification-access').textContent).toBe('Notifications are not allowed yet.');
    RecordedNotification.permission = 'granted';
    act(() => screen.getByRole('button', { name: 'Allow notifications' }).click());
    await waitFor(() =>
      expect(screen.getByTestId('notification-access').textContent).toBe('Notifications are on.'),
    );
  });
});
