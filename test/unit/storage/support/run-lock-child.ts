/**
 * A child process for the run-lock tests: `hold` takes the run lock and keeps it (printing one JSON line once held)
 * until killed; `try` attempts it once and prints what happened. Usage:
 *   node --import tsx run-lock-child.ts <hold|try> <ledger file> <profile> <ISO now>
 */
import { acquireRun, RunInProgressError } from '../../../../main/engine/run-lock';
import { openLedger } from '../../../../main/storage/ledger';

const [mode, file, profile, at] = process.argv.slice(2) as [string, string, string, string];
const now = new Date(at);
const db = openLedger(file, undefined, { now: () => now });

function say(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

try {
  // The heartbeat never fires while held: the holder is "silent" for as long as the test likes.
  const run = await acquireRun(db, profile, 'cli', now, { holder: 'the test child', heartbeatMs: 2 ** 30 });
  say({ held: true, id: run.id, pid: process.pid });
  if (mode === 'hold') setInterval(() => undefined, 1000);
  else {
    run.finish('completed', {}, now);
    db.close();
  }
} catch (err) {
  say({ held: false, busy: err instanceof RunInProgressError, message: (err as Error).message });
  db.close();
}
