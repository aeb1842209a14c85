import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecentVote } from '../../../../shared/ipc/contract';
import { useSession } from '../../stores/session';

/**
 * The last vote, beside the vote buttons (always in view): what it was, where
 * it stands, and Undo while it can still be undone — or, when the rater asked
 * to undo one that cannot be, why not. A rejected vote says why and what now.
 */
export function LastVote({ undoKey, undoRefused }: { undoKey: string; undoRefused: boolean }) {
  const { t } = useTranslation();
  const last = useSession((state) => state.session?.recent[0] ?? null);
  const undo = useSession((state) => state.undo);
  if (!last) return null;
  return (
    <p className="last-vote" data-testid="last-vote" data-state={last.state}>
      <span>{t('lastVote.label', { choice: t(`choice.${last.choice}`) })}</span>
      <span className="last-vote__state">{stateText(t, last)}</span>
      {last.state === 'rejected' ? <span className="last-vote__next">{t('lastVote.rejectedNext')}</span> : null}
      {last.editable ? (
        <button type="button" className="button button--quiet" onClick={() => void undo(last.voteId)} aria-keyshortcuts={undoKey} data-testid="undo-last">
          {t('recent.undo')} <kbd>{undoKey}</kbd>
        </button>
      ) : undoRefused ? (
        <span role="status" className="last-vote__why" data-testid="undo-refused">
          {t('lastVote.cannotUndo')}
        </span>
      ) : null}
    </p>
  );
}

function stateText(t: TFunction, vote: RecentVote): string {
  if (vote.state !== 'rejected') return t(`recent.state.${vote.state}`);
  return t('recent.rejected', { reason: t(`rejectReason.${vote.rejectReason}`, { defaultValue: vote.rejectReason ?? '' }) });
}
