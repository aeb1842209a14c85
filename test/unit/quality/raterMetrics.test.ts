import { describe, expect, it } from 'vitest';
import {
  activeTime,
  anomalyTest,
  binomialTestHalf,
  goldAccuracy,
  majorityAgreement,
  positionBias,
  selfConsistency,
  type RaterVote,
} from '../../../shared/quality/index';

describe('position bias', () => {
  it('is the share of first-side picks among decisive votes, with an exact binomial test', () => {
    const votes: RaterVote[] = [
      ...Array.from({ length: 9 }, (_, i) => ({ raterId: 'r', itemId: `f${i}`, choice: 'first' as const })),
      { raterId: 'r', itemId: 's', choice: 'second' },
      { raterId: 'r', itemId: 't', choice: 'tie' },
      { raterId: 'r', itemId: 'b', choice: 'both_bad' },
    ];
    // P(X ≤ 1 | n = 10, p = ½) = 11/1024, two-sided 22/1024
    const bias = positionBias(votes);
    expect(bias).toMatchObject({ decisive: 10, first: 9, firstShare: 0.9 });
    expect(bias.pValue).toBeCloseTo(22 / 1024, 14);
  });

  it('counts the side the rater saw first when the vote recorded it, else the side called first', () => {
    const votes: RaterVote[] = [
      { raterId: 'r', itemId: 'a', choice: 'second', shownFirst: 'second' },
      { raterId: 'r', itemId: 'b', choice: 'first', shownFirst: 'second' },
      { raterId: 'r', itemId: 'c', choice: 'first', shownFirst: 'first' },
      { raterId: 'r', itemId: 'd', choice: 'first' },
    ];
    expect(positionBias(votes)).toMatchObject({ decisive: 4, first: 3, firstShare: 0.75 });
  });

  it('gives p = 1 for a perfectly balanced rater and null with no decisive votes', () => {
    expect(binomialTestHalf(5, 10)).toBe(1);
    expect(positionBias([{ raterId: 'r', itemId: 'i', choice: 'tie' }])).toEqual({
      decisive: 0,
      first: 0,
      firstShare: null,
      pValue: null,
    });
  });

  it('stays accurate for large n (no overflow): 600 of 1000 first picks', () => {
    const p = binomialTestHalf(600, 1000);
    expect(p).toBeGreaterThan(1e-11);
    expect(p).toBeLessThan(1e-9);
    expect(binomialTestHalf(400, 1000)).toBe(p);
  });
});

describe('leave-one-out agreement with the majority', () => {
  const vote = (raterId: string, itemId: string, choice: RaterVote['choice']): RaterVote => ({
    raterId,
    itemId,
    choice,
  });
  const votes = [
    vote('a', 'i1', 'first'),
    vote('b', 'i1', 'first'),
    vote('c', 'i1', 'first'),
    vote('d', 'i1', 'second'),
    vote('a', 'i2', 'tie'),
    vote('b', 'i2', 'both_bad'),
    vote('c', 'i2', 'first'),
    vote('a', 'i3', 'first'),
    vote('b', 'i3', 'second'),
  ];

  it('compares each vote with the strict majority of the other raters on the item', () => {
    const result = majorityAgreement(votes);
    // i1: a, b and c agree with the others' majority (first); d does not.
    // i2 (both-bad counts as a tie): a and b each face {tie, first}, no strict majority, skipped;
    // c faces {tie, tie} and disagrees. i3 has one other rater, fewer than minOthers = 2.
    expect(result.get('a')).toEqual({ compared: 1, agreed: 1, rate: 1 });
    expect(result.get('c')).toEqual({ compared: 2, agreed: 1, rate: 0.5 });
    expect(result.get('d')).toEqual({ compared: 1, agreed: 0, rate: 0 });
  });

  it('treats both-bad as its own category when asked', () => {
    const result = majorityAgreement(votes, { bothBad: 'separate' });
    expect(result.get('c')).toEqual({ compared: 1, agreed: 1, rate: 1 });
  });
});

