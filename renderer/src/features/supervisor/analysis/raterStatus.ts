import type { RaterSummary } from '../../../../../shared/protocol/supervisor';
import { tailCuts, tailsOf, type TailCut, type TailMetricId } from './poolTails';

export type RaterStatus = 'ok' | 'watch' | 'flagged';

export type StatusReason =
  { kind: 'flag' } | { kind: 'anomaly' } | { kind: 'tail'; metric: TailMetricId; value: number; threshold: number };

export interface RaterAssessment {
  status: RaterStatus;
  reasons: StatusReason[];
}

/**
 * ok / watch / flagged. Flagged is a person's decision (a supervisor's flag,
 * or the server's anomaly scan, until someone unflags). Watch is the
 * console's suggestion: the sequential anomaly test fired, or the rater sits
 * in the pool's worst `share` on some metric.
 */
export function assessRaters(
  raters: readonly RaterSummary[],
  flagged: ReadonlySet<string>,
  share: number,
): { assessments: Map<string, RaterAssessment>; cuts: TailCut[] } {
  const cuts = tailCuts(
    raters.map((r) => r.quality),
    share,
  );
  const assessments = new Map<string, RaterAssessment>();
  for (const rater of raters) {
    const reasons: StatusReason[] = [];
    if (flagged.has(rater.id)) reasons.push({ kind: 'flag' });
    if (rater.quality.anomalous) reasons.push({ kind: 'anomaly' });
    for (const tail of tailsOf(rater.quality, cuts)) reasons.push({ kind: 'tail', ...tail });
    const status: RaterStatus = flagged.has(rater.id) ? 'flagged' : reasons.length > 0 ? 'watch' : 'ok';
    assessments.set(rater.id, { status, reasons });
  }
  return { assessments, cuts };
}
