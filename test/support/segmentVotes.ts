import type { SegmentField } from '../../shared/protocol/leaderboard';
import { SEGMENT_FIELDS } from '../../shared/protocol/leaderboard';
import type { CountedVote } from '../../server/leaderboard/cube';
import { seededRandom } from './faultProxy';
import { nodeKey, nodeOf, UNSET, VOTES, type Recovery, type Release } from './leaderboardAttacker';

/** What a lattice node really holds: its distinct raters, and every column the attacker tracks. */
export interface Truth {
  raters: number;
  numbers: Map<string, number>;
}

/** The true counts of any lattice node, straight from the votes (not through the server's cube). */
export function truthOf(votes: readonly CountedVote[]): (key: string) => Truth {
  const cache = new Map<string, Truth>();
  return (key) => {
    let truth = cache.get(key);
    if (truth) return truth;
    const node = nodeOf(key);
    const fields = Object.keys(node) as SegmentField[];
    const raters = new Set<number>();
    const numbers = new Map<string, number>();
    for (const vote of votes) {
      if (!fields.every((field) => (vote.segment[field] ?? UNSET) === node[field])) continue;
      raters.add(vote.accountId);
      const flipped = vote.modelB < vote.modelA;
      const [lo, hi] = flipped ? [vote.modelB, vote.modelA] : [vote.modelA, vote.modelB];
      const outcome = { a: 0, b: 1, tie: 2, both_bad: 3 }[vote.outcome];
      const column = `${lo}\u0000${hi}#${flipped && outcome < 2 ? 1 - outcome : outcome}`;
      numbers.set(column, (numbers.get(column) ?? 0) + 1);
      numbers.set(VOTES, (numbers.get(VOTES) ?? 0) + 1);
    }
    truth = { raters: raters.size, numbers };
    cache.set(key, truth);
    return truth;
  };
}

export interface Verdict {
  /** Recoveries that disagree with the votes: a bug in the attacker, never acceptable. */
  wrong: Recovery[];
  /** Non-zero numbers about a segment of 1 to K-1 raters: what must never happen. */
  breaches: Recovery[];
  /** Non-zero numbers about any segment the server did not show. */
  hidden: Recovery[];
}

/** Checks every recovery against the votes and sorts out what matters. */
export function judge(recoveries: Recovery[], truth: (key: string) => Truth, minRaters: number): Verdict {
  const verdict: Verdict = { wrong: [], breaches: [], hidden: [] };
  for (const recovery of recoveries) {
    const real = truth(recovery.node);
    if (recovery.value !== (real.numbers.get(recovery.column) ?? 0)) verdict.wrong.push(recovery);
    if (recovery.value === 0) continue;
    verdict.hidden.push(recovery);
    if (real.raters > 0 && real.raters < minRaters) verdict.breaches.push(recovery);
  }
  return verdict;
}

/**
 * Side knowledge the server never gives, granted to make the attacker stronger: which segments
 * of at most two fields are empty (who has which profile, roughly). More knowledge can only
 * help it, so an attack that fails with this fails without it.
 */
export function grantEmptiness(
  release: Release,
  unset: ReadonlySet<SegmentField>,
  truth: (key: string) => Truth,
): void {
  const values = (field: SegmentField) => [...release.names[field], ...(unset.has(field) ? [UNSET] : [])];
  const mark = (node: Partial<Record<SegmentField, string>>) => {
    if (truth(nodeKey(node)).raters === 0) release.empty.add(nodeKey(node));
  };
  for (const [i, field] of SEGMENT_FIELDS.entries()) {
    for (const value of values(field)) {
      mark({ [field]: value });
      for (const other of SEGMENT_FIELDS.slice(i + 1))
        for (const second of values(other)) mark({ [field]: value, [other]: second });
    }
  }
}

/** The fields some vote leaves unset. */
export function unsetFields(votes: readonly CountedVote[]): Set<SegmentField> {
  return new Set(SEGMENT_FIELDS.filter((field) => votes.some((vote) => vote.segment[field] === null)));
}

/**
 * A seeded rater network with the shapes that make small groups: skewed (Zipf) countries,
 * languages and categories, a few raters with most of the votes and many with a handful, some
 * profiles with fields unset, and as many model pairs as votes allow (so most pairs are rare).
 */
export function randomNetwork(seed: number): CountedVote[] {
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const zipf = <T>(values: readonly T[]): T => {
    const weights = values.map((_, i) => 1 / (i + 1) ** 1.3);
    let u = random() * weights.reduce((sum, w) => sum + w, 0);
    for (const [i, w] of weights.entries()) if ((u -= w) <= 0) return values[i] as T;
    return values[values.length - 1] as T;
  };
  const unsetShare = random() < 0.5 ? 0 : 0.06;
  const maybe = <T>(value: T): T | null => (random() < unsetShare ? null : value);
  const countries = ['US', 'IN', 'KE', 'BR', 'DE', 'PH', 'EG', 'JP', 'MX', 'NG', 'FR', 'VN'];
  const languages = ['en', 'es', 'hi', 'sw', 'ja', 'de'];
  const categories = ['code', 'math', 'writing', 'advice', 'translation', 'roleplay', 'science'];
  const models = Array.from({ length: between(6, 24) }, (_, i) => `model-${String.fromCharCode(65 + i)}`);
  const votes: CountedVote[] = [];
  const raters = between(40, 140);
  const meanVotes = between(8, 40);
  for (let rater = 1; rater <= raters; rater += 1) {
    const profile = {
      country: maybe(zipf(countries)),
      age_band: maybe(zipf(['25-34', '18-24', '35-44', '45-54', '55+'])),
      education: maybe(zipf(['bachelor', 'master', 'secondary', 'doctorate', 'vocational'])),
    };
    const reads = [zipf(languages), zipf(languages)];
    const count = 1 + Math.floor(-Math.log(1 - random()) * meanVotes);
    for (let v = 0; v < count; v += 1) {
      const a = between(0, models.length - 1);
      const b = (a + between(1, models.length - 1)) % models.length;
      const outcome = (['a', 'a', 'b', 'tie', 'both_bad'] as const)[between(0, 4)] as CountedVote['outcome'];
      const segment = { ...profile, language: reads[between(0, 1)] as string, category: zipf(categories) };
      votes.push({ accountId: rater, modelA: models[a] as string, modelB: models[b] as string, outcome, segment });
    }
  }
  return votes;
}
