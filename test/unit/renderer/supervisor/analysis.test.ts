import { describe, expect, it } from 'vitest';
import {
  alphaFromVotes,
  firstVotes,
  fleissKappa,
  pairwiseCohenKappa,
  selfConsistency,
  type RaterVote as QualityVote,
} from '../../../../shared/quality';
import { createAnalysisCore } from '../../../../renderer/src/features/supervisor/analysis/analysisCore';
import { disagreementInbox } from '../../../../renderer/src/features/supervisor/analysis/inbox';
import { pairwiseKappa } from '../../../../renderer/src/features/supervisor/analysis/pairwiseKappa';
import { judgedVotesOf } from '../../../../renderer/src/features/supervisor/analysis/raterVotes';
import { raterTrends } from '../../../../renderer/src/features/supervisor/analysis/trends';
import type { TeamVote } from '../../../../renderer/src/features/supervisor/analysis/teamVote';
import { buildVoteIndex } from '../../../../renderer/src/features/supervisor/analysis/voteIndex';
import { whatIfLeaderboard } from '../../../../renderer/src/features/supervisor/analysis/whatIf';
import { teamVote } from './fixtures';

const CHOICES = ['first', 'second', 'tie', 'both_bad'] as const;

/** A seeded pool: every item's first showing keeps the canonical order, later ones are swapped at random. */
function pool(raters: number, items: number, perItem: number, seed = 7) {
  let s = seed;
  const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const team: TeamVote[] = [];
  const canonical: QualityVote[] = [];
  let at = 0;
  for (let item = 0; item < items; item++) {
    const models: [string, string] = [`m${item % 5}`, `m${(item % 5) + 1}`];
    for (let k = 0; k < perItem; k++) {
      const raterId = `r${(item * 3 + k * 7) % raters}`;
      const swapped = k > 0 && random() < 0.5;
      const choice = CHOICES[Math.floor(random() * 4)]!;
      const shown: [string, string] = swapped ? [models[1], models[0]] : models;
      team.push(teamVote(raterId, `i${item}`, choice, shown, at++, { language: item % 2 ? 'de' : 'en' }));
      canonical.push({ raterId, itemId: `i${item}`, choice, swapped, models, timestamp: at });
    }
  }
  return { team, canonical };
}

describe("reading display-order votes in each item's fixed order", () => {
  it('reproduces shared/quality on the canonical votes (α nominal and ordinal, Fleiss, Cohen per pair)', () => {
    const { team, canonical } = pool(12, 60, 4);
    const core = createAnalysisCore();
    core.add(team);
    const { overall } = core.analyse(10).slices;
    expect(overall.alphaNominal).toBeCloseTo(alphaFromVotes(canonical, 'nominal').alpha!, 14);
    expect(overall.alphaOrdinal).toBeCloseTo(alphaFromVotes(canonical, 'ordinal').alpha!, 14);
    expect(overall.fleissKappa).toBeCloseTo(fleissKappa(canonical).kappa!, 14);
    expect(overall.votes).toBe(240);
    const byPair = (pairs: ReturnType<typeof pairwiseKappa>) =>
      new Map(pairs.map((p) => [`${p.raterA}|${p.raterB}`, p]));
    const ours = byPair(pairwiseKappa(buildVoteIndex(team)));
    const theirs = byPair(pairwiseCohenKappa(firstVotes(canonical)));
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [key, pair] of theirs) {
      expect(ours.get(key)!.items).toBe(pair.items);
      expect(ours.get(key)!.kappa).toBeCloseTo(pair.kappa!, 14);
    }
  });

  it('slices per language and leaves "can\u2019t evaluate" votes out', () => {
    const { team } = pool(12, 20, 3);
    const core = createAnalysisCore();
    core.add([...team, teamVote('r1', 'i0', 'cant_read', ['m0', 'm1'], 999)]);
    const { language } = core.analyse(10).slices;
    expect(language.map((slice) => slice.key).sort()).toEqual(['de', 'en']);
    expect(language.reduce((sum, slice) => sum + slice.votes, 0)).toBe(60);
  });

  it('measures self-consistency the same whichever showing comes first', () => {
    const votes = [
      teamVote('r1', 'x', 'first', ['A', 'B'], 0),
      teamVote('r1', 'x', 'second', ['B', 'A'], 1),
      teamVote('r1', 'y', 'first', ['C', 'D'], 2),
      teamVote('r1', 'y', 'first', ['D', 'C'], 3),
    ];
    const index = buildVoteIndex(votes);
    expect(selfConsistency(index.quality)).toMatchObject({ repeats: 2, consistent: 1 });
  });
});

describe("judging a rater's votes against the others", () => {
  const votes = [
    teamVote('me', 'x', 'first', ['A', 'B'], 0),
    teamVote('o1', 'x', 'second', ['B', 'A'], 1),
    teamVote('o2', 'x', 'first', ['A', 'B'], 2),
    teamVote('o3', 'x', 'tie', ['A', 'B'], 3),
    teamVote('me', 'y', 'second', ['C', 'D'], 4),
    teamVote('o1', 'y', 'first', ['C', 'D'], 5),
    teamVote('o2', 'y', 'first', ['D', 'C'], 6),
    teamVote('me', 'x', 'first', ['B', 'A'], 7),
  ];

  it('compares each first vote with the strict majority of the others, and skips repeats', () => {
    const judged = judgedVotesOf(buildVoteIndex(votes), 'me');
    expect(judged.map((j) => [j.vote.itemId, j.code, j.consensus, j.agreeing, j.others, j.first])).toEqual([
      ['x', 'a', 'a', 2, 3, true],
      ['y', 'b', null, 0, 2, true],
      ['x', 'b', null, 0, 0, false],
    ]);
  });
});