describe('self-consistency on swapped repeats', () => {
  it('compares later swapped showings with the first answer after undoing the swap', () => {
    const votes: RaterVote[] = [
      { raterId: 'r', itemId: 'x', choice: 'first', timestamp: 1 },
      { raterId: 'r', itemId: 'x', choice: 'second', swapped: true, timestamp: 5 }, // same answer
      { raterId: 'r', itemId: 'y', choice: 'first', timestamp: 2 },
      { raterId: 'r', itemId: 'y', choice: 'first', swapped: true, timestamp: 6 }, // flipped answer
      { raterId: 'r', itemId: 'z', choice: 'tie', timestamp: 3 },
      { raterId: 'r', itemId: 'z', choice: 'tie', timestamp: 7 }, // same side: not a swapped repeat
    ];
    expect(selfConsistency(votes)).toEqual({ repeats: 2, consistent: 1, rate: 0.5 });
  });

  it('is null without swapped repeats', () => {
    expect(selfConsistency([{ raterId: 'r', itemId: 'x', choice: 'first' }]).rate).toBeNull();
  });
});

describe('gold accuracy', () => {
  it('scores the first answer per gold item in canonical order', () => {
    const votes: RaterVote[] = [
      { raterId: 'r', itemId: 'g1', choice: 'second', swapped: true },
      { raterId: 'r', itemId: 'g2', choice: 'both_bad' },
      { raterId: 'r', itemId: 'g3', choice: 'first' },
      { raterId: 'r', itemId: 'plain', choice: 'first' },
    ];
    expect(goldAccuracy(votes, { gold: { g1: 'a', g2: 'tie', g3: 'b' } })).toEqual({
      items: 3,
      correct: 2,
      accuracy: 2 / 3,
    });
    expect(goldAccuracy(votes, { gold: { g1: 'a', g2: 'tie', g3: 'b' }, bothBad: 'separate' }).correct).toBe(1);
    expect(goldAccuracy(votes).accuracy).toBeNull();
  });
});

describe('active time', () => {
  it('summarises the distribution and the share of votes under the too-fast threshold', () => {
    const votes: RaterVote[] = [1000, 2000, 4000, 8000, 10000].map((activeMs, i) => ({
      raterId: 'r',
      itemId: `${i}`,
      choice: 'tie',
      activeMs,
    }));
    expect(activeTime([...votes, { raterId: 'r', itemId: 'no-time', choice: 'tie' }])).toEqual({
      count: 5,
      mean: 5000,
      p10: 1400,
      median: 4000,
      p90: 9200,
      tooFast: 2,
      tooFastShare: 0.4,
    });
    expect(activeTime(votes, { tooFastMs: 5000 }).tooFast).toBe(3);
  });
});

describe("LMArena's sequential anomaly test", () => {
  // The crowd prefers "strong" over "weak" 90% of the time on this pair.
  const crowd: RaterVote[] = Array.from({ length: 200 }, (_, i) => ({
    raterId: `crowd${i % 40}`,
    itemId: `c${i}`,
    choice: i % 10 === 0 ? 'second' : 'first',
    models: ['strong', 'weak'] as const,
    timestamp: i,
  }));
  const contrarian: RaterVote[] = Array.from({ length: 30 }, (_, i) => ({
    raterId: 'contrarian',
    itemId: `x${i}`,
    choice: 'first',
    swapped: true, // "first" on screen was the weak model
    models: ['strong', 'weak'] as const,
    timestamp: 1000 + i,
  }));
  const conformist: RaterVote[] = contrarian.map((v, i) => ({
    ...v,
    raterId: 'conformist',
    itemId: `y${i}`,
    choice: 'second',
  }));
  const result = anomalyTest([...crowd, ...contrarian, ...conformist]);

  it('flags a rater who keeps voting against the pair’s history (M > 20)', () => {
    const c = result.get('contrarian')!;
    expect(c.flagged).toBe(true);
    expect(Math.max(c.mUpper, c.mLower)).toBeGreaterThan(20);
    expect(c.votesUsed).toBeLessThan(30); // stops at the first crossing, as FastChat does
  });

  it('does not flag a rater who votes with the crowd', () => {
    const c = result.get('conformist')!;
    expect(c).toMatchObject({ tested: true, flagged: false, votesUsed: 30 });
    expect(c.mUpper).toBeLessThan(20);
    expect(c.mLower).toBeLessThan(20);
  });

  it('does not test raters with fewer than 5 votes', () => {
    expect(result.get('crowd0')).toMatchObject({ tested: true });
    const few = anomalyTest([...crowd, { ...contrarian[0]!, raterId: 'newcomer' }]);
    expect(few.get('newcomer')).toEqual({ tested: false, votesUsed: 0, mUpper: 1, mLower: 1, flagged: false });
  });
});
