import { toCsv, toJsonl } from '../data/csv';
import type { TeamRow } from './teamRows';

type Getter = (row: TeamRow) => unknown;

const IDENTITY: ReadonlyArray<[string, Getter]> = [
  ['display_name', (row) => row.rater.displayName],
  ['email', (row) => row.rater.email],
];

const METRICS: ReadonlyArray<[string, Getter]> = [
  ['status', (row) => row.assessment.status],
  [
    'reasons',
    (row) => row.assessment.reasons.map((reason) => (reason.kind === 'tail' ? reason.metric : reason.kind)).join('|'),
  ],
  ['votes', (row) => row.rater.quality.votes],
  ['items', (row) => row.rater.quality.items],
  ['active_ms_total', (row) => (row.extras && row.extras.timedVotes > 0 ? row.extras.activeMsTotal : null)],
  ['median_active_ms', (row) => row.rater.quality.medianActiveMs],
  ['too_fast_share', (row) => row.rater.quality.tooFastShare],
  ['tie_rate', (row) => row.rater.quality.tieRate],
  ['both_bad_rate', (row) => row.rater.quality.bothBadRate],
  ['position_bias_first_share', (row) => row.rater.quality.positionBias],
  ['position_bias_p_value', (row) => row.rater.quality.positionBiasPValue],
  ['agreement', (row) => row.rater.quality.agreement],
  ['agreement_compared', (row) => row.rater.quality.agreementCompared],
  ['mean_cohen_kappa', (row) => row.rater.quality.meanCohenKappa],
  ['self_consistency', (row) => row.rater.quality.selfConsistency],
  ['repeats', (row) => row.rater.quality.repeats],
  ['gold_accuracy', (row) => row.rater.quality.goldAccuracy],
  ['gold_items', (row) => row.rater.quality.goldItems],
  ['anomaly_score', (row) => row.rater.quality.anomalyScore],
  ['anomalous', (row) => row.rater.quality.anomalous],
  // How the defended ranking treats the rater (docs/RANKING.md "Robustness to rigging"); empty
  // when the server sent no reliability (no votes, or an older server).
  ['ranking_weight_relative', (row) => row.rater.quality.reliability?.relativeWeight ?? null],
  ['reliability_accuracy', (row) => row.rater.quality.reliability?.accuracy ?? null],
  ['screens_failed', (row) => row.rater.quality.reliability?.failed.join('|') ?? null],
  ['partisan_model', (row) => row.rater.quality.reliability?.partisan?.model ?? null],
  ['partisan_posterior', (row) => row.rater.quality.reliability?.partisan?.posterior ?? null],
  ['partisan_favours', (row) => row.rater.quality.reliability?.partisan?.favours ?? null],
  ['down_weighted', (row) => row.rater.quality.reliability?.downWeighted ?? null],
];

/**
 * The team table as a file. Rater ids are the server's pseudonymous ids;
 * names and emails go in only for roles allowed to see identities (admins),
 * so a supervisor's export can be shared for analysis without naming anyone.
 */
export function teamTableFile(
  rows: readonly TeamRow[],
  format: 'csv' | 'jsonl',
  withIdentity: boolean,
  today = new Date(),
) {
  const columns: ReadonlyArray<[string, Getter]> = [
    ['rater_id', (row) => row.rater.id],
    ...(withIdentity ? IDENTITY : []),
    ...METRICS,
  ];
  const fileName = `verdict-team-${today.toISOString().slice(0, 10)}.${format}`;
  if (format === 'csv') {
    const content = toCsv(
      columns.map(([name]) => name),
      rows.map((row) => columns.map(([, get]) => get(row))),
    );
    return { fileName, mediaType: 'text/csv', content };
  }
  const records = rows.map((row) => Object.fromEntries(columns.map(([name, get]) => [name, get(row)])));
  return { fileName, mediaType: 'application/x-ndjson', content: toJsonl(records) };
}
