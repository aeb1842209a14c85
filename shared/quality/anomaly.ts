import { canonicalLabel, chronological, groupBy } from './labels';
import type { QualityOptions, RaterVote } from './types';

export interface AnomalyResult {
  /** False when the rater has fewer than `minVotes` votes with known models. */
  tested: boolean;
  /** Votes that entered the product (votes on pairs with no decisive history are skipped). */
  votesUsed: number;
  /** Final values of the two running products (test martingales). */
  mUpper: number;
  mLower: number;
  flagged: boolean;
}

/**
 * LMArena's anomalous-user test (Chatbot Arena paper, arXiv 2403.04132 §5.1; FastChat
 * `elo_analysis.py: outlier_detect`). Each vote on pair (x, y), x < y by name, is scored
 * v = 1 (x won), 0 (y won) or ½ (tie/both-bad) and ranked against the pair's history of
 * decisive votes by everyone: p_upper = share of history ≤ v, p_lower = share ≥ v. The
 * running products M = Π 1/(2p) are test martingales under "this rater votes like the
 * crowd"; the rater is flagged as soon as either exceeds 1/α = 20. The first `maxVotes`
 * (100) votes in time order are used, raters with fewer than `minVotes` (5) are not tested.
 * Deviation, to stay finite: p is floored at 1/(H + 1) for a history of H votes (as if the
 * vote itself were part of it), so a tie against a unanimous history cannot give 1/0.
 */
export function anomalyTest(votes: readonly RaterVote[], options: QualityOptions = {}): Map<string, AnomalyResult> {
  const maxVotes = options.anomaly?.maxVotes ?? 100;
  const minVotes = options.anomaly?.minVotes ?? 5;
  const logThreshold = Math.log(options.anomaly?.threshold ?? 20);
  const scored = votes.filter((v) => v.models !== undefined).map(score);
  const history = new Map<string, { wins: number; losses: number }>();
  for (const s of scored) {
    const h = history.get(s.pair) ?? { wins: 0, losses: 0 };
    if (s.value === 1) h.wins++;
    if (s.value === 0) h.losses++;
    history.set(s.pair, h);
  }
  const result = new Map<string, AnomalyResult>();
  for (const [raterId, own] of groupBy(chronological(votes), (v) => v.raterId)) {
    const mine = own.filter((v) => v.models !== undefined).map(score);
    const entry: AnomalyResult = {
      tested: mine.length >= minVotes,
      votesUsed: 0,
      mUpper: 1,
      mLower: 1,
      flagged: false,
    };
    result.set(raterId, entry);
    if (!entry.tested) continue;
    let logUpper = 0;
    let logLower = 0;
    for (const s of mine.slice(0, maxVotes)) {
      const h = history.get(s.pair)!;
      const size = h.wins + h.losses;
      if (size === 0) continue;
      const atMost = s.value === 1 ? size : h.losses; // history values ≤ v
      const atLeast = s.value === 0 ? size : h.wins; // history values ≥ v
      const floor = 1 / (size + 1);
      logUpper -= Math.log(2 * Math.max(atMost / size, floor));
      logLower -= Math.log(2 * Math.max(atLeast / size, floor));
      entry.votesUsed++;
      if (logUpper > logThreshold || logLower > logThreshold) {
        entry.flagged = true;
        break;
      }
    }
    entry.mUpper = Math.exp(logUpper);
    entry.mLower = Math.exp(logLower);
  }
  return result;
}

function score(vote: RaterVote): { pair: string; value: number } {
  const [first, second] = vote.models!;
  const label = canonicalLabel(vote);
  const flip = second < first;
  const pair = flip ? `${second}\u0000${first}` : `${first}\u0000${second}`;
  if (label !== 'a' && label !== 'b') return { pair, value: 0.5 };
  const firstWon = label === 'a';
  return { pair, value: firstWon !== flip ? 1 : 0 };
}
