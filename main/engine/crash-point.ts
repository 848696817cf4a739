import { isMainThread } from 'node:worker_threads';

/**
 * Named crash points for the crash-safety test. A no-op unless `ST_VISMA_CRASH_AT=<name>:<n>` is set, in which case
 * the process kills itself with SIGKILL the n-th time (1-based) it passes `<name>` — no cleanup, like a power cut.
 * `ST_VISMA_CRASH_AT=thread:<name>:<n>` in the engine process's sync worker ends only that thread, as the worker's
 * own death would (the engine process lives on and starts a new worker, which runs without the crash point).
 * Only from source: the production bundles define `__TEST_HOOKS__` false, which compiles the variable's read out.
 */
let spec: string | undefined;
if (typeof __TEST_HOOKS__ === 'undefined' || __TEST_HOOKS__) spec = process.env.ST_VISMA_CRASH_AT;
const threadOnly = spec?.startsWith('thread:') === true;
if (threadOnly) spec = spec?.slice('thread:'.length);
const [target, nth] = spec
  ? [spec.slice(0, spec.lastIndexOf(':')), Number(spec.slice(spec.lastIndexOf(':') + 1))]
  : ['', 0];
let passes = 0;

/** Marks a point between two steps of a run. */
export function crashPoint(name: string): void {
  if (!spec || name !== target) return;
  passes += 1;
  if (passes !== nth) return;
  if (threadOnly && !isMainThread) process.exit(70);
  process.kill(process.pid, 'SIGKILL');
}

/** The environment of a sync worker started after another one died: a crash point is armed in the first one only. */
export function envOfRestartedWorker(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (typeof __TEST_HOOKS__ === 'undefined' || __TEST_HOOKS__) delete env.ST_VISMA_CRASH_AT;
  return env;
}

/** Every crash point the engine passes, in run order (the crash test iterates over these). */
export const CRASH_POINTS = [
  'align.supplier.before-create',
  'align.supplier.after-create',
  'run.started',
  'recover.done',
  'masterdata.refreshed',
  'intake.batch-stored',
  'intake.done',
  'uncertain.resolved',
  'party.before-create',
  'party.after-create',
  'party.linked',
  'resolve.done',
  'post.marked-posting',
  'post.after-create-sent',
  'post.marked-posted',
  'post.confirmed',
  'post.before-release',
  'post.after-release-sent',
  'post.marked-released',
  'verify.listed',
  'verify.marked',
  'export.before-mark',
  'export.after-mark-sent',
  'export.marked',
  'run.finishing',
] as const;
