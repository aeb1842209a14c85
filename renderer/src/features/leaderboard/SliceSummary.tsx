import { useTranslation } from 'react-i18next';
import type { SliceAnswer } from '../../../../shared/ipc/features/leaderboardContract';

/** How many raters and votes stand behind the slice (the server reports both, even for a withheld slice). */
export function SliceSummary({ answer, testId = 'slice-summary' }: { answer: SliceAnswer | null; testId?: string }) {
  const { t } = useTranslation('leaderboard');
  if (answer?.state !== 'ready') return null;
  const { raters, votes } = answer.snapshot;
  return (
    <p className="lb-summary" data-testid={testId} data-raters={raters} data-votes={votes}>
      {t('slice.summary', { raters: t('slice.raters', { count: raters }), votes: t('slice.votes', { count: votes }) })}
    </p>
  );
}
