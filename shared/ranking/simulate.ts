import { sigmoid } from './likelihood';
import { createRng, normal } from './random';
import type { Battle, Outcome } from './types';

export interface SimulationOptions {
  models: number;
  votes: number;
  seed: number;
  /**
   * Tie propensity in [0, 1]: a vote is a tie (or both-bad, half of them) with probability
   * tieRate·2·min(p, 1 − p). Taking the tie mass equally from both sides keeps each model's
   * expected score at p = σ(θ_A − θ_B), so "ties as half a win" stays the right model.
   */
  tieRate?: number;
  /** Natural-log strengths; drawn from N(0, 1) when omitted. */
  strengths?: Float64Array;
}

export interface Simulation {
  models: string[];
  strengths: Float64Array;
  battles: Battle[];
}

/**
 * Votes from a known Bradley–Terry model, seeded: pairs uniform over distinct models,
 * expected score of A = σ(θ_A − θ_B). For tests (strength recovery) and the benchmark.
 */
export function simulateBattles(options: SimulationOptions): Simulation {
  const rng = createRng(options.seed, 0x51);
  const n = options.models;
  const names = Array.from({ length: n }, (_, i) => `model-${String(i).padStart(3, '0')}`);
  const strengths = options.strengths ?? Float64Array.from({ length: n }, () => normal(rng));
  const tieRate = options.tieRate ?? 0;
  const battles: Battle[] = new Array<Battle>(options.votes);
  for (let v = 0; v < options.votes; v++) {
    const a = Math.floor(rng.next() * n);
    const b = (a + 1 + Math.floor(rng.next() * (n - 1))) % n;
    const p = sigmoid(strengths[a]! - strengths[b]!);
    const tie = tieRate * 2 * Math.min(p, 1 - p);
    const u = rng.next();
    let outcome: Outcome;
    if (u < tie) outcome = u < tie / 2 ? 'tie' : 'both_bad';
    else outcome = u < tie + p - tie / 2 ? 'a' : 'b';
    battles[v] = { modelA: names[a]!, modelB: names[b]!, outcome, timestamp: v };
  }
  return { models: names, strengths, battles };
}
