/** The engine's run phases, in the order a run goes through them (see main/engine/run-sync.ts). */
export const SYNC_PHASES = [
  'recover',
  'masterdata',
  'lookup',
  'intake',
  'parties',
  'resolve',
  'post',
  'changes',
  'verify',
  'export',
] as const;

/** One known phase. */
export type SyncPhase = (typeof SYNC_PHASES)[number];

/** True when the engine reported a phase this screen has words for. */
export function isKnownPhase(phase: string): phase is SyncPhase {
  return (SYNC_PHASES as readonly string[]).includes(phase);
}

/** How far a run is, 0–1: finished phases plus the share of the current one (when its total is known). */
export function runFraction(progress: { phase: string; done: number; total?: number }): number | undefined {
  if (!isKnownPhase(progress.phase)) return undefined;
  const index = SYNC_PHASES.indexOf(progress.phase);
  const within = progress.total ? Math.min(1, progress.done / progress.total) : 0;
  return (index + within) / SYNC_PHASES.length;
}
