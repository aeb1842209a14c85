import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PROVISIONAL_MIN_VOTES, layoutBoard } from '../../../../shared/ranking';
import { useLeaderboard } from '../../stores/leaderboard';
import { HeatmapPanel } from './charts/HeatmapPanel';
import { IntervalFigure } from './charts/IntervalFigure';
import { useFormatters } from './format';
import { usePreviewResults } from './preview/previewResults';
import { PrivacyNotice } from './PrivacyNotice';
import { RankingWarnings } from './RankingWarnings';
import { RankingTable } from './table/RankingTable';

/**
 * The ranked slice: privacy notice, "never fetched", or the boards and the pictures.
 * Models never compared with each other are separate boards (a rating in one means
 * nothing in the other); models with too few votes are listed as provisional, unranked.
 */
export function Board() {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  const primary = useLeaderboard((state) => state.primary);
  const { primary: result, secondary, secondaryPending, computing, shownFilter, error } = usePreviewResults();
  // The charts follow the table in a transition: the table paints first, and drawing a few
  // thousand SVG marks never holds up a click or a keystroke.
  const charted = useDeferredValue(result, null);
  const layout = useMemo(() => (result ? layoutBoard(result.ranking.models, result.ranking.warnings) : null), [result]);
  if (!primary) return <p className="muted">{t('loading')}</p>;
  if (primary.state === 'missing') {
    return (
      <p className="notice notice--warn" data-testid="slice-missing">
        {t(`snapshot.missing.${primary.shortfall}`)}
      </p>
    );
  }
  if (primary.state !== 'ready') return null;
  const { snapshot } = primary;
  if (snapshot.withheld) return <PrivacyNotice minRaters={snapshot.minRaters} />;
  if (error) return <p className="notice notice--error">{t('computeFailed', { error })}</p>;
  if (!result || !shownFilter || !layout) return <p className="muted" role="status">{t('computing')}</p>;
  if (result.ranking.models.length === 0) return <p className="muted" data-testid="board-empty">{t('emptySlice')}</p>;
  const slice = format.sliceName(shownFilter);
  const split = layout.groups.length > 1;
  const chartedNames = new Set(layout.groups[0]?.models.map((model) => model.model));
  return (
    <div className="lb-board" aria-busy={computing}>
      {computing ? (
        <p className="muted lb-updating" role="status">
          {t('updating')}
        </p>
      ) : null}
      <RankingWarnings warnings={result.ranking.warnings.filter((warning) => !split || warning.kind !== 'disconnected')} />
      {split ? (
        <p className="notice" data-testid="board-groups">
          {t('groups.explain', { count: layout.groups.length })}
        </p>
      ) : null}
      {layout.groups.map((group, index) => (
        <RankingTable
          key={group.models[0]?.model ?? index}
          models={group.models}
          filter={shownFilter}
          busy={computing}
          caption={split ? t('groups.caption', { slice, number: index + 1, count: layout.groups.length }) : undefined}
          testId={index === 0 ? 'ranking-table' : `ranking-table-${index + 1}`}
          margins={secondaryPending ? null : (secondary?.margins ?? null)}
        />
      ))}
      {layout.provisional.length > 0 ? (
        <div className="lb-provisional" data-testid="provisional">
          <p className="muted">{t('provisional.explain', { count: layout.provisional.length, min: DEFAULT_PROVISIONAL_MIN_VOTES })}</p>
          <RankingTable
            models={layout.provisional}
            filter={shownFilter}
            busy={computing}
            unranked
            caption={t('provisional.caption', { slice })}
            testId="provisional-table"
          />
        </div>
      ) : null}
      {charted ? (
        <>
          <div className="lb-figures">
            <IntervalFigure models={charted.ranking.models.filter((model) => chartedNames.has(model.model))} filter={shownFilter} />
          </div>
          <HeatmapPanel result={charted} filter={shownFilter} total={charted.ranking.models.length} />
        </>
      ) : (
        <p className="muted">{t('drawing')}</p>
      )}
    </div>
  );
}
