// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from '../../../../renderer/components/use-debounced-value';

const DELAY = 250;

function render(leading: boolean) {
  return renderHook(({ value }: { value: string }) => useDebouncedValue(value, DELAY, { leading }), {
    initialProps: { value: '' },
  });
}

describe('a debounced value', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('settles only after the value has stayed the same for the delay', () => {
    const hook = render(false);
    hook.rerender({ value: 'F' });
    expect(hook.result.current).toBe('');
    act(() => {
      vi.advanceTimersByTime(DELAY - 1);
    });
    hook.rerender({ value: 'Fj' });
    act(() => {
      vi.advanceTimersByTime(DELAY - 1);
    });
    expect(hook.result.current).toBe('');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(hook.result.current).toBe('Fj');
  });

  it('with a leading edge, settles the first change at once and the burst after it at the pause', () => {
    const hook = render(true);
    hook.rerender({ value: 'Fjord' });
    expect(hook.result.current).toBe('Fjord');
    hook.rerender({ value: 'Fjord E' });
    expect(hook.result.current).toBe('Fjord');
    act(() => {
      vi.advanceTimersByTime(DELAY - 1);
    });
    hook.rerender({ value: 'Fjord El' });
    act(() => {
      vi.advanceTimersByTime(DELAY - 1);
    });
    expect(hook.result.current).toBe('Fjord');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(hook.result.current).toBe('Fjord El');
    // Quiet again: the next change answers at once.
    act(() => {
      vi.advanceTimersByTime(DELAY);
    });
    hook.rerender({ value: '' });
    expect(hook.result.current).toBe('');
  });

  it('settles nothing on the first render', () => {
    const hook = render(true);
    act(() => {
      vi.advanceTimersByTime(DELAY * 4);
    });
    expect(hook.result.current).toBe('');
  });
});
