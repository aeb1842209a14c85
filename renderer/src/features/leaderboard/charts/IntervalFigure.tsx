import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentFilter } from '../../../../../shared/protocol/leaderboard';
import type { RankedModel } from '../../../../../shared/ranking';
import { exportFileName } from '../download';
import { useFormatters } from '../format';
import { ChartFigure } from './ChartFigure';
import { CI_PLOT_WIDTH, CiPlot } from './CiPlot';
import { IntervalDataTable } from './DataTables';

/** The confidence-interval plot with its text alternative. */
export const IntervalFigure = memo(function IntervalFigure({ models, filter }: { models: RankedModel[]; filter: SegmentFilter }) {
  const { t, i18n } = useTranslation('leaderboard');
  const format = useFormatters();
  const top = models[0];
  const bottom = models[models.length - 1];
  const widest = models.reduce<RankedModel | undefined>((best, m) => (!best || m.upper - m.lower > best.upper - best.lower ? m : best), undefined);
  if (!top || !bottom || !widest) return null;
  const summary = t('ci.summary', {
    count: models.length,
    top: top.model,
    topRating: format.rating(top.rating),
    bottom: bottom.model,
    bottomRating: format.rating(bottom.rating),
    widest: widest.model,
    width: format.rating(widest.upper - widest.lower),
  });
  return (
    <ChartFigure
      title={t('ci.title', { level: format.level })}
      summary={summary}
      fileName={exportFileName('intervals', filter, 'png')}
      testId="ci-plot"
      width={CI_PLOT_WIDTH}
      dataTable={() => <IntervalDataTable models={models} />}
    >
      {(labels) => <CiPlot models={models} axisLabel={t('ci.axis', { mean: format.mean })} formatTick={format.rating} rtl={i18n.dir() === 'rtl'} {...labels} />}
    </ChartFigure>
  );
});
