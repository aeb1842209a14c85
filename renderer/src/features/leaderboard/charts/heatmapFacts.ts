import type { WinRateMatrix } from '../../../../../shared/ranking';

/** A pair with fewer votes than this is not called "the most one-sided" (one vote is always 100%). */
const SOLID_VOTES = 5;

export interface HeatmapFacts {
  pairs: number;
  met: number;
  /** The most one-sided observed pair (winner and loser are indices), preferring pairs with enough votes. */
  lopsided: { winner: number; loser: number; rate: number; votes: number } | null;
  busiest: { a: number; b: number; votes: number } | null;
  medianVotes: number;
}

type Lopsided = NonNullable<HeatmapFacts['lopsided']>;

function moreLopsided(current: Lopsided | null, candidate: Lopsided): Lopsided {
  if (!current) return candidate;
  const solid = (pair: Lopsided) => pair.votes >= SOLID_VOTES;
  if (solid(candidate) !== solid(current)) return solid(candidate) ? candidate : current;
  return candidate.rate > current.rate || (candidate.rate === current.rate && candidate.votes > current.votes) ? candidate : current;
}

/** The numbers the heatmaps' text alternatives state, over the upper triangle (each pair once). */
export function heatmapFacts(observed: WinRateMatrix): HeatmapFacts {
  const n = observed.models.length;
  const counts: number[] = [];
  let lopsided: Lopsided | null = null;
  let busiest: HeatmapFacts['busiest'] = null;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const votes = observed.votes[i]![j]!;
      counts.push(votes);
      if (votes > (busiest?.votes ?? 0)) busiest = { a: i, b: j, votes };
      const rate = observed.rates[i]![j];
      if (rate === null || rate === undefined) continue;
      lopsided = moreLopsided(lopsided, rate >= 0.5 ? { winner: i, loser: j, rate, votes } : { winner: j, loser: i, rate: 1 - rate, votes });
    }
  }
  counts.sort((x, y) => x - y);
  return {
    pairs: counts.length,
    met: counts.filter((votes) => votes > 0).length,
    lopsided,
    busiest,
    medianVotes: counts.length ? counts[Math.floor(counts.length / 2)]! : 0,
  };
}
