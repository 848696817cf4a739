import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireRun, RunInProgressError, type RunHandle } from '../../../main/engine/run-lock';
import { openLedger } from '../../../main/storage/ledger';
import { runLockFile } from '../../../main/storage/process-lock';
import type { Ledger } from '../../../main/storage/types';

const CHILD = join(import.meta.dirname, 'support', 'run-lock-child.ts');
const T0 = new Date('2026-03-01T10:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3600_000);

interface ChildLine {
  held: boolean;
  busy?: boolean;
  id?: number;
  pid?: number;
  message?: string;
}

/** Starts the helper and resolves with its first line (it prints one when it holds the lock, or failed to). */
function startChild(
  mode: 'hold' | 'try',
  file: string,
  at: Date,
): { child: ChildProcessWithoutNullStreams; line: Promise<ChildLine>; exited: Promise<unknown> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, file, 'p1', at.toISOString()], {
    cwd: join(import.meta.dirname, '../../..'),
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const line = new Promise<ChildLine>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (l) => resolve(JSON.parse(l) as ChildLine));
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before answering: ${stderr}`)));
  });
  return { child, line, exited };
}

describe('run lock (OS-level, per data folder and profile)', { timeout: 60_000 }, () => {
  let dir: string;
  let db: Ledger;
  const runs: RunHandle[] = [];
  const children: ChildProcessWithoutNullStreams[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-lock-'));
    db = openLedger(join(dir, 'ledger.sqlite'), undefined, { now: () => T0 });
  });
  afterEach(() => {
    for (const r of runs.splice(0)) r.finish('completed', {}, T0);
    for (const c of children.splice(0)) c.kill('SIGKILL');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const statuses = () => db.prepare('SELECT status FROM sync_runs ORDER BY id').pluck().all();

  it('refuses a second run in the same process while held, naming who holds it and since when', async () => {
    const run = await acquireRun(db, 'p1', 'manual', T0, { holder: 'the app' });
    runs.push(run);
    const second = acquireRun(db, 'p1', 'schedule', T0);
    await expect(second).rejects.toBeInstanceOf(RunInProgressError);
    await expect(second).rejects.toThrow(
      `A sync of profile "p1" is already running: the app (pid ${process.pid}) since 2026-03-01 10:00:00 UTC.`,
    );
    const other = await acquireRun(db, 'p2', 'manual', T0);
    runs.push(other);
    run.finish('completed', {}, T0);
    const next = await acquireRun(db, 'p1', 'schedule', T0);
    runs.push(next);
    expect(next.id).toBeGreaterThan(other.id);
    expect(statuses()).toEqual(['completed', 'running', 'running']);
  });

  it('refuses a run in a child process while this process holds the lock', async () => {
    runs.push(await acquireRun(db, 'p1', 'manual', T0, { holder: 'the app' }));
    const { child, line } = startChild('try', db.name, T0);
    children.push(child);
    const answer = await line;
    expect(answer).toMatchObject({ held: false, busy: true });
    expect(answer.message).toContain(`the app (pid ${process.pid})`);
  });

  it('frees the lock at once when the holding process is killed; its row is marked abandoned', async () => {
    const { child, line, exited } = startChild('hold', db.name, T0);
    children.push(child);
    const held = await line;
    expect(held.held).toBe(true);
    await expect(acquireRun(db, 'p1', 'manual', T0)).rejects.toThrow(`the test child (pid ${child.pid})`);
    child.kill('SIGKILL');
    await exited;
    const run = await acquireRun(db, 'p1', 'manual', hours(0.01));
    runs.push(run);
    expect(statuses()).toEqual(['abandoned', 'running']);
  });

  it('never takes over a live holder whose heartbeat is hours old', async () => {
    const { child, line } = startChild('hold', db.name, T0);
    children.push(child);
    expect((await line).held).toBe(true);
    // The child's heartbeat stays at T0; far past any heartbeat interval (the old takeover was after 2 minutes).
    for (const later of [hours(0.05), hours(3), hours(48)]) {
      await expect(acquireRun(db, 'p1', 'manual', later)).rejects.toBeInstanceOf(RunInProgressError);
    }
    const row = db.prepare('SELECT status, heartbeat_at FROM sync_runs').get() as Record<string, string>;
    expect(row).toEqual({ status: 'running', heartbeat_at: T0.toISOString() });
  });

  it('waits for a run in progress when asked to, without blocking the event loop', async () => {
    const run = await acquireRun(db, 'p1', 'manual', T0);
    let waitedFor: string | undefined;
    const waiting = acquireRun(db, 'p1', 'cli', T0, {
      waitMs: 60_000,
      pollMs: 5,
      onWait: (holder) => {
        waitedFor = holder?.holder;
        run.finish('completed', {}, T0); // the event loop runs while waiting: the holder can finish
      },
    });
    const next = await waiting;
    runs.push(next);
    expect(waitedFor).toBe('a st-visma process');
    expect(statuses()).toEqual(['completed', 'running']);
  });

  it('gives up after the wait with a plain message', async () => {
    runs.push(await acquireRun(db, 'p1', 'manual', T0));
    await expect(acquireRun(db, 'p1', 'cli', T0, { waitMs: 30, pollMs: 5 })).rejects.toThrow(
      /already running: .*It was still running after waiting 0 s\. This request was not started\./,
    );
  });

  it('writes the heartbeat on a timer while the lock is held, and stops when the run finishes', async () => {
    let tick = 0;
    const run = await acquireRun(db, 'p1', 'manual', T0, { heartbeatMs: 5, clock: () => hours(++tick) });
    const heartbeat = () => db.prepare('SELECT heartbeat_at FROM sync_runs').pluck().get() as string;
    await expect.poll(heartbeat, { timeout: 30_000, interval: 5 }).not.toBe(T0.toISOString());
    run.finish('completed', {}, hours(100));
    const after = heartbeat();
    const beats = tick;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tick).toBe(beats);
    expect(heartbeat()).toBe(after);
  });

  it('keeps one lock file per profile beside the ledger', () => {
    expect(runLockFile(db.name, 'p1')).toBe(join(dir, 'locks', 'p1.lock'));
    expect(runLockFile(db.name, '../x')).toBe(join(dir, 'locks', '_2e_2e_2fx.lock'));
  });
});
