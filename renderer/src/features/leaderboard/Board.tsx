import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaderboard } from '../../stores/leaderboard';
import { HeatmapPanel } from './charts/HeatmapPanel';
import { IntervalFigure } from './charts/IntervalFigure';
import { usePreviewResults } from './preview/previewResults';
import { PrivacyNotice } from './PrivacyNotice';
import { RankingWarnings } from './RankingWarnings';
import { RankingTable } from './table/RankingTable';

/** The ranked slice: privacy notice, "never fetched", or the table and the pictures. */
export function Board() {
  const { t } = useTranslation('leaderboard');
  const primary = useLeaderboard((state) => state.primary);
  const { primary: result, computing, shownFilter, error } = usePreviewResults();
  // The charts follow the table in a transition: the table paints first, and drawing a few
  // thousand SVG marks never holds up a click or a keystroke.
  const charted = useDeferredValue(result, null);
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
  if (snapshot.withheld) return <PrivacyNotice raters={snapshot.raters} minRaters={snapshot.minRaters} />;
  if (error) return <p className="notice notice--error">{t('computeFailed', { error })}</p>;
  if (!result || !shownFilter) return <p className="muted" role="status">{t('computing')}</p>;
  if (result.ranking.models.length === 0) return <p className="muted" data-testid="board-empty">{t('emptySlice')}</p>;
  return (
    <div className="lb-board" aria-busy={computing}>
      {computing ? (
        <p className="muted lb-updating" role="status">
          {t('updating')}
        </p>
      ) : null}
      <RankingWarnings warnings={result.ranking.warnings} />
      <RankingTable models={result.ranking.models} filter={shownFilter} busy={computing} />
      {charted ? (
        <>
          <div className="lb-figures">
            <IntervalFigure models={charted.ranking.models} filter={shownFilter} />
          </div>
          <HeatmapPanel result={charted} filter={shownFilter} total={charted.ranking.models.length} />
        </>
      ) : (
        <p className="muted">{t('drawing')}</p>
      )}
    </div>
  );
}
