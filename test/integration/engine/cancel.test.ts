import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunCancelledError } from '../../../main/engine/pipeline/cancel';
import { RunFailedError } from '../../../main/engine/run-record';
import { runSync } from '../../../main/engine/run-sync';
import { listAudit } from '../../../main/storage/audit';
import {
  eligibleSources,
  expectAllPostedOrExplained,
  expectNoDuplicates,
  statesOf,
  vismaDocuments,
} from './checks';
import { startHarness, type Harness } from './harness';

describe('Cancel during a run (issue 14)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 60, bills: 0 } });
  });
  afterAll(() => h.stop());

  it('stops between documents, leaves nothing half posted, and the next run finishes the job once', async () => {
    const abort = new AbortController();
    const run = runSync(
      h.config,
      {
        db: h.db,
        ...h.ports,
        now: () => h.now(),
        // Cancel as the third document is posted: the others in flight finish, no new one starts.
        onProgress: (p) => {
          if (p.phase === 'post' && p.done === 3) abort.abort();
        },
      },
      { trigger: 'manual', signal: abort.signal },
    );
    const failure = await run.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(RunFailedError);
    expect((failure as RunFailedError).cause).toBeInstanceOf(RunCancelledError);

    const states = statesOf(h);
    expect(states.posting ?? 0).toBe(0);
    expect(states.uncertain ?? 0).toBe(0);
    const postedSoFar = vismaDocuments(h).length;
    expect(postedSoFar).toBeGreaterThanOrEqual(3);
    expect(states.ready ?? 0).toBeGreaterThan(0);
    expectNoDuplicates(h);
    const cancelled = listAudit(h.db, { profileId: h.config.id, action: 'sync.cancelled' });
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.message).toContain('was cancelled');
    const runRow = h.db
      .prepare('SELECT status, summary_json FROM sync_runs ORDER BY id DESC LIMIT 1')
      .get() as {
      status: string;
      summary_json: string;
    };
    expect(runRow.status).toBe('failed');
    expect(JSON.parse(runRow.summary_json)).toMatchObject({ cancelled: true });

    const again = await h.sync('manual');
    expect(again.status).toBe('completed');
    expect(vismaDocuments(h).length).toBeGreaterThan(postedSoFar);
    expectAllPostedOrExplained(h, eligibleSources(h));
  }, 120_000);
});
