import { aggregateBattles, rankModels, type Battle, type RankedModel } from '../../../../../shared/ranking';
import { labelOf } from './orientation';
import type { VoteIndex } from './voteIndex';

export interface BoardEntry {
  rank: number;
  rating: number;
  lower: number;
  upper: number;
  votes: number;
}

export interface WhatIfRow {
  model: string;
  current: BoardEntry | null;
  without: BoardEntry | null;
  /** Positive: the model climbs once the excluded raters' votes are gone. */
  rankChange: number | null;
  ratingChange: number | null;
}

export interface WhatIfResult {
  rows: WhatIfRow[];
  excludedRaters: number;
  excludedVotes: number;
  votes: number;
}

function boardOf(index: VoteIndex, excluded: ReadonlySet<string>): { board: Map<string, BoardEntry>; votes: number } {
  const battles: Battle[] = [];
  for (const vote of index.quality) {
    if (excluded.has(vote.raterId)) continue;
    const [modelA, modelB] = vote.models as readonly [string, string];
    battles.push({ modelA, modelB, outcome: labelOf(vote) });
  }
  const ranked = battles.length ? rankModels(aggregateBattles(battles)).models : [];
  const entry = (m: RankedModel): BoardEntry => ({
    rank: m.rank,
    rating: m.rating,
    lower: m.lower,
    upper: m.upper,
    votes: m.votes,
  });
  return { board: new Map(ranked.map((m) => [m.model, entry(m)])), votes: battles.length };
}

/** The board with every vote depends only on the index: computed once per load. */
const currentBoards = new WeakMap<VoteIndex, ReturnType<typeof boardOf>>();

/**
 * The team's leaderboard (Bradley–Terry, sandwich intervals, as the app ranks
 * everywhere) with and without the excluded raters' votes, model by model.
 */
export function whatIfLeaderboard(index: VoteIndex, excludedRaters: readonly string[]): WhatIfResult {
  const excluded = new Set(excludedRaters);
  const current = currentBoards.get(index) ?? boardOf(index, new Set());
  currentBoards.set(index, current);
  const without = boardOf(index, excluded);
  const models = new Set([...current.board.keys(), ...without.board.keys()]);
  const rows = [...models].map((model): WhatIfRow => {
    const now = current.board.get(model) ?? null;
    const then = without.board.get(model) ?? null;
    return {
      model,
      current: now,
      without: then,
      rankChange: now && then ? now.rank - then.rank : null,
      ratingChange: now && then ? then.rating - now.rating : null,
    };
  });
  rows.sort(
    (x, y) => (y.current?.rating ?? -Infinity) - (x.current?.rating ?? -Infinity) || (x.model < y.model ? -1 : 1),
  );
  return {
    rows,
    excludedRaters: [...excluded].filter((rater) => index.byRater.has(rater)).length,
    excludedVotes: current.votes - without.votes,
    votes: current.votes,
  };
}
