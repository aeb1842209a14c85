import { describe, expect, it } from 'vitest';
import { aggregateBattles, mergePairCounts, type Battle, type PairCounts } from '../../../../shared/ranking';
import { adjustCounts, subtractCounts, type NamedBattle } from '../../../../renderer/src/features/leaderboard/preview/countsMath';

const OUTCOMES = ['a', 'b', 'tie', 'both_bad'] as const;
const battle = (modelA: string, modelB: string, outcome: number): NamedBattle => ({ modelA, modelB, outcome });
const asBattle = ({ modelA, modelB, outcome }: NamedBattle): Battle => ({ modelA, modelB, outcome: OUTCOMES[outcome]! });
const canonical = (counts: PairCounts) => mergePairCounts(counts);

const base: NamedBattle[] = [battle('m1', 'm2', 0), battle('m2', 'm1', 0), battle('m1', 'm3', 2), battle('m3', 'm2', 3)];

describe('adjusting server counts with a few own votes', () => {
  it('adds votes exactly as aggregating them together would, in either side order, with new models', () => {
    const extra = [battle('m2', 'm1', 1), battle('m4', 'm1', 0), battle('m3', 'm2', 2)];
    const patched = adjustCounts(aggregateBattles(base.map(asBattle)), extra, 1);
    expect(canonical(patched)).toEqual(aggregateBattles([...base, ...extra].map(asBattle)));
  });

  it('removes votes pair by pair and outcome by outcome, never below zero, dropping emptied pairs', () => {
    const counts = aggregateBattles(base.map(asBattle));
    const removed = adjustCounts(counts, [battle('m2', 'm1', 1), battle('m3', 'm2', 3), battle('m3', 'm2', 3)], -1);
    // (m2, m1, B won) is m1's win over m2: what is left of that pair is m2's win.
    expect(canonical(removed)).toEqual(aggregateBattles([battle('m2', 'm1', 0), battle('m1', 'm3', 2)].map(asBattle)));
    expect(removed.rows.every((row) => row.winsA >= 0 && row.winsB >= 0 && row.ties >= 0 && row.bothBad >= 0)).toBe(true);
  });

  it('ignores a removal for a model the counts do not have, and returns the same object when nothing changes', () => {
    const counts = aggregateBattles(base.map(asBattle));
    expect(adjustCounts(counts, [], 1)).toBe(counts);
    expect(canonical(adjustCounts(counts, [battle('m9', 'm1', 0)], -1))).toEqual(counts);
  });

  it('subtracts a slice from the whole (the rest of the votes)', () => {
    const slice = [battle('m1', 'm2', 0), battle('m1', 'm3', 2)];
    const rest = [battle('m2', 'm1', 0), battle('m3', 'm2', 3)];
    const whole = aggregateBattles([...slice, ...rest].map(asBattle));
    expect(canonical(subtractCounts(whole, aggregateBattles(slice.map(asBattle))))).toEqual(aggregateBattles(rest.map(asBattle)));
  });
});
