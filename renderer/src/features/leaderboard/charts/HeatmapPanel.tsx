import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentFilter } from '../../../../../shared/protocol/leaderboard';
import { useLeaderboard } from '../../../stores/leaderboard';
import { exportFileName } from '../download';
import { useFormatters } from '../format';
import type { PrimaryResult } from '../preview/workerProtocol';
import { ChartFigure } from './ChartFigure';
import { MatrixDataTable } from './DataTables';
import { Heatmap, heatmapWidth } from './Heatmap';
import { heatmapFacts } from './heatmapFacts';
import { NO_DATA_COLOR, viridis, winRateColor } from './palette';

const SIZES = [10, 20, 30, 60];

/** Observed and predicted pairwise win rates side by side, and the battle counts that show where data is thin. */
export const HeatmapPanel = memo(function HeatmapPanel({ result, filter, total }: { result: PrimaryResult; filter: SegmentFilter; total: number }) {
  const { t, i18n } = useTranslation('leaderboard');
  const format = useFormatters();
  const matrixSize = useLeaderboard((state) => state.matrixSize);
  const setMatrixSize = useLeaderboard((state) => state.setMatrixSize);
  const rtl = i18n.dir() === 'rtl';
  const { observed, predicted } = result;
  const models = observed.models;
  const facts = heatmapFacts(observed);
  const name = (i: number) => models[i] ?? '';
  const maxVotes = Math.max(1, ...observed.votes.flat());
  const rateTitle = (rates: (number | null)[][]) => (i: number, j: number) => {
    const rate = rates[i]![j];
    const votes = format.integer(observed.votes[i]![j]!);
    return rate === null || rate === undefined
      ? t('heatmap.cellNever', { row: name(i), column: name(j) })
      : t('heatmap.cellRate', { row: name(i), column: name(j), rate: format.percent(rate), votes });
  };
  const rateLegend = { scale: winRateColor, lowLabel: format.percent(0), highLabel: format.percent(1), noData: { color: NO_DATA_COLOR, label: t('heatmap.never') } };
  const countColor = (value: number | null) => (!value ? NO_DATA_COLOR : viridis(Math.log1p(value) / Math.log1p(maxVotes)));
  const sizes = SIZES.filter((size) => size < total).concat(total <= 60 ? [total] : []);
  const shown = models.length;

  return (
    <section className="lb-panel" aria-labelledby="lb-heatmaps-title">
      <div className="lb-panel__head">
        <h2 id="lb-heatmaps-title">{t('heatmap.sectionTitle')}</h2>
        <label className="lb-inline-field">
          {t('heatmap.size')}
          <select value={Math.min(matrixSize, total)} onChange={(event) => setMatrixSize(Number(event.target.value))} data-testid="heatmap-size">
            {[...new Set(sizes)].map((size) => (
              <option key={size} value={size}>
                {t('heatmap.topN', { count: size })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="lb-figures">
        <ChartFigure
          title={t('heatmap.observed')}
          summary={
            facts.lopsided
              ? t('heatmap.observedSummary', {
                  count: shown,
                  met: format.integer(facts.met),
                  pairs: format.integer(facts.pairs),
                  winner: name(facts.lopsided.winner),
                  loser: name(facts.lopsided.loser),
                  rate: format.percent(facts.lopsided.rate),
                  votes: format.integer(facts.lopsided.votes),
                })
              : t('heatmap.nothingMet')
          }
          fileName={exportFileName('observed-win-rates', filter, 'png')}
          testId="heatmap-observed"
          width={heatmapWidth(shown)}
          dataTable={() => <MatrixDataTable models={models} cell={(i, j) => cellPercent(observed.rates[i]![j], format.percent)} />}
        >
          {(labels) => (
            <Heatmap
              models={models}
              values={observed.rates}
              color={(v) => (v === null ? NO_DATA_COLOR : winRateColor(v))}
              cellText={(v) => format.percent(v)}
              cellTitle={rateTitle(observed.rates)}
              legend={rateLegend}
              rtl={rtl}
              testId="heatmap-observed-svg"
              {...labels}
            />
          )}
        </ChartFigure>
        <ChartFigure
          title={t('heatmap.predicted')}
          summary={t('heatmap.predictedSummary', { count: shown })}
          fileName={exportFileName('predicted-win-rates', filter, 'png')}
          testId="heatmap-predicted"
          width={heatmapWidth(shown)}
          dataTable={() => <MatrixDataTable models={predicted.models} cell={(i, j) => cellPercent(predicted.rates[i]![j], format.percent)} />}
        >
          {(labels) => (
            <Heatmap
              models={predicted.models}
              values={predicted.rates}
              color={(v) => (v === null ? NO_DATA_COLOR : winRateColor(v))}
              cellText={(v) => format.percent(v)}
              cellTitle={(i, j) => t('heatmap.cellPredicted', { row: name(i), column: name(j), rate: format.percent(predicted.rates[i]![j]!) })}
              legend={rateLegend}
              rtl={rtl}
              testId="heatmap-predicted-svg"
              {...labels}
            />
          )}
        </ChartFigure>
        <ChartFigure
          title={t('heatmap.counts')}
          summary={t('heatmap.countsSummary', {
            count: shown,
            empty: format.integer(facts.pairs - facts.met),
            pairs: format.integer(facts.pairs),
            median: format.integer(facts.medianVotes),
            max: format.integer(facts.busiest?.votes ?? 0),
          })}
          fileName={exportFileName('battle-counts', filter, 'png')}
          testId="heatmap-counts"
          width={heatmapWidth(shown)}
          dataTable={() => <MatrixDataTable models={models} cell={(i, j) => format.integer(observed.votes[i]![j]!)} />}
        >
          {(labels) => (
            <Heatmap
              models={models}
              values={observed.votes}
              color={countColor}
              cellText={(v) => format.integer(v)}
              cellTitle={(i, j) => t('heatmap.cellCount', { row: name(i), column: name(j), votes: format.integer(observed.votes[i]![j]!) })}
              legend={{ scale: viridis, lowLabel: format.integer(1), highLabel: format.integer(maxVotes), noData: { color: NO_DATA_COLOR, label: t('heatmap.noBattles') } }}
              rtl={rtl}
              testId="heatmap-counts-svg"
              {...labels}
            />
          )}
        </ChartFigure>
      </div>
    </section>
  );
});

function cellPercent(value: number | null | undefined, percent: (v: number) => string): string {
  return value === null || value === undefined ? '–' : percent(value);
}
