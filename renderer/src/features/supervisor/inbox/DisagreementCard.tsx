import { useTranslation } from 'react-i18next';
import type { ItemMark } from '../../../../../shared/protocol/supervisor';
import { useSupervisor } from '../../../stores/supervisor';
import type { InboxCard } from '../analysis/inbox';
import { CopyLinkButton } from '../common/CopyLinkButton';
import { useFormat } from '../common/useFormat';
import { choiceText, codeText } from '../common/voteText';
import { ItemMarkButton } from './ItemMarkButton';
import { ItemPreview } from './ItemPreview';

interface CardProps {
  card: InboxCard;
  names: ReadonlyMap<string, string>;
  marks: ReadonlyMap<string, ItemMark[]>;
}

function MarkNotes({ entries }: { entries: readonly ItemMark[] }) {
  const { t } = useTranslation('supervisor');
  return (
    <>
      {entries.map((entry) => (
        <span key={entry.id} className="tag tag--info" data-testid={`mark-note-${entry.mark}`}>
          {t(`inbox.marked.${entry.mark}`)}: <bdi>{entry.note}</bdi>
        </span>
      ))}
    </>
  );
}

/** Everything needed to judge one item: both models, what everyone chose, the consensus, time and rationale. */
export function DisagreementCard({ card, names, marks }: CardProps) {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const openRater = useSupervisor((state) => state.openRater);
  const itemMarks = card.votes.flatMap((v) => (marks.get(v.vote.voteId) ?? []).filter((m) => m.mark === 'ambiguous'));
  const anchor = card.votes[0]!.vote;
  return (
    <article
      className={`inbox-card inbox-card--${card.kind}`}
      data-testid={`inbox-card-${card.itemId}`}
      data-kind={card.kind}
      aria-labelledby={`card-${card.itemId}`}
    >
      <header className="inbox-card__header">
        <h3 id={`card-${card.itemId}`}>
          <bdi>{card.itemId}</bdi>
        </h3>
        <span className={`tag tag--${card.kind === 'split' ? 'info' : 'warn'}`}>{t(`inbox.kind.${card.kind}`)}</span>
        <span className="muted">{t('inbox.facts', { language: card.language, category: card.category })}</span>
        <CopyLinkButton itemId={card.itemId} />
      </header>
      <p className="inbox-card__models">{t('inbox.models', { a: card.models[0], b: card.models[1] })}</p>
      <p>
        {t('inbox.counts', {
          a: card.counts.a,
          b: card.counts.b,
          none: card.counts.none,
          modelA: card.models[0],
          modelB: card.models[1],
        })}{' '}
        <strong>{t('inbox.consensus', { consensus: codeText(t, card.consensus, card.models) })}</strong>
      </p>
      <MarkNotes entries={itemMarks} />
      <ItemPreview itemId={card.itemId} />
      <ul className="inbox-card__votes">
        {card.votes.map(({ vote, dissent }) => (
          <li
            key={vote.voteId}
            className={dissent ? 'inbox-vote inbox-vote--dissent' : 'inbox-vote'}
            data-dissent={dissent}
          >
            <button type="button" className="link-button" onClick={() => openRater(vote.raterId)}>
              <bdi>{names.get(vote.raterId) ?? vote.raterId}</bdi>
            </button>
            <span>
              {t('inbox.chose', {
                choice: choiceText(t, vote.choice, vote.shownFirst, vote.shownSecond),
                first: vote.shownFirst,
              })}
            </span>
            <span className="muted">{f.duration(vote.activeMs)}</span>
            {dissent ? <span className="tag tag--warn">{t('inbox.dissent')}</span> : null}
            {vote.flags.map((flag) => (
              <span key={flag} className="tag tag--bad" data-testid="rater-flag" data-flag={flag}>
                {t(`flag.${flag}`, { ns: 'common' })}
              </span>
            ))}
            {vote.rationale ? <bdi className="rationale">{vote.rationale}</bdi> : null}
            <MarkNotes entries={(marks.get(vote.voteId) ?? []).filter((m) => m.mark === 'vote_wrong')} />
            <ItemMarkButton mark="vote_wrong" voteId={vote.voteId} itemId={card.itemId} />
          </li>
        ))}
      </ul>
      <ItemMarkButton mark="ambiguous" voteId={anchor.voteId} itemId={card.itemId} />
    </article>
  );
}
