import type { RaterQuality } from '../../../../../shared/protocol/supervisor';

/** A metric where an extreme value, relative to the rest of the pool, deserves a look. */
export type TailMetricId =
  | 'agreement'
  | 'selfConsistency'
  | 'goldAccuracy'
  | 'tooFastShare'
  | 'medianActiveMs'
  | 'tieRate'
  | 'positionBias'
  | 'anomalyScore';

interface TailMetric {
  id: TailMetricId;
  worse: 'low' | 'high';
  value(q: RaterQuality): number | null;
  /** Enough evidence to compare: a rate over three votes says nothing. */
  eligible(q: RaterQuality): boolean;
  /** A further test the rater must fail to count as extreme (position bias: its binomial test). */
  significant?(q: RaterQuality): boolean;
}

const MIN_VOTES = 10;
/** Position bias counts only when its binomial test also rejects ½ at this level. */
export const POSITION_BIAS_ALPHA = 0.05;

export const TAIL_METRICS: readonly TailMetric[] = [
  { id: 'agreement', worse: 'low', value: (q) => q.agreement, eligible: (q) => q.agreementCompared >= MIN_VOTES },
  { id: 'selfConsistency', worse: 'low', value: (q) => q.selfConsistency, eligible: (q) => q.repeats >= 5 },
  { id: 'goldAccuracy', worse: 'low', value: (q) => q.goldAccuracy, eligible: (q) => q.goldItems >= 5 },
  { id: 'tooFastShare', worse: 'high', value: (q) => q.tooFastShare, eligible: (q) => q.votes >= MIN_VOTES },
  { id: 'medianActiveMs', worse: 'low', value: (q) => q.medianActiveMs, eligible: (q) => q.votes >= MIN_VOTES },
  { id: 'tieRate', worse: 'high', value: (q) => q.tieRate, eligible: (q) => q.votes >= MIN_VOTES },
  {
    id: 'positionBias',
    worse: 'high',
    value: (q) => (q.positionBias === null ? null : Math.abs(q.positionBias - 0.5)),
    eligible: (q) => q.votes >= MIN_VOTES,
    significant: (q) => q.positionBiasPValue !== null && q.positionBiasPValue < POSITION_BIAS_ALPHA,
  },
  {
    id: 'anomalyScore',
    worse: 'high',
    value: (q) => q.anomalyScore,
    eligible: (q) => q.votes >= MIN_VOTES,
    // Below 1 the running product is evidence *for* voting like the crowd.
    significant: (q) => q.anomalyScore !== null && q.anomalyScore > 1,
  },
];

export interface TailCut {
  metric: TailMetricId;
  worse: 'low' | 'high';
  /** The least extreme value still inside the worst `share` of the pool; null when nobody is. */
  threshold: number | null;
  eligible: number;
}

/** How many of `sorted` (ascending) are < v (strict) or ≤ v. */
function countBelow(sorted: readonly number[], v: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v || (inclusive && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function metricValues(qualities: readonly RaterQuality[], metric: TailMetric): number[] {
  return qualities
    .filter((q) => metric.eligible(q))
    .map((q) => metric.value(q))
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((x, y) => x - y);
}

/**
 * Thresholds relative to the pool: a value is in the tail when at most
 * `share` of the comparable raters are as bad or worse (ties count against
 * everyone tied, so a value most raters share is never "extreme").
 * Preference data agrees little by nature: fixed cut-offs would flag half
 * the crowd or nobody, depending on the task.
 */
export function tailCuts(qualities: readonly RaterQuality[], share: number): TailCut[] {
  return TAIL_METRICS.map((metric) => {
    const values = metricValues(qualities, metric);
    const n = values.length;
    const asBadOrWorse = (v: number) =>
      metric.worse === 'low' ? countBelow(values, v, true) : n - countBelow(values, v, false);
    const tail = values.filter((v) => asBadOrWorse(v) <= share * n);
    const threshold = tail.length === 0 ? null : metric.worse === 'low' ? tail[tail.length - 1]! : tail[0]!;
    return { metric: metric.id, worse: metric.worse, threshold, eligible: n };
  });
}

/** The metrics on which this rater sits in the pool's tail. */
export function tailsOf(
  q: RaterQuality,
  cuts: readonly TailCut[],
): Array<{ metric: TailMetricId; value: number; threshold: number }> {
  const out: Array<{ metric: TailMetricId; value: number; threshold: number }> = [];
  TAIL_METRICS.forEach((metric, i) => {
    const cut = cuts[i]!;
    const value = metric.value(q);
    if (cut.threshold === null || value === null || !metric.eligible(q)) return;
    if (metric.significant && !metric.significant(q)) return;
    const extreme = metric.worse === 'low' ? value <= cut.threshold : value >= cut.threshold;
    if (extreme) out.push({ metric: metric.id, value, threshold: cut.threshold });
  });
  return out;
}
