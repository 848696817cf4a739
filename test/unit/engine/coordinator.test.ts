import { describe, expect, it } from 'vitest';
import { SyncCoordinator, nextScheduledRun } from '../../../main/engine/coordinator';
import type { RunOptions, SyncSummary } from '../../../main/engine/run-sync';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SyncCoordinator', () => {
  it('runs one at a time and coalesces triggers that arrive during a run into one follow-up run', async () => {
    const runs: RunOptions[] = [];
    const gates = [deferred(), deferred()];
    const coordinator = new SyncCoordinator(async (options) => {
      const gate = gates[runs.length]!;
      runs.push(options);
      await gate.promise;
      return { runId: runs.length } as SyncSummary;
    });
    const first = coordinator.trigger('manual');
    const second = coordinator.trigger('webhook', ['1']);
    const third = coordinator.trigger('schedule', ['2', '1']);
    expect(coordinator.busy).toBe(true);
    expect(runs).toHaveLength(1);
    gates[0]!.resolve();
    expect((await first).runId).toBe(1);
    gates[1]!.resolve();
    expect((await second).runId).toBe(2);
    expect(await third).toBe(await second);
    expect(runs.map((r) => r.trigger)).toEqual(['manual', 'webhook']);
    expect(runs[1]!.queuedInvoiceIds).toEqual(['1', '2']);
    expect(coordinator.busy).toBe(false);
  });

  it('cancels the run in progress through its signal and drops the follow-up queued behind it', async () => {
    const signals: AbortSignal[] = [];
    const coordinator = new SyncCoordinator(
      (options) =>
        new Promise<SyncSummary>((_, reject) => {
          signals.push(options.signal!);
          options.signal!.addEventListener('abort', () => reject(new Error('stopped at a safe point')));
        }),
    );
    expect(coordinator.cancel()).toBe(false);
    const first = coordinator.trigger('manual');
    const followUp = coordinator.trigger('schedule');
    expect(coordinator.cancel()).toBe(true);
    await expect(first).rejects.toThrow('stopped at a safe point');
    await expect(followUp).rejects.toThrow('The sync was cancelled');
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    expect(coordinator.busy).toBe(false);
  });

  it('starts the follow-up run even when the current one fails', async () => {
    let n = 0;
    const gate = deferred();
    const coordinator = new SyncCoordinator(async () => {
      n++;
      if (n === 1) {
        await gate.promise;
        throw new Error('Visma is unreachable');
      }
      return { runId: n } as SyncSummary;
    });
    const first = coordinator.trigger('manual');
    const second = coordinator.trigger('manual');
    gate.resolve();
    await expect(first).rejects.toThrow('unreachable');
    expect((await second).runId).toBe(2);
  });
});

describe('nextScheduledRun', () => {
  it("finds the next start in the profile's time zone, across a daylight-saving change", () => {
    // 06:00 in Oslo on weekdays; Friday 27 March 2026 after 06:00, so the next is Monday 30 March, in summer time.
    const next = nextScheduledRun('0 6 * * 1-5', 'Europe/Oslo', new Date('2026-03-27T06:30:00.000Z'));
    expect(next?.toISOString()).toBe('2026-03-30T04:00:00.000Z');
  });

  it('answers null for an expression that cannot be read, instead of throwing', () => {
    expect(nextScheduledRun('every day', 'Europe/Oslo', new Date('2026-03-27T06:30:00.000Z'))).toBeNull();
  });
});
