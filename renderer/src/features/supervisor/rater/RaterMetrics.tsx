import { useTranslation } from 'react-i18next';
import type { RaterSummary } from '../../../../../shared/protocol/supervisor';
import type { RaterExtras } from '../analysis/raterExtras';
import { useFormat } from '../common/useFormat';

/** Every number the server measured for this rater, with the evidence behind it. */
export function RaterMetrics({ rater, extras }: { rater: RaterSummary; extras: RaterExtras | null }) {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const q = rater.quality;
  const facts: Array<[string, string]> = [
    ['votes', t('detail.votesValue', { votes: f.integer(q.votes), items: f.integer(q.items) })],
    ['activeTime', extras && extras.timedVotes > 0 ? f.duration(extras.activeMsTotal) : f.dash],
    ['medianActiveMs', f.duration(q.medianActiveMs)],
    ['tooFastShare', f.percent(q.tooFastShare)],
    ['tieRate', f.percent(q.tieRate)],
    ['bothBadRate', f.percent(q.bothBadRate)],
    [
      'positionBias',
      q.positionBias === null ? f.dash : `${f.percent(q.positionBias)} (${f.pValue(q.positionBiasPValue)})`,
    ],
    [
      'agreement',
      q.agreement === null
        ? f.dash
        : t('detail.ofCompared', { value: f.percent(q.agreement), count: q.agreementCompared }),
    ],
    ['meanCohenKappa', f.decimal(q.meanCohenKappa, 2)],
    [
      'selfConsistency',
      q.selfConsistency === null
        ? f.dash
        : t('detail.ofRepeats', { value: f.percent(q.selfConsistency), count: q.repeats }),
    ],
    [
      'goldAccuracy',
      q.goldAccuracy === null ? f.dash : t('detail.ofGold', { value: f.percent(q.goldAccuracy), count: q.goldItems }),
    ],
    ['anomalyScore', `${f.score(q.anomalyScore)}${q.anomalous ? ` · ${t('detail.anomalous')}` : ''}`],
    ['lastVoteAt', f.dateTime(rater.lastVoteAt)],
  ];
  return (
    <dl className="rater-facts" data-testid="rater-metrics">
      {facts.map(([key, value]) => (
        <div key={key} className="rater-facts__item">
          <dt>{t(`column.${key}`)}</dt>
          <dd data-metric={key}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
