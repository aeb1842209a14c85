import { useEffect, useState } from 'react';
import type { ActiveTime } from './activeTime';

/** Rounding of activeMs and the two clocks (client, server lease time) must never tip a vote under the line. */
const SAFETY_MARGIN_MS = 250;

/**
 * Milliseconds of active time still needed before the server will accept a
 * vote (its published minimum time on task), 0 once met. Read live when a
 * vote is attempted: a vote the app accepts is a vote the server will accept.
 */
export function voteHoldLeft(time: ActiveTime, minActiveMs: number): number {
  if (minActiveMs <= 0) return 0;
  return Math.max(0, Math.ceil(minActiveMs + SAFETY_MARGIN_MS - time.elapsed(performance.now())));
}

/**
 * The same, for the visible countdown: re-renders four times a second while
 * the hold lasts and not at all after, so the keystroke path pays nothing.
 */
export function useVoteHold(time: ActiveTime, minActiveMs: number, taskId: string | null): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!taskId || minActiveMs <= 0) return undefined;
    const timer = setInterval(() => {
      setTick((tick) => tick + 1);
      if (voteHoldLeft(time, minActiveMs) === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [time, minActiveMs, taskId]);
  return taskId ? voteHoldLeft(time, minActiveMs) : 0;
}