describe('the disagreement inbox', () => {
  it('puts a rater against a strong consensus first, then split items, and ignores unanimous ones', () => {
    const shown: [string, string] = ['A', 'B'];
    const votes = [
      ...['r1', 'r2', 'r3', 'r4'].map((r, i) => teamVote(r, 'strong', 'first', shown, i)),
      teamVote('odd', 'strong', 'second', shown, 5),
      teamVote('r1', 'split', 'first', shown, 6),
      teamVote('r2', 'split', 'second', shown, 7),
      teamVote('r3', 'split', 'tie', shown, 8),
      teamVote('r4', 'split', 'first', shown, 9),
      ...['r1', 'r2', 'r3'].map((r, i) => teamVote(r, 'calm', 'second', shown, 10 + i)),
    ];
    const { cards, total } = disagreementInbox(buildVoteIndex(votes));
    expect(total).toBe(2);
    expect(cards.map((card) => [card.itemId, card.kind, card.consensus])).toEqual([
      ['strong', 'against_consensus', 'a'],
      ['split', 'split', null],
    ]);
    expect(cards[0]!.votes.filter((v) => v.dissent).map((v) => v.vote.raterId)).toEqual(['odd']);
    expect(cards[0]!.counts).toEqual({ a: 4, b: 1, none: 0 });
  });

  it('keeps the cards in the Worker and answers queries by kind, item or rater, up to a limit', () => {
    const { team } = pool(10, 80, 5);
    const core = createAnalysisCore();
    core.add(team);
    const { inbox } = core.analyse(5);
    expect(inbox.total).toBe(inbox.againstConsensus + inbox.split);
    const all = core.inbox({ kind: 'all', needle: '', limit: 5 });
    expect(all.cards).toHaveLength(5);
    expect(all.matching).toBe(inbox.total);
    expect(core.inbox({ kind: 'split', needle: '', limit: 1000 }).cards.every((card) => card.kind === 'split')).toBe(
      true,
    );
    const item = all.cards[0]!.itemId;
    expect(
      core.inbox({ kind: 'all', needle: item.toUpperCase(), limit: 1000 }).cards.map((card) => card.itemId),
    ).toContain(item);
    const byRater = core.inbox({ kind: 'all', needle: 'r3', limit: 1000 });
    expect(byRater.cards.every((card) => card.votes.some((v) => v.vote.raterId.includes('r3')))).toBe(true);
  });
});

describe("trends over a rater's votes", () => {
  it('cuts the votes into windows and measures each', () => {
    const votes: TeamVote[] = [];
    for (let i = 0; i < 40; i++) {
      votes.push(
        teamVote('me', `i${i}`, i < 20 ? 'first' : 'second', ['A', 'B'], i * 3, { activeMs: i < 20 ? 2_000 : 8_000 }),
      );
      votes.push(teamVote('o1', `i${i}`, 'first', ['A', 'B'], i * 3 + 1));
      votes.push(teamVote('o2', `i${i}`, 'first', ['A', 'B'], i * 3 + 2));
    }
    const points = raterTrends(buildVoteIndex(votes), 'me', 4, 10);
    expect(points.map((p) => p.votes)).toEqual([10, 10, 10, 10]);
    expect(points.map((p) => p.agreement)).toEqual([1, 1, 0, 0]);
    expect(points.map((p) => p.firstShare)).toEqual([1, 1, 0, 0]);
    expect(points.map((p) => p.medianActiveMs)).toEqual([2_000, 2_000, 8_000, 8_000]);
  });
});

describe('the what-if leaderboard', () => {
  it("drops the excluded raters' votes and reports how each model moves", () => {
    const votes: TeamVote[] = [];
    let at = 0;
    // Honest raters: A > B > C. One rater always crowns C.
    for (let i = 0; i < 30; i++) {
      for (const r of ['h1', 'h2', 'h3']) {
        votes.push(teamVote(r, `ab${i}`, i % 4 === 0 ? 'second' : 'first', ['A', 'B'], at++));
        votes.push(teamVote(r, `bc${i}`, i % 4 === 0 ? 'second' : 'first', ['B', 'C'], at++));
      }
      votes.push(teamVote('shill', `ca${i}`, 'first', ['C', 'A'], at++));
      votes.push(teamVote('shill', `cb${i}`, 'first', ['C', 'B'], at++));
    }
    const result = whatIfLeaderboard(buildVoteIndex(votes), ['shill']);
    expect(result.excludedRaters).toBe(1);
    expect(result.excludedVotes).toBe(60);
    const c = result.rows.find((row) => row.model === 'C')!;
    expect(c.ratingChange).toBeLessThan(0);
    expect(c.current!.rating).toBeGreaterThan(c.without!.rating);
    expect(
      result.rows.every(
        (row) => row.rankChange === (row.current && row.without ? row.current.rank - row.without.rank : null),
      ),
    ).toBe(true);
  });
});

describe('the heatmap', () => {
  it('keeps the raters sharing the most items, with symmetric cells', () => {
    const { team } = pool(12, 120, 4);
    const core = createAnalysisCore();
    core.add(team);
    const { heatmap } = core.analyse(5);
    expect(heatmap.raters).toHaveLength(5);
    for (const cell of heatmap.cells) {
      expect(heatmap.cells).toContainEqual({ ...cell, row: cell.column, column: cell.row });
      expect(cell.items).toBeGreaterThanOrEqual(5);
    }
  });
});
