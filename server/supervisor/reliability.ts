import type { RaterReliability } from '../../shared/protocol/supervisor';
import type { RaterVote } from '../../shared/quality';
import { explainReliability, type RatedVote } from '../../shared/ranking';

/**
 * The defended pipeline's view of each rater (shared/ranking/raterScreens.ts) over the votes the
 * team quality already loaded: screens, then the CrowdBT reliability fit on the votes that pass.
 * Runs in the quality worker with the rest of team quality. Votes without model identities (none
 * in practice: every stored vote has them) are left out.
 */
export function teamReliability(
  votes: readonly RaterVote[],
  goldAccuracy: ReadonlyMap<string, number | null>,
): Map<string, RaterReliability> {
  const models = new Indexer();
  const raters = new Indexer();
  const rated: RatedVote[] = [];
  for (const vote of votes) {
    const rv = ratedVote(vote, models, raters);
    if (rv) rated.push(rv);
  }
  const gold = raters.names.map((name) => goldAccuracy.get(name) ?? null);
  const { rows } = explainReliability(models.names.length, raters.names.length, rated, gold);
  return new Map(
    rows.map((row) => [
      raters.names[row.rater]!,
      {
        accuracy: row.accuracy,
        weight: row.weight,
        relativeWeight: row.relativeWeight,
        decisive: row.decisive,
        firstSideRate: row.firstSideRate,
        firstSideZ: row.firstSideZ,
        topModel: row.topModel === null ? null : models.names[row.topModel]!,
        concentrationZ: row.concentrationZ,
        failed: row.failed,
        partisan: row.partisan && { ...row.partisan, model: models.names[row.partisan.model]! },
        downWeighted: row.downWeighted,
      },
    ]),
  );
}

/**
 * As the rater saw it: `a` is the model on the side shown first, so outcome 1 is "picked the
 * first side" (what the first-side screen counts); ties and both-bad are ½.
 */
function ratedVote(vote: RaterVote, models: Indexer, raters: Indexer): RatedVote | null {
  if (!vote.models) return null;
  // Display order: 'first' holds the canonical first response unless the item was swapped.
  const [firstModel, secondModel] = vote.swapped ? [vote.models[1], vote.models[0]] : vote.models;
  const seenFirst = vote.shownFirst ?? 'first';
  const [a, b] = seenFirst === 'first' ? [firstModel, secondModel] : [secondModel, firstModel];
  const outcome = vote.choice === 'tie' || vote.choice === 'both_bad' ? 0.5 : vote.choice === seenFirst ? 1 : 0;
  return { rater: raters.of(vote.raterId), a: models.of(a), b: models.of(b), outcome };
}

class Indexer {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
    }
    return i;
  }
}
