import { useCallback, useEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';

/** The rows a scroll position shows: `[first, last)` with `overscan` extra rows on either side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan: number,
): { first: number; last: number } {
  const top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(viewportHeight / rowHeight) + 1;
  return {
    first: Math.max(0, top - overscan),
    last: Math.min(rowCount, top + shown + overscan),
  };
}

/**
 * A scrolling body that renders only the rows in view (fixed row height, `overscan` rows beyond each edge), so the
 * DOM stays small whatever `rowCount` is. Rows are placed in one translated block inside a spacer of the full
 * height, so the scroll bar behaves as if every row were there. `onRange` reports the rows in view (for loading).
 */
export function VirtualRows(props: {
  rowCount: number;
  rowHeight: number;
  /** Height of the scrolling area in pixels (also what is assumed before the browser has laid it out). */
  height: number;
  overscan?: number;
  className?: string;
  role?: string;
  renderRow: (index: number) => ReactNode;
  onRange?: (first: number, last: number) => void;
  /** Row to bring into view when it changes (a deep link to one row). */
  scrollToIndex?: number | null;
}) {
  const { rowCount, rowHeight, height, overscan = 8, onRange, scrollToIndex } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(height);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || height));
    observer.observe(el);
    return () => observer.disconnect();
  }, [height]);

  useEffect(() => {
    const el = ref.current;
    if (!el || scrollToIndex == null || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    if (top < el.scrollTop || top + rowHeight > el.scrollTop + (el.clientHeight || height)) {
      el.scrollTop = top;
      setScrollTop(top);
    }
  }, [scrollToIndex, rowHeight, height]);

  const { first, last } = visibleRange(scrollTop, viewport, rowHeight, rowCount, overscan);
  useEffect(() => onRange?.(first, last), [first, last, onRange]);

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
  }, []);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(props.renderRow(i));
  return (
    <div
      ref={ref}
      role={props.role}
      className={props.className}
      style={{ height, overflowY: 'auto', position: 'relative' }}
      onScroll={onScroll}
    >
      <div style={{ height: rowCount * rowHeight, position: 'relative' }}>
        <div style={{ transform: `translateY(${first * rowHeight}px)` }}>{rows}</div>
      </div>
    </div>
  );
}
