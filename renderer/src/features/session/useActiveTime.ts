import { useEffect, useState } from 'react';
import { ActiveTime } from './activeTime';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;

/** An ActiveTime fed by the window's input and visibility events for as long as the component lives. */
export function useActiveTime(idleCutoffMs: number): ActiveTime {
  const [active] = useState(() => new ActiveTime(idleCutoffMs, performance.now()));
  useEffect(() => {
    const onActivity = () => active.activity(performance.now());
    const onVisibility = () => active.setVisible(document.visibilityState === 'visible', performance.now());
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active]);
  return active;
}
