import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '../analysis/trends';
import { LineChart } from '../common/LineChart';
import { useFormat } from '../common/useFormat';

/** Agreement, speed and position bias over the rater's votes, oldest window first. */
export function RaterTrends({ trends }: { trends: readonly TrendPoint[] }) {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const label = (p: TrendPoint) =>
    t('chart.windowLabel', { from: f.dateTime(p.from), to: f.dateTime(p.to), count: p.votes });
  const maxMs = Math.max(1000, ...trends.map((p) => p.medianActiveMs ?? 0));
  return (
    <div className="trends" data-testid="rater-trends">
      <LineChart
        title={t('trend.agreement')}
        points={trends.map((p) => ({ label: label(p), value: p.agreement }))}
        domain={[0, 1]}
        formatValue={(v) => f.percent(v)}
        testId="trend-agreement"
      />
      <LineChart
        title={t('trend.speed')}
        points={trends.map((p) => ({ label: label(p), value: p.medianActiveMs }))}
        domain={[0, maxMs]}
        formatValue={(v) => f.duration(v)}
        testId="trend-speed"
      />
      <LineChart
        title={t('trend.positionBias')}
        points={trends.map((p) => ({ label: label(p), value: p.firstShare }))}
        domain={[0, 1]}
        reference={0.5}
        formatValue={(v) => f.percent(v)}
        testId="trend-position"
      />
    </div>
  );
}
