import { BASE, INIT_RATING, SCALE } from './constants';
import type { Battle } from './types';

export interface EloOptions {
  /** Update size (FastChat `compute_elo` uses K = 4 since 2023-05). */
  k?: number;
  scale?: number;
  base?: number;
  initial?: number;
}

export interface EloRating {
  model: string;
  rating: number;
  votes: number;
}

/**
 * Online Elo, for comparison only: it depends on vote order, so unlike every other method
 * it reads raw battles. Votes are applied in timestamp order when every vote has one
 * (stable, so equal timestamps keep input order), otherwise in input order.
 * Update (FastChat `compute_elo`): e_a = 1/(1 + base^((r_b − r_a)/scale)),
 * r_a += K(s_a − e_a), r_b −= K(s_a − e_a); a tie or both-bad is s_a = ½.
 */
export function onlineElo(battles: Iterable<Battle>, options: EloOptions = {}): EloRating[] {
  const k = options.k ?? 4;
  const scale = options.scale ?? SCALE;
  const base = options.base ?? BASE;
  const initial = options.initial ?? INIT_RATING;
  const ordered = chronological([...battles]);
  const rating = new Map<string, number>();
  const votes = new Map<string, number>();
  for (const battle of ordered) {
    const ra = rating.get(battle.modelA) ?? initial;
    const rb = rating.get(battle.modelB) ?? initial;
    const expectedA = 1 / (1 + Math.pow(base, (rb - ra) / scale));
    const scoreA = battle.outcome === 'a' ? 1 : battle.outcome === 'b' ? 0 : 0.5;
    rating.set(battle.modelA, ra + k * (scoreA - expectedA));
    rating.set(battle.modelB, rb - k * (scoreA - expectedA));
    votes.set(battle.modelA, (votes.get(battle.modelA) ?? 0) + 1);
    votes.set(battle.modelB, (votes.get(battle.modelB) ?? 0) + 1);
  }
  return [...rating.entries()]
    .map(([model, r]) => ({ model, rating: r, votes: votes.get(model) ?? 0 }))
    .sort((x, y) => y.rating - x.rating || (x.model < y.model ? -1 : 1));
}

function chronological(battles: Battle[]): Battle[] {
  const timed = battles.every((b) => typeof b.timestamp === 'number' && Number.isFinite(b.timestamp));
  return timed ? battles.sort((x, y) => x.timestamp! - y.timestamp!) : battles;
}
