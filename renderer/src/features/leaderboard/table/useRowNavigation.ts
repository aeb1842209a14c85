import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Roving focus over table rows: one row is in the tab order, the arrow keys, Page Up/Down,
 * Home and End move it. With a virtualized body the target row may not exist yet, so the
 * caller scrolls it into range and the row takes focus when it mounts.
 */
export function useRowNavigation(count: number, scrollTo: (index: number) => void) {
  const [active, setActive] = useState(0);
  const rows = useRef(new Map<number, HTMLTableRowElement>());
  const wantsFocus = useRef(false);
  const current = Math.min(active, Math.max(0, count - 1));

  useEffect(() => {
    if (!wantsFocus.current) return;
    const row = rows.current.get(current);
    if (row) {
      row.focus();
      wantsFocus.current = false;
    }
  });

  const move = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(count - 1, index));
      wantsFocus.current = true;
      setActive(next);
      scrollTo(next);
      rows.current.get(next)?.focus();
    },
    [count, scrollTo],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const page = 10;
    const target: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: count - 1,
    };
    const index = target[event.key];
    if (index === undefined) return;
    event.preventDefault();
    move(index);
  };

  const rowProps = (index: number) => ({
    tabIndex: index === current ? 0 : -1,
    ref: (element: HTMLTableRowElement | null) => {
      if (element) rows.current.set(index, element);
      else rows.current.delete(index);
    },
    onFocus: () => setActive(index),
  });

  return { onKeyDown, rowProps };
}
