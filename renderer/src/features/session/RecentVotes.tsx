import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentVote } from '../../../../shared/ipc/contract';
import type { Choice } from '../../../../shared/protocol/votes';
import { useSession } from '../../stores/session';

// A stable empty list: a fresh [] per render would make zustand see a new snapshot every time and loop.
const NO_VOTES: RecentVote[] = [];
const EDITABLE_CHOICES: Choice[] = ['first', 'second', 'tie', 'both_bad', 'cant_read'];

/** The last ten votes: their state, the reveal once accepted, and edit or undo while still unsent. */
export function RecentVotes({ undoKey }: { undoKey: string }) {
  const { t } = useTranslation();
  const recent = useSession((state) => state.session?.recent ?? NO_VOTES);
  if (recent.length === 0) return null;
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent.title')}</h2>
      <ol className="recent__list" data-testid="recent-votes">
        {recent.map((vote, index) => (
          <RecentVoteItem key={vote.voteId} vote={vote} undoKey={index === 0 ? undoKey : null} />
        ))}
      </ol>
    </section>
  );
}

/**
 * One vote of the list. Every vote shifts the list by one and main sends fresh objects each
 * time, so a row re-renders only when what it shows changed (compared by value): a keystroke
 * then renders one new row, not ten rows of translated labels and menus.
 */
const RecentVoteItem = memo(function RecentVoteItem({ vote, undoKey }: { vote: RecentVote; undoKey: string | null }) {
  const { t } = useTranslation();
  const undo = useSession((state) => state.undo);
  const amend = useSession((state) => state.amend);
  return (
    <li className={`recent__item recent__item--${vote.state}`} data-state={vote.state}>
      <span>{t(`choice.${vote.choice}`)}</span>
      <span className="recent__state">
        {vote.state === 'rejected' ? t('recent.rejected', { reason: t(`rejectReason.${vote.rejectReason}`, { defaultValue: vote.rejectReason ?? '' }) }) : t(`recent.state.${vote.state}`)}
      </span>
      {vote.reveal ? (
        <span className="recent__reveal">
          {t('recent.reveal')} <bdi>{vote.reveal.first}</bdi> · <bdi>{vote.reveal.second}</bdi>
        </span>
      ) : null}
      {vote.editable ? (
        <select
          className="recent__edit"
          aria-label={t('recent.edit')}
          value={vote.choice}
          onChange={(event) => void amend(vote.voteId, event.target.value as Choice)}
          data-testid={`edit-${vote.voteId}`}
        >
          {EDITABLE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`choice.${choice}`)}
            </option>
          ))}
        </select>
      ) : null}
      {vote.editable ? (
        <button type="button" className="button button--quiet" onClick={() => void undo(vote.voteId)} aria-keyshortcuts={undoKey ?? undefined}>
          {t('recent.undo')}
          {undoKey !== null ? <kbd>{undoKey}</kbd> : null}
        </button>
      ) : null}
    </li>
  );
}, sameRow);

function sameRow(previous: { vote: RecentVote; undoKey: string | null }, next: { vote: RecentVote; undoKey: string | null }): boolean {
  return previous.undoKey === next.undoKey && JSON.stringify(previous.vote) === JSON.stringify(next.vote);
}
