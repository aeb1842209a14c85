import { useEffect, useState } from 'react';
import { useSupervisor } from '../../../stores/supervisor';
import type { InboxCard, InboxQuery } from '../analysis/inbox';
import { analysisEngine } from '../engine/analysisEngine';

/** Cards shown at most: the strongest first; a search reaches the rest. */
export const INBOX_LIMIT = 2000;
const TYPING_PAUSE_MS = 150;

/**
 * Asks the Worker for the cards matching the filter. The full inbox (tens of
 * thousands of items at 200,000 votes) stays there, so the page never copies
 * it across the Worker boundary in one long task.
 */
export function useInbox(kind: InboxQuery['kind'], needle: string): { cards: InboxCard[]; matching: number } | null {
  const ready = useSupervisor((state) => state.votesState === 'ready');
  const [result, setResult] = useState<{ cards: InboxCard[]; matching: number } | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    const timer = setTimeout(
      () => {
        void analysisEngine()
          .run('inbox', { kind, needle, limit: INBOX_LIMIT })
          .then((next) => {
            if (live) setResult(next);
          });
      },
      needle ? TYPING_PAUSE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ready, kind, needle]);
  return result;
}
