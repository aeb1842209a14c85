import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RaterReliability, RaterSummary } from '../../../../../shared/protocol/supervisor';
import { LOW_RELATIVE_WEIGHT } from '../../../../../shared/ranking/raterScreens';
import type { RaterExtras } from '../analysis/raterExtras';
import { useFormat, type Format } from '../common/useFormat';

/** Every number the server measured for this rater, with the evidence behind it. */
export function RaterMetrics({ rater, extras }: { rater: RaterSummary; extras: RaterExtras | null }) {
  const { t, i18n } = useTranslation('supervisor');
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
    ['reliability', reliabilityText(q.reliability, f, t, i18n.language)],
    ['lastVoteAt', f.dateTime(rater.lastVoteAt)],
  ];
  return (
    <dl className="rater-facts" data-testid="rater-metrics">
      {facts.map(([key, value]) => (
        <div key={key} className="rater-facts__item">
          <dt>{t(`column.${key}`)}</dt>
          <dd
            data-metric={key}
            data-down-weighted={key === 'reliability' ? (q.reliability?.downWeighted ?? false) : undefined}
          >
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Screen names reuse the console's own column labels, so a supervisor can look up the number. */
const SCREEN_LABEL = {
  gold: 'column.goldAccuracy',
  firstSide: 'column.positionBias',
  concentration: 'column.concentration',
} as const;

/**
 * How the defended ranking treats this rater: excluded by which screens, or their weight relative
 * to the typical rater with CrowdBT's η, marked when the reliability model down-weights them or
 * when their votes on one model are discounted as part of a partisan group.
 */
function reliabilityText(
  reliability: RaterReliability | undefined,
  f: Format,
  t: TFunction<'supervisor'>,
  language: string,
): string {
  if (!reliability) return f.dash;
  if (reliability.failed.length > 0) {
    const screens = new Intl.ListFormat(language, { type: 'conjunction' }).format(
      reliability.failed.map((screen) => t(SCREEN_LABEL[screen])),
    );
    return t('detail.reliabilityExcluded', { screens });
  }
  const value = t('detail.reliabilityValue', {
    relative: f.percent(reliability.relativeWeight),
    accuracy: f.decimal(reliability.accuracy, 2),
  });
  const notes = [value];
  // Down-weighted by the reliability model itself (not only for the partisan discount): say so too.
  if (reliability.downWeighted && (!reliability.partisan || reliability.relativeWeight < LOW_RELATIVE_WEIGHT)) {
    notes.push(t('detail.downWeighted'));
  }
  if (reliability.partisan) {
    const { model, posterior, favours } = reliability.partisan;
    const counted = f.percent(1 - posterior);
    notes.push(t(favours ? 'detail.partisanFor' : 'detail.partisanAgainst', { model, counted }));
  }
  return notes.join(' · ');
}
