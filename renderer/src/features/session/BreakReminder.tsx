import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveTime } from './activeTime';

const CHECK_EVERY_MS = 15_000;
const SNOOZE_MS = 10 * 60_000;

/** After a long active stretch, a calm reminder to rest; taking the break starts the stretch anew. */
export function BreakReminder({ sessionTime, afterMinutes }: { sessionTime: ActiveTime; afterMinutes: number }) {
  const { t } = useTranslation();
  // Minutes of active time when the reminder became due; null while not due.
  const [dueAtMinutes, setDueAtMinutes] = useState<number | null>(null);
  const [snoozeMs, setSnoozeMs] = useState(0);
  useEffect(() => {
    if (afterMinutes === 0) return undefined;
    const threshold = afterMinutes * 60_000 + snoozeMs;
    const timer = setInterval(() => {
      const elapsed = sessionTime.elapsed(performance.now());
      setDueAtMinutes(elapsed >= threshold ? Math.round(elapsed / 60_000) : null);
    }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [sessionTime, afterMinutes, snoozeMs]);
  if (dueAtMinutes === null || afterMinutes === 0) return null;
  return (
    <div className="notice notice--info break-reminder" role="status" data-testid="break-reminder">
      <span>{t('breakReminder.text', { count: dueAtMinutes })}</span>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          sessionTime.reset(performance.now());
          setSnoozeMs(0);
          setDueAtMinutes(null);
        }}
      >
        {t('breakReminder.takeBreak')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          setSnoozeMs(sessionTime.elapsed(performance.now()) - afterMinutes * 60_000 + SNOOZE_MS);
          setDueAtMinutes(null);
        }}
      >
        {t('breakReminder.later')}
      </button>
    </div>
  );
}
