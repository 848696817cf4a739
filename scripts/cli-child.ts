/**
 * Runs `st-visma` in a child process and measures it from the outside: wall time, and the child's own CPU seconds
 * and peak RSS (read by a preloaded module from `process.resourceUsage()` as the child exits, sent back on fd 3), so
 * the figures are the CLI's alone, not the simulators' in the parent.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** What one CLI run printed and cost. */
export interface CliRun {
  stdout: string;
  wallSeconds: number;
  /** User plus system CPU of the child. */
  cpuSeconds: number;
  /** The child's peak resident set (maxRSS), in MB. */
  peakRssMb: number;
}

/** Written by the child as it exits, whatever way it exits (process.exit included). */
const REPORT_USAGE = [
  "import { writeSync } from 'node:fs';",
  "process.on('exit', () => {",
  '  const u = process.resourceUsage();',
  '  writeSync(3, JSON.stringify({ cpuMicros: u.userCPUTime + u.systemCPUTime, maxRssKb: u.maxRSS }));',
  '});',
].join('\n');

function collect(stream: Readable | null): () => string {
  const chunks: Buffer[] = [];
  stream?.on('data', (d: Buffer) => chunks.push(d));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs `st-visma <args>` (with Node's `nodeArgs`) from the repository root; rejects with its stderr on a non-zero exit. */
export function runCli(root: string, args: string[], nodeArgs: string[] = []): Promise<CliRun> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...nodeArgs,
        '--import',
        `data:text/javascript,${encodeURIComponent(REPORT_USAGE)}`,
        join(root, 'bin/st-visma.mjs'),
        ...args,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    const usage = collect(child.stdio[3] as Readable);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`st-visma ${args[0]} exited with ${code}: ${stderr()}`));
      try {
        const u = JSON.parse(usage()) as { cpuMicros: number; maxRssKb: number };
        resolve({
          stdout: stdout(),
          wallSeconds,
          cpuSeconds: u.cpuMicros / 1e6,
          peakRssMb: Math.round(u.maxRssKb / 102.4) / 10,
        });
      } catch (error) {
        reject(new Error(`st-visma ${args[0]} did not report its resource usage: ${String(error)}`));
      }
    });
  });
}
