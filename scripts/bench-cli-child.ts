/**
 * Runs the real CLI (`st-visma sync --json`) in a child process for the bench, with a probe that reports what the
 * kernel counted for the child: bytes written to disk, whole-process CPU and peak RSS.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SyncSummary } from '../main/engine/run-sync';

const root = join(import.meta.dirname, '..');

/** What the probe in the child reported at exit. */
export interface ChildProbe {
  io: { write_bytes?: number; wchar?: number; read_bytes?: number; rchar?: number };
  cpuSeconds: number;
  peakRssMb: number;
}

/** One child's JSON output, probe and wall time. */
export interface ChildRun<T = SyncSummary> {
  summary: T;
  probe: ChildProbe;
  wallSeconds: number;
}

/** Runs `node bin/st-visma.mjs <args> --json` with the probe and resolves with its JSON output. */
export function runCliChild(args: string[]): Promise<ChildRun> {
  return runChild<SyncSummary>(['bin/st-visma.mjs', ...args, '--json']);
}

/** Runs `node <argv>` (a script of this checkout and its arguments) with the probe; its stdout is one JSON value. */
export function runChild<T>(argv: string[]): Promise<ChildRun<T>> {
  const probe = pathToFileURL(join(root, 'scripts/bench-io-probe.mjs')).href;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', probe, ...argv], {
      cwd: root,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited with ${code}: ${err}`));
      const line = err.split('\n').find((l) => l.startsWith('BENCH-PROBE '));
      resolve({
        summary: JSON.parse(out) as T,
        probe: line
          ? (JSON.parse(line.slice('BENCH-PROBE '.length)) as ChildProbe)
          : { io: {}, cpuSeconds: 0, peakRssMb: 0 },
        wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
  });
}
