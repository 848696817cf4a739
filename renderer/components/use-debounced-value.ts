import { useEffect, useState } from 'react';

/** How `useDebouncedValue` settles. */
export interface DebounceOptions {
  /**
   * Settle the first change after a quiet spell at once (a pasted or picked text answers without the pause); the
   * changes that follow it within `delayMs` settle only when typing pauses, as without this.
   */
  leading?: boolean;
}

interface DebounceState<T> {
  /** The value of the last render. */
  value: T;
  /** What the hook returns. */
  settled: T;
  /** A change came less than `delayMs` ago: the next one waits for the pause. */
  cooling: boolean;
}

/** `value`, but only after it has stayed the same for `delayMs` (for search boxes that query as you type). */
export function useDebouncedValue<T>(value: T, delayMs: number, options: DebounceOptions = {}): T {
  const [state, setState] = useState<DebounceState<T>>({ value, settled: value, cooling: false });
  let current = state;
  if (!Object.is(state.value, value)) {
    // A change seen while rendering: remembered at once (React's pattern for state from the previous render).
    current =
      options.leading && !state.cooling
        ? { value, settled: value, cooling: true }
        : { value, settled: state.settled, cooling: true };
    setState(current);
  }
  const { cooling } = current;
  useEffect(() => {
    if (!cooling) return;
    const timer = setTimeout(
      () => setState((s) => ({ value: s.value, settled: s.value, cooling: false })),
      delayMs,
    );
    return () => clearTimeout(timer);
  }, [current.value, cooling, delayMs]);
  return current.settled;
}
