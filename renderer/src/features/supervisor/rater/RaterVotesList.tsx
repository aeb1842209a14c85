import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JudgedVote } from '../analysis/raterVotes';
import { CopyLinkButton } from '../common/CopyLinkButton';
import { useFormat } from '../common/useFormat';
import { choiceText, codeText } from '../common/voteText';
import { VirtualTable, type TableColumn } from '../common/VirtualTable';

function disagrees(vote: JudgedVote): boolean {
  return vote.consensus !== null && vote.code !== vote.consensus;
}

/** Every vote of the rater with the item, both models as shown, the choice, the consensus, rationale and time. */
export function RaterVotesList({ votes }: { votes: readonly JudgedVote[] }) {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const shown = useMemo(() => (onlyDisagreements ? votes.filter(disagrees) : votes), [votes, onlyDisagreements]);
  const columns = useMemo(
    (): TableColumn<JudgedVote>[] => [
      { id: 'votedAt', width: '10rem', header: t('votes.votedAt'), cell: (j) => f.dateTime(j.vote.votedAt) },
      {
        id: 'item',
        width: '11rem',
        header: t('votes.item'),
        cell: (j) => (
          <span className="stack">
            <bdi>{j.vote.itemId}</bdi>
            <span className="metric__detail">
              {t('votes.itemFacts', {
                language: j.vote.language,
                category: j.vote.category,
                kind: t(`kind.${j.vote.kind}`),
              })}
            </span>
            <CopyLinkButton itemId={j.vote.itemId} />
          </span>
        ),
      },
      {
        id: 'responses',
        width: '14rem',
        header: t('votes.responses'),
        cell: (j) => (
          <span className="stack">
            <span>{t('votes.shownFirst', { model: j.vote.shownFirst })}</span>
            <span>{t('votes.shownSecond', { model: j.vote.shownSecond })}</span>
          </span>
        ),
      },
      {
        id: 'choice',
        width: '11rem',
        header: t('votes.choice'),
        cell: (j) => <bdi>{choiceText(t, j.vote.choice, j.vote.shownFirst, j.vote.shownSecond)}</bdi>,
      },
      {
        id: 'consensus',
        width: '12rem',
        header: t('votes.consensus'),
        cell: (j) =>
          j.first ? (
            <span className="stack" data-disagrees={disagrees(j)}>
              <bdi>{codeText(t, j.consensus, j.models)}</bdi>
              <span className="metric__detail">
                {j.consensus === null
                  ? t('votes.others', { count: j.others })
                  : t('votes.agreeing', { agreeing: j.agreeing, count: j.others })}
              </span>
              {disagrees(j) ? <span className="tag tag--warn">{t('votes.disagrees')}</span> : null}
            </span>
          ) : (
            <span className="muted">{t('votes.repeat')}</span>
          ),
      },
      {
        id: 'flags',
        width: '9rem',
        header: t('votes.flags'),
        cell: (j) =>
          j.vote.flags.length ? (
            <span className="stack">
              {j.vote.flags.map((flag) => (
                <span key={flag} className="tag tag--bad" data-testid="rater-flag" data-flag={flag}>
                  {t(`flag.${flag}`, { ns: 'common' })}
                </span>
              ))}
            </span>
          ) : (
            f.dash
          ),
      },
      {
        id: 'rationale',
        width: '16rem',
        header: t('votes.rationale'),
        cell: (j) => (j.vote.rationale ? <bdi className="rationale">{j.vote.rationale}</bdi> : f.dash),
      },
      {
        id: 'activeMs',
        width: '6rem',
        align: 'end',
        header: t('votes.activeMs'),
        cell: (j) => f.duration(j.vote.activeMs),
      },
    ],
    [t, f],
  );
  return (
    <section aria-labelledby="rater-votes-title">
      <h3 id="rater-votes-title">{t('votes.title', { count: votes.length })}</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={onlyDisagreements}
          onChange={(event) => setOnlyDisagreements(event.target.checked)}
          data-testid="only-disagreements"
        />
        {t('votes.onlyDisagreements')}
      </label>
      <VirtualTable
        label={t('votes.tableLabel')}
        rows={shown}
        columns={columns}
        rowKey={(j) => j.vote.voteId}
        estimateRowHeight={84}
        rowClassName={(j) => (disagrees(j) ? 'vote-row vote-row--disagrees' : 'vote-row')}
        rowTestId={(j) => `vote-${j.vote.voteId}`}
        testId="rater-votes"
        emptyText={t('votes.empty')}
      />
    </section>
  );
}
