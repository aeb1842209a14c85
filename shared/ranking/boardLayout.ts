import { displayedRanks } from './displayRank';
import type { RankedModel, RankingWarning } from './types';

/**
 * Below this many votes a model is listed as provisional, without a rank: a
 * model with one lucky vote must not sit at rank 1. The preview ranks slices
 * (one category, one country), which hold a fraction of all votes, so the
 * threshold is modest: 20 keeps every LLMFAO model ranked in every category
 * slice of the demo (≈60 battles each) and marks newcomers with a handful of
 * votes. Callers may pass their own threshold.
 */
export const DEFAULT_PROVISIONAL_MIN_VOTES = 20;

export interface BoardGroup {
  /** Ranked models of one connected group, best rank first (ties by rating), ranks counted within the group. */
  models: RankedModel[];
}

export interface BoardLayout {
  /** One group when every ranked model was compared with every other through some chain of votes; else one per group. */
  groups: BoardGroup[];
  /** Models under the vote threshold: shown by rating, with no rank. */
  provisional: RankedModel[];
}

function byRankThenRating(x: RankedModel, y: RankedModel): number {
  return x.rank - y.rank || y.rating - x.rating || (x.model < y.model ? -1 : x.model > y.model ? 1 : 0);
}

function rankWithin(models: RankedModel[]): RankedModel[] {
  const ranks = displayedRanks(
    models.map((model) => model.lower),
    models.map((model) => model.upper),
  );
  return models.map((model, index) => ({ ...model, rank: ranks[index] as number })).sort(byRankThenRating);
}

/**
 * How a ranking should be shown to a person: models that were never compared
 * with each other (different languages, say) are separate boards, because a
 * rating in one means nothing against a rating in the other; models with too
 * few votes are provisional and unranked; within a board, ranks are counted
 * among its own ranked models (1 + models clearly ahead) and rows are ordered
 * by rank, then rating, so the rank column never jumps.
 */
export function layoutBoard(
  models: readonly RankedModel[],
  warnings: readonly RankingWarning[],
  minVotes = DEFAULT_PROVISIONAL_MIN_VOTES,
): BoardLayout {
  const provisional = models.filter((model) => model.votes < minVotes).sort((x, y) => y.rating - x.rating);
  const ranked = models.filter((model) => model.votes >= minVotes);
  const disconnected = warnings.find((warning) => warning.kind === 'disconnected');
  const components =
    disconnected?.kind === 'disconnected' ? disconnected.components : [ranked.map((model) => model.model)];
  const groupOf = new Map<string, number>();
  components.forEach((component, index) => component.forEach((name) => groupOf.set(name, index)));
  const buckets = new Map<number, RankedModel[]>();
  for (const model of ranked) {
    const group = groupOf.get(model.model) ?? 0;
    buckets.set(group, [...(buckets.get(group) ?? []), model]);
  }
  const groups = [...buckets.values()]
    .map((group) => ({ models: rankWithin(group) }))
    // The largest board first: it is the one most raters came for.
    .sort((x, y) => y.models.length - x.models.length);
  return { groups, provisional };
}

/** A leaderboard entry as the server publishes it: provisional entries carry no rank. */
export type PublishedModel = Omit<RankedModel, 'rank'> & { rank?: number; provisional?: true };

/**
 * The server's listing (one list, rating order kept): models under `minVotes` are marked
 * `provisional: true` and lose their rank; the others are ranked among themselves only
 * (1 + ranked models clearly ahead), so a barely-voted model neither takes nor pushes a rank.
 */
export function markProvisional(models: readonly RankedModel[], minVotes: number): PublishedModel[] {
  const ranked = models.filter((model) => model.votes >= minVotes);
  const ranks = displayedRanks(
    ranked.map((model) => model.lower),
    ranked.map((model) => model.upper),
  );
  const rankOf = new Map(ranked.map((model, index) => [model.model, ranks[index]!]));
  return models.map((model) => {
    const rank = rankOf.get(model.model);
    if (rank !== undefined) return { ...model, rank };
    const { rank: _dropped, ...rest } = model;
    return { ...rest, provisional: true as const };
  });
}
