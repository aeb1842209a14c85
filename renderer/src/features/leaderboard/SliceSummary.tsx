import { useTranslation } from 'react-i18next';
import type { SliceAnswer } from '../../../../shared/ipc/features/leaderboardContract';

/**
 * How many raters and votes stand behind the slice. Only for a released slice: the server says
 * nothing about a withheld one, and the page adds nothing of its own.
 */
export function SliceSummary({ answer, testId = 'slice-summary' }: { answer: SliceAnswer | null; testId?: string }) {
  const { t } = useTranslation('leaderboard');
  if (answer?.state !== 'ready' || answer.snapshot.withheld) return null;
  const { raters, votes } = answer.snapshot;
  if (raters === undefined || votes === undefined) return null;
  return (
    <p className="lb-summary" data-testid={testId} data-raters={raters} data-votes={votes}>
      {t('slice.summary', { raters: t('slice.raters', { count: raters }), votes: t('slice.votes', { count: votes }) })}
    </p>
  );
}
