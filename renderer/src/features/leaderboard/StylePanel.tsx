import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedModel } from '../../../../shared/ranking';
import { useFormatters } from './format';
import { compareBoards } from './preview/compareBoards';
import { usePreviewResults } from './preview/previewResults';
import { RankGain } from './RankGain';

/**
 * The raw board and the style-controlled one (ratings adjusted for length and markdown,
 * docs/RANKING.md), side by side with each model's rank change. Ranked in the worker from the
 * snapshot's style rows, so it works offline from the cache. The table is the view and its own
 * text alternative: every number is in a cell; its scroll box takes focus for the keyboard.
 */
export function StylePanel({ primaryModels }: { primaryModels: RankedModel[] }) {
  const { t } = useTranslation('leaderboard');
  const id = useId();
  const { secondary, secondaryPending } = usePreviewResults();
  const styled = secondary?.style ?? null;
  return (
    <section className="lb-panel" aria-labelledby={`${id}-title`} data-testid="style-panel">
      <h2 id={`${id}-title`}>{t('method.style')}</h2>
      {styled ? (
        <StyleTable primaryModels={primaryModels} styledModels={styled.models} busy={secondaryPending} />
      ) : secondaryPending ? (
        <p className="muted">{t('updating')}</p>
      ) : (
        <p className="muted" data-testid="style-unavailable">
          {t('method.styleUnavailable')}
        </p>
      )}
    </section>
  );
}

function StyleTable({ primaryModels, styledModels, busy }: { primaryModels: RankedModel[]; styledModels: RankedModel[]; busy: boolean }) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  const shifts = compareBoards(primaryModels, styledModels);
  return (
    <div className="lb-table__scroll lb-table__scroll--bounded" tabIndex={0} role="region" aria-label={t('styleView.caption')}>
      <table className="lb-grid" aria-busy={busy} data-testid="style-table">
        <caption>{t('styleView.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="lb-grid__model">{t('table.column.model')}</th>
            <th scope="col">{t('styleView.rankRaw')}</th>
            <th scope="col">{t('styleView.rankStyled')}</th>
            <th scope="col">{t('compare.change')}</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((shift) => (
            <tr key={shift.model} data-model={shift.model} data-gain={shift.rankGain ?? ''} data-rank-raw={shift.a?.rank ?? ''} data-rank-styled={shift.b?.rank ?? ''}>
              <th scope="row">
                <bdi>{shift.model}</bdi>
              </th>
              <td>{shift.a ? format.integer(shift.a.rank) : '–'}</td>
              <td>{shift.b ? format.integer(shift.b.rank) : '–'}</td>
              <td>
                <RankGain gain={shift.rankGain} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
