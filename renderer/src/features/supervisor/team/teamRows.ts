import type { RaterSummary } from '../../../../../shared/protocol/supervisor';
import type { RaterExtras } from '../analysis/raterExtras';
import type { RaterAssessment, RaterStatus } from '../analysis/raterStatus';

export interface TeamRow {
  rater: RaterSummary;
  assessment: RaterAssessment;
  /** From the team's votes, once the Worker has them. */
  extras: RaterExtras | null;
}

const STATUS_ORDER: Record<RaterStatus, number> = { ok: 0, watch: 1, flagged: 2 };

/** The value each sortable column sorts by; null sorts last either way. */
export const SORT_VALUES: Record<string, (row: TeamRow) => number | string | null> = {
  rater: (row) => row.rater.displayName.toLocaleLowerCase(),
  status: (row) => STATUS_ORDER[row.assessment.status] * 100 + row.assessment.reasons.length,
  votes: (row) => row.rater.quality.votes,
  activeTime: (row) => (row.extras && row.extras.timedVotes > 0 ? row.extras.activeMsTotal : null),
  medianActiveMs: (row) => row.rater.quality.medianActiveMs,
  tooFastShare: (row) => row.rater.quality.tooFastShare,
  tieRate: (row) => row.rater.quality.tieRate,
  positionBias: (row) =>
    row.rater.quality.positionBias === null ? null : Math.abs(row.rater.quality.positionBias - 0.5),
  agreement: (row) => row.rater.quality.agreement,
  selfConsistency: (row) => row.rater.quality.selfConsistency,
  goldAccuracy: (row) => row.rater.quality.goldAccuracy,
  anomalyScore: (row) => row.rater.quality.anomalyScore,
  reliability: (row) => row.rater.quality.reliability?.relativeWeight ?? null,
};

export function sortRows(rows: readonly TeamRow[], by: string, direction: 'asc' | 'desc'): TeamRow[] {
  const value = SORT_VALUES[by] ?? SORT_VALUES.status!;
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: value(row) }));
  keyed.sort((x, y) => {
    if (x.key === null || y.key === null) return x.key === y.key ? 0 : x.key === null ? 1 : -1;
    const order = x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
    return sign * order || (x.row.rater.id < y.row.rater.id ? -1 : 1);
  });
  return keyed.map((entry) => entry.row);
}

export function filterRows(rows: readonly TeamRow[], status: RaterStatus | 'all', search: string): TeamRow[] {
  const needle = search.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (status === 'all' || row.assessment.status === status) &&
      (!needle ||
        row.rater.displayName.toLocaleLowerCase().includes(needle) ||
        row.rater.id.toLocaleLowerCase().includes(needle)),
  );
}
