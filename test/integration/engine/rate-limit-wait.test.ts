import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectProfile } from '../../../main/engine/connect';
import type { EnginePorts } from '../../../main/engine/ports';
import { runSync } from '../../../main/engine/run-sync';
import type { ProgressEvent } from '../../../main/engine/pipeline/context';
import { expectNoDuplicates, vismaDocuments } from './checks';
import { FAST_CLIENTS, startHarness, type Harness } from './harness';

describe("a run that needs more calls than Visma's window allows (issue 15)", () => {
  let h: Harness;
  let ports: EnginePorts;

  beforeAll(async () => {
    h = await startHarness({
      st: { invoices: 12, bills: 0 },
      visma: { rateLimit: { budget: 15, windowSeconds: 2 } },
    });
    // Every wait for a reset is announced here (the product announces those of 2 s or more).
    ports = await connectProfile(h.config, undefined, {
      ...FAST_CLIENTS,
      visma: { ...FAST_CLIENTS.visma, rateBudget: { announceAfterMs: 0 } },
    });
  });
  afterAll(() => h.stop());

  it('waits for the resets instead of meeting 429s, says when it carries on, and posts everything once', async () => {
    const progress: (ProgressEvent & { runId: number })[] = [];
    const summary = await runSync(
      h.config,
      { db: h.db, ...ports, now: () => h.now(), onProgress: (p) => progress.push(p) },
      { trigger: 'cli' },
    );
    const usage = h.visma.rateLimitUsage();
    expect(usage.length).toBeGreaterThan(1);
    expect(usage.reduce((n, w) => n + w.rejected, 0)).toBe(0);
    expect(usage.every((w) => w.used <= 15)).toBe(true);

    const notices = progress.filter((p) => p.notice);
    expect(notices.length).toBeGreaterThan(0);
    for (const p of notices) {
      expect(p.notice).toEqual({ code: 'visma_rate_limit_wait', resumeAt: expect.any(String) });
      expect(Number.isNaN(Date.parse(p.notice!.resumeAt))).toBe(false);
      expect(p.runId).toBe(summary.runId);
    }

    expect(summary.documents.invoices.posted).toBeGreaterThan(0);
    expectNoDuplicates(h);
    expect(vismaDocuments(h).length).toBe(summary.documents.invoices.posted);
  }, 120_000);
});
