import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../shared/ranking/likelihood';
import { createRng, normal } from '../../../shared/ranking/random';
import type { RatedVote } from '../../../shared/ranking/raterReliability';
import {
  explainReliability,
  LOW_RELATIVE_WEIGHT,
  PARTISAN_POSTERIOR,
  screenRaters,
} from '../../../shared/ranking/raterScreens';

const MODELS = 30;
const HONEST = 40;

/**
 * A team of 40 honest raters and 4 bad ones on 30 models with known strengths: rater 40 always
 * picks the first side, rater 41 waits for model 0 (skips other leases) and always votes for it,
 * rater 42 fails gold, rater 43 votes against the strengths on every lease it is served.
 */
function team(): { votes: RatedVote[]; gold: (number | null)[] } {
  const rng = createRng(17, 3);
  const strengths = Float64Array.from({ length: MODELS }, () => normal(rng));
  const pair = (): [number, number] => {
    const a = Math.floor(rng.next() * MODELS);
    return [a, (a + 1 + Math.floor(rng.next() * (MODELS - 1))) % MODELS];
  };
  const honest = (a: number, b: number): 0 | 1 => (rng.next() < sigmoid(strengths[a]! - strengths[b]!) ? 1 : 0);
  const votes: RatedVote[] = [];
  for (let i = 0; i < 24_000; i++) {
    const rater = Math.floor(rng.next() * (HONEST + 4));
    const [a, b] = pair();
    if (rater < HONEST || rater === 42) votes.push({ rater, a, b, outcome: honest(a, b) });
    else if (rater === 40) votes.push({ rater, a, b, outcome: 1 });
    else if (rater === 41)
      votes.push(rng.next() < 0.5 ? { rater, a: 0, b, outcome: 1 } : { rater, a, b: 0, outcome: 0 });
    else votes.push({ rater, a, b, outcome: honest(a, b) === 1 ? 0 : 1 });
  }
  const gold = Array.from({ length: HONEST + 4 }, (_, r) => (r === 42 ? 0.4 : r % 5 === 0 ? null : 0.9));
  return { votes, gold };
}

describe('rater screens and the reliability report', () => {
  const { votes, gold } = team();

  it('names the screen each bad rater fails, with its numbers', () => {
    const screens = screenRaters(MODELS, HONEST + 4, votes, gold);
    expect(screens[40]!.failed).toEqual(['firstSide']);
    expect(screens[40]!.firstSideRate).toBe(1);
    expect(screens[41]!.failed).toContain('concentration');
    expect(screens[41]!.topModel).toBe(0);
    expect(screens[42]!.failed).toEqual(['gold']);
    expect(screens[42]!.goldAccuracy).toBe(0.4);
    // An honest rater passes; no gold answered is not a failure.
    expect(screens.slice(0, HONEST).filter((s) => s.failed.length > 0)).toEqual([]);
    expect(screens[0]!.goldAccuracy).toBeNull();
  });

  it('down-weights the screened raters and the contrarian the screens miss, and leaves the honest team alone', () => {
    const { rows } = explainReliability(MODELS, HONEST + 4, votes, gold);
    const down = rows
      .filter((row) => row.downWeighted)
      .map((row) => row.rater)
      .sort();
    expect(down).toEqual([40, 41, 42, 43]);
    const contrarian = rows.find((row) => row.rater === 43)!;
    expect(contrarian.failed).toEqual([]); // no screen catches it: the reliability model does
    expect(contrarian.accuracy!).toBeLessThan(0.5);
    expect(contrarian.weight).toBe(0);
    const screened = rows.find((row) => row.rater === 40)!;
    expect([screened.weight, screened.accuracy]).toEqual([0, null]);
    expect(rows[0]!.weight).toBeLessThanOrEqual(rows.at(-1)!.weight); // lowest weight first
    for (const row of rows.filter((r) => r.rater < HONEST))
      expect(row.relativeWeight).toBeGreaterThan(LOW_RELATIVE_WEIGHT);
  });
});

describe('the reliability report names partisans', () => {
  /**
   * 100 honest raters and 15 who take every lease and vote honestly, except that when model 7 (set
   * to the middle of the board, where honest raters pick it about half the time) is in the pair
   * they pick it (80 % of the time right about which side it is): no screen can see them, and
   * their weight stays typical; the favouritism test finds the group on model 7.
   */
  function partisanTeam(): RatedVote[] {
    const rng = createRng(23, 4);
    const strengths = Float64Array.from({ length: 40 }, () => normal(rng));
    strengths[7] = 0;
    const votes: RatedVote[] = [];
    for (let i = 0; i < 60_000; i++) {
      const rater = Math.floor(rng.next() * 115);
      const a = Math.floor(rng.next() * 40);
      const b = (a + 1 + Math.floor(rng.next() * 39)) % 40;
      if (rater >= 100 && (a === 7 || b === 7)) {
        votes.push({ rater, a, b, outcome: rng.next() < 0.8 === (a === 7) ? 1 : 0 });
      } else votes.push({ rater, a, b, outcome: rng.next() < sigmoid(strengths[a]! - strengths[b]!) ? 1 : 0 });
    }
    return votes;
  }

  it('marks the raters most likely partisan about the suspect model, and only those, as down-weighted', () => {
    const { suspects, rows } = explainReliability(40, 115, partisanTeam());
    expect(suspects).toEqual([7]);
    const named = rows.filter((row) => row.partisan !== null);
    expect(named.length).toBeGreaterThan(0);
    for (const row of named) {
      expect(row.partisan).toMatchObject({ model: 7, favours: true });
      expect(row.partisan!.posterior).toBeGreaterThanOrEqual(PARTISAN_POSTERIOR);
      expect(row.downWeighted).toBe(true);
      expect(row.failed).toEqual([]);
    }
    // Most of those named are partisans; an honest rater is named only on a lucky streak for model 7.
    expect(named.filter((row) => row.rater >= 100).length).toBeGreaterThan(named.length / 2);
    const honestDown = rows.filter((row) => row.rater < 100 && row.downWeighted && row.partisan === null);
    expect(honestDown).toEqual([]);
  });
});
