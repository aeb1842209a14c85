import { startTransition, useEffect, useState } from 'react';
import { scheduleIdle } from './scheduleIdle';

interface Progress<T> {
  items: T;
  count: number;
}

/**
 * How many of `total` chunks of `items` to show: one at first, then one more
 * each time the browser is idle. Each step is a transition, so React renders
 * it in interruptible slices and a keystroke or a click always goes first.
 * A new `items` (a new response) starts again from one chunk.
 */
export function useProgressiveCount<T>(items: T, total: number): number {
  const [progress, setProgress] = useState<Progress<T>>({ items, count: 1 });
  let count = progress.count;
  if (progress.items !== items) {
    // Resetting state during render is React's documented way to derive state from a changed prop.
    count = 1;
    setProgress({ items, count });
  }

  useEffect(() => {
    if (count >= total) return undefined;
    return scheduleIdle(() => {
      startTransition(() => {
        setProgress((current) => (current.items === items ? { items, count: current.count + 1 } : current));
      });
    });
  }, [items, count, total]);

  return Math.min(count, total);
}
