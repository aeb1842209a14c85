import { useTranslation } from 'react-i18next';
import type { StatusReason } from '../analysis/raterStatus';
import type { TailMetricId } from '../analysis/poolTails';
import { useFormat, type Format } from './useFormat';

/** How each tail metric reads: shares as percentages, times as durations. */
export function formatMetric(format: Format, metric: TailMetricId, value: number): string {
  switch (metric) {
    case 'medianActiveMs':
      return format.duration(value);
    case 'anomalyScore':
      return format.score(value);
    case 'positionBias':
      return format.percent(0.5 + value);
    default:
      return format.percent(value);
  }
}

/** Why a rater is on watch or flagged, one sentence per reason. */
export function ReasonList({ reasons, share }: { reasons: readonly StatusReason[]; share: number }) {
  const { t } = useTranslation('supervisor');
  const format = useFormat();
  if (reasons.length === 0) return <p className="muted">{t('reason.none')}</p>;
  return (
    <ul className="reasons" data-testid="status-reasons">
      {reasons.map((reason) => (
        <li key={reason.kind === 'tail' ? reason.metric : reason.kind}>
          {reason.kind === 'tail'
            ? t(`reason.tail.${reason.metric}`, {
                value: formatMetric(format, reason.metric, reason.value),
                threshold: formatMetric(format, reason.metric, reason.threshold),
                share: format.percent(share),
              })
            : t(`reason.${reason.kind}`)}
        </li>
      ))}
    </ul>
  );
}
