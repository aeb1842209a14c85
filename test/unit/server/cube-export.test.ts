import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RaterVote } from '../../../shared/protocol/supervisor';
import { aggregateBattles, type Battle } from '../../../shared/ranking';
import { parseCsv } from '../../../server/demo/files';
import { mergeCells, SegmentCube } from '../../../server/leaderboard/cube';
import { votesToCsv } from '../../../server/supervisor/export';

const vote = fc.record({
  modelA: fc.constantFrom('m1', 'm2', 'm3', 'Zeta', 'alpha'),
  modelB: fc.constantFrom('m1', 'm2', 'm3', 'Zeta', 'alpha'),
  outcome: fc.constantFrom('a' as const, 'b' as const, 'tie' as const, 'both_bad' as const),
  rater: fc.integer({ min: 1, max: 9 }),
  language: fc.constantFrom('en', 'ja'),
  country: fc.constantFrom('DE', 'EG', null),
});

describe('segment cube', () => {
  it('merges to exactly what aggregateBattles computes, for any votes and any filter', () => {
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 200 }), fc.constantFrom(undefined, 'en', 'ja'), (votes, language) => {
        const valid = votes.filter((v) => v.modelA !== v.modelB);
        const cube = new SegmentCube();
        const battles: Battle[] = [];
        for (const v of valid) {
          const segment = { language: v.language, country: v.country, age_band: null, education: null, category: 'c' };
          cube.add({ accountId: v.rater, modelA: v.modelA, modelB: v.modelB, outcome: v.outcome, segment });
          battles.push({ modelA: v.modelA, modelB: v.modelB, outcome: v.outcome, segment: { language: v.language } });
        }
        const filter = language ? { language } : {};
        const merged = mergeCells(cube.select(filter));
        expect(merged.counts).toEqual(aggregateBattles(battles, filter));
        const matching = valid.filter((v) => !language || v.language === language);
        expect(merged.votes).toBe(matching.length);
        expect(merged.raters).toBe(new Set(matching.map((v) => v.rater)).size);
        expect(cube.version).toBe(valid.length);
      }),
    );
  });
});

describe('CSV export', () => {
  const base: RaterVote = {
    voteId: 'v1',
    raterId: 'r1',
    itemId: 'i1',
    kind: 'normal',
    language: 'en',
    category: 'code',
    shownFirst: 'A, Inc. "large"',
    shownSecond: 'B',
    choice: 'first',
    winner: 'A, Inc. "large"',
    goldCorrect: null,
    criteria: { clarity: 'first' },
    rationale: '=SUM(A1:A9)\nsecond line',
    reasonTags: ['factual_error', 'formatting'],
    flags: [],
    confidence: 4,
    activeMs: 1234,
    votedAt: '2026-01-01T00:00:00.000Z',
    receivedAt: '2026-01-01T00:00:01.000Z',
    segment: { country: 'DE', age_band: '25-34', education: null },
  };

  it('round-trips through a CSV reader, and defuses spreadsheet formulas', () => {
    const [row] = parseCsv(votesToCsv([base]));
    expect(row).toMatchObject({
      vote_id: 'v1',
      shown_first: 'A, Inc. "large"',
      rationale: "'=SUM(A1:A9)\nsecond line",
      reason_tags: 'factual_error|formatting',
      criteria: '{"clarity":"first"}',
      education: '',
      confidence: '4',
    });
  });
});
