import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedModel } from '../../../../shared/ranking';
import { useLeaderboard } from '../../stores/leaderboard';
import { useFormatters } from './format';
import { biggestMoves, compareBoards } from './preview/compareBoards';
import { usePreviewResults } from './preview/previewResults';
import { RankGain } from './RankGain';

const SHOWN = 10;

/**
 * "My contribution": the rater's revealed votes as their own small board, and how the
 * current board moves without them. Votes the server has not answered are counted, never
 * attributed to a model.
 */
export function ContributionPanel({ primaryModels }: { primaryModels: RankedModel[] | null }) {
  const { t } = useTranslation('leaderboard');
  const id = useId();
  const own = useLeaderboard((state) => state.own);
  const { secondary, secondaryPending } = usePreviewResults();
  const contribution = secondary?.contribution ?? null;
  return (
    <section className="lb-panel" aria-labelledby={`${id}-title`} aria-busy={secondaryPending} data-testid="contribution">
      <h2 id={`${id}-title`}>{t('contribution.title')}</h2>
      {own ? (
        <ul className="lb-facts" data-testid="contribution-counts" data-battles={own.battles.length} data-pending={own.pending}>
          <li>{t('contribution.revealed', { count: own.battles.length })}</li>
          <li>{own.pending > 0 ? t('contribution.pending', { count: own.pending }) : t('contribution.nothingPending')}</li>
          {own.unrevealed > 0 ? <li>{t('contribution.unrevealed', { count: own.unrevealed })}</li> : null}
          {own.cantRead > 0 ? <li>{t('contribution.cantRead', { count: own.cantRead })}</li> : null}
          {own.unattributed > 0 ? <li>{t('contribution.unattributed', { count: own.unattributed })}</li> : null}
        </ul>
      ) : null}
      {contribution?.own ? (
        <OwnBoard models={contribution.own.models} />
      ) : (
        // One story with the counts above: "no revealed votes" only when there really are none.
        <p className="muted" data-testid="contribution-empty">
          {!own || own.battles.length === 0 ? t('contribution.none') : secondaryPending ? t('updating') : t('contribution.noneInSlice')}
        </p>
      )}
      {primaryModels && contribution ? <BoardMoves withOwn={primaryModels} without={contribution.without?.models ?? null} inSlice={contribution.inSlice} /> : null}
      <p className="muted lb-footnote">{t('contribution.approximation')}</p>
    </section>
  );
}

function OwnBoard({ models }: { models: RankedModel[] }) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  return (
    <div className="lb-table__scroll">
      <table className="lb-grid lb-grid--compact" data-testid="own-board">
        <caption>{t('contribution.ownCaption', { count: models.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.column.rank')}</th>
            <th scope="col" className="lb-grid__model">{t('table.column.model')}</th>
            <th scope="col">{t('table.column.rating')}</th>
            <th scope="col">{t('table.column.votes')}</th>
          </tr>
        </thead>
        <tbody>
          {models.slice(0, SHOWN).map((model) => (
            <tr key={model.model}>
              <td>{format.integer(model.rank)}</td>
              <th scope="row">
                <bdi>{model.model}</bdi>
              </th>
              <td>{format.rating(model.rating)}</td>
              <td>{format.integer(model.votes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BoardMoves({ withOwn, without, inSlice }: { withOwn: RankedModel[]; without: RankedModel[] | null; inSlice: number }) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  if (!without) return <p className="muted">{t('contribution.noneInSlice')}</p>;
  // Board A = without my votes, board B = with them: a positive gain means my votes lifted the model.
  const moves = biggestMoves(compareBoards(without, withOwn), SHOWN);
  return (
    <div className="lb-table__scroll">
      <table className="lb-grid lb-grid--compact" data-testid="board-moves">
        <caption>{t('contribution.movesCaption', { count: inSlice })}</caption>
        <thead>
          <tr>
            <th scope="col" className="lb-grid__model">{t('table.column.model')}</th>
            <th scope="col">{t('contribution.rankWithout')}</th>
            <th scope="col">{t('contribution.rankWith')}</th>
            <th scope="col">{t('contribution.change')}</th>
            <th scope="col">{t('contribution.ratingChange')}</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((move) => (
            <tr key={move.model}>
              <th scope="row">
                <bdi>{move.model}</bdi>
              </th>
              <td>{move.a ? format.integer(move.a.rank) : '–'}</td>
              <td>{move.b ? format.integer(move.b.rank) : '–'}</td>
              <td>
                <RankGain gain={move.rankGain} />
              </td>
              <td>{t('contribution.points', { value: format.change(move.ratingChange ?? 0) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
