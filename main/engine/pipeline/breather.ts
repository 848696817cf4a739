/**
 * A run's long synchronous stretches (thousands of ledger moves with no HTTP in between) would hold the event loop
 * for seconds, so the process that runs the engine could not answer anything else meanwhile (a window's contract
 * call, a webhook, a status query). A breather hands the loop over for a turn once a slice of work has passed.
 */

/** How long the engine may hold the event loop before it gives other work a turn. */
export const BREATHING_SLICE_MS = 10;

/** A function to await between units of work: it yields to the event loop once `sliceMs` have passed since the last turn. */
export function createBreather(
  sliceMs = BREATHING_SLICE_MS,
  now: () => number = () => performance.now(),
): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = now();
  };
}
