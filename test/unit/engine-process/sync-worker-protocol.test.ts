import { describe, expect, it } from 'vitest';
import { RunCancelledError } from '../../../main/engine/pipeline/cancel';
import { RunFailedError } from '../../../main/engine/run-record';
import { RunInProgressError } from '../../../main/engine/run-lock';
import { redactor } from '../../../main/log/redactor';
import { RelayedError, relayError, reviveError, rootOf } from '../../../main/engine-process/relayed-error';
import {
  FromSyncWorker,
  SyncWorkerData,
  ToSyncWorker,
} from '../../../main/engine-process/sync-worker-protocol';
import { LedgerDamagedError } from '../../../main/storage/ledger-errors';

/** Through the wire: a structured clone (what postMessage does), then the schema. */
function acrossThreads<T>(schema: { parse(v: unknown): T }, value: unknown): T {
  return schema.parse(structuredClone(value));
}

const SUMMARY = {
  runId: 7,
  profileId: 'acme',
  trigger: 'manual',
  status: 'completed',
  startedAt: '2026-03-01T10:00:00.000Z',
  finishedAt: '2026-03-01T10:01:00.000Z',
  durationMs: 60000,
  documents: {
    invoices: {
      seen: 3,
      new: 3,
      changed: 0,
      posted: 2,
      released: 2,
      exported: 2,
      held: 0,
      blocked: 1,
      failed: 0,
      review: 1,
    },
    bills: {
      seen: 0,
      new: 0,
      changed: 0,
      posted: 0,
      released: 0,
      exported: 0,
      held: 0,
      blocked: 0,
      failed: 0,
      review: 0,
    },
  },
  reviewQueue: 1,
  calls: { servicetitan: 4, visma: 9, vismaPerPostedDocument: 4.5, servicetitanPerDocumentSeen: 1.3 },
  masterData: null,
  resources: { cpuSeconds: 1.2, peakRssMb: 300 },
};

describe('the messages between the engine thread and the sync worker', () => {
  it('carries a run with the options that can cross a thread', () => {
    const run = {
      type: 'run',
      id: 1,
      config: { id: 'acme' },
      options: {
        trigger: 'webhook',
        actor: 'webhook',
        queuedInvoiceIds: ['12'],
        lock: { holder: 'the app' },
      },
    };
    expect(acrossThreads(ToSyncWorker, run)).toEqual(run);
  });

  it('refuses a run with an unknown trigger or actor, a negative id, and unknown message types', () => {
    const options = { trigger: 'manual', actor: 'user' };
    for (const bad of [
      { type: 'run', id: 1, config: {}, options: { ...options, trigger: 'sometimes' } },
      { type: 'run', id: 1, config: {}, options: { ...options, actor: 'robot' } },
      { type: 'run', id: -1, config: {}, options },
      { type: 'cancel' },
      { type: 'drop', profileId: 3 },
      { type: 'explode' },
    ])
      expect(ToSyncWorker.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('carries progress with its notice, and refuses progress the contract would refuse', () => {
    const event = {
      runId: 3,
      phase: 'post',
      done: 4,
      total: 9,
      notice: { code: 'visma_rate_limit_wait', resumeAt: '2026-03-01T11:00:00.000Z' },
    };
    expect(acrossThreads(FromSyncWorker, { type: 'progress', id: 1, event })).toEqual({
      type: 'progress',
      id: 1,
      event,
    });
    for (const bad of [
      { ...event, done: -1 },
      { ...event, runId: '3' },
      { ...event, notice: { code: 'other', resumeAt: 'x' } },
    ])
      expect(FromSyncWorker.safeParse({ type: 'progress', id: 1, event: bad }).success).toBe(false);
  });

  it('checks a summary against the contract and keeps what the contract does not name', () => {
    const done = acrossThreads(FromSyncWorker, { type: 'done', id: 2, summary: SUMMARY });
    expect(done).toMatchObject({ type: 'done', summary: { runId: 7, resources: { cpuSeconds: 1.2 } } });
    const { reviewQueue: _dropped, ...incomplete } = SUMMARY;
    expect(FromSyncWorker.safeParse({ type: 'done', id: 2, summary: incomplete }).success).toBe(false);
  });

  it('carries keychain requests and log lines, and needs a ledger file to start', () => {
    const secret = {
      type: 'secret',
      id: 4,
      request: { op: 'get', profileId: 'acme', kind: 'visma.clientSecret' },
    };
    expect(acrossThreads(FromSyncWorker, secret)).toEqual(secret);
    expect(
      FromSyncWorker.safeParse({ type: 'secret', id: 4, request: { op: 'steal', profileId: 'acme' } })
        .success,
    ).toBe(false);
    expect(acrossThreads(FromSyncWorker, { type: 'log', level: 'warn', message: 'slow' })).toMatchObject({
      level: 'warn',
    });
    expect(FromSyncWorker.safeParse({ type: 'log', level: 'loud', message: 'x' }).success).toBe(false);
    expect(SyncWorkerData.safeParse({ ledgerFile: '' }).success).toBe(false);
  });
});

describe("a run's error across threads", () => {
  const revived = (err: unknown) => reviveError(acrossThreads(RelayedError, relayError(err)));

  it('a busy profile stays a RunInProgressError with who holds it', () => {
    const holder = { holder: 'st-visma sync', pid: 42, host: 'pc', since: '2026-03-01T10:00:00.000Z' };
    const err = revived(new RunInProgressError('acme', holder, 3000));
    expect(err).toBeInstanceOf(RunInProgressError);
    expect(err).toMatchObject({ profileId: 'acme', holder, waitedMs: 3000 });
    expect(err.message).toBe(new RunInProgressError('acme', holder, 3000).message);
  });

  it('a failed run keeps its run id and its cause; a cancelled one stays a RunCancelledError', () => {
    const cancelled = revived(new RunFailedError(9, new RunCancelledError()));
    expect(cancelled).toBeInstanceOf(RunFailedError);
    expect((cancelled as RunFailedError).runId).toBe(9);
    expect((cancelled as RunFailedError).cause).toBeInstanceOf(RunCancelledError);
    expect(cancelled.message).toBe(new RunCancelledError().message);
    expect(revived(new RunCancelledError())).toBeInstanceOf(RunCancelledError);
  });

  it('other errors keep their name and message, with secrets masked; the root names a damaged ledger', () => {
    redactor.add('s3cr3t-value');
    const failed = revived(new RunFailedError(2, new Error('Visma said no to s3cr3t-value')));
    const cause = (failed as RunFailedError).cause as Error;
    expect(cause.message).toBe('Visma said no to [HIDDEN]');
    const damaged = new LedgerDamagedError(
      '/data/ledger.sqlite',
      ['page 3 is broken'],
      null,
      '/data/backups',
    );
    const relayed = relayError(new RunFailedError(5, damaged));
    expect(rootOf(relayed)).toEqual({ kind: 'error', name: 'LedgerDamagedError', message: damaged.message });
  });

  it('a failed run whose cause does not parse still fails with a plain message', () => {
    const err = reviveError({ kind: 'run-failed', runId: 1, cause: { kind: 'mystery' } });
    expect(((err as RunFailedError).cause as Error).message).toMatch(/not passed on/);
  });
});
