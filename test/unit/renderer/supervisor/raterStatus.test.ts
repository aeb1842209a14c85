import { describe, expect, it } from 'vitest';
import type { Flag, ItemMark } from '../../../../shared/protocol/supervisor';
import { tailCuts } from '../../../../renderer/src/features/supervisor/analysis/poolTails';
import { assessRaters } from '../../../../renderer/src/features/supervisor/analysis/raterStatus';
import { flaggedRaters, marksByVote, reviewHistory } from '../../../../renderer/src/features/supervisor/data/flagState';
import { rater } from './fixtures';

const base = { votes: 100, agreementCompared: 80, positionBiasPValue: 0.5, positionBias: 0.5, anomalyScore: 0.1 };

/** Twenty raters whose agreement runs 0.50, 0.52, … 0.88. */
const pool = Array.from({ length: 20 }, (_, i) => rater(`r${i}`, { ...base, agreement: 0.5 + i * 0.02 }));

describe('pool-relative thresholds', () => {
  it('puts the worst share of the pool on watch, and only them', () => {
    const { assessments, cuts } = assessRaters(pool, new Set(), 0.1);
    expect(cuts.find((cut) => cut.metric === 'agreement')).toMatchObject({ threshold: 0.52, eligible: 20 });
    const watched = pool.filter((r) => assessments.get(r.id)!.status === 'watch').map((r) => r.id);
    expect(watched).toEqual(['r0', 'r1']);
    expect(assessments.get('r0')!.reasons).toEqual([
      { kind: 'tail', metric: 'agreement', value: 0.5, threshold: 0.52 },
    ]);
  });

  it('moves with the chosen share', () => {
    const { assessments } = assessRaters(pool, new Set(), 0.2);
    expect(pool.filter((r) => assessments.get(r.id)!.status === 'watch')).toHaveLength(4);
  });

  it('never calls a value most raters share extreme (ties count against everyone tied)', () => {
    const gold = Array.from({ length: 20 }, (_, i) =>
      rater(`g${i}`, { ...base, goldItems: 10, goldAccuracy: i === 0 ? 0.6 : 1 }),
    );
    const cut = tailCuts(
      gold.map((r) => r.quality),
      0.1,
    ).find((c) => c.metric === 'goldAccuracy');
    expect(cut?.threshold).toBe(0.6);
  });

  it('ignores raters with too little evidence', () => {
    const thin = [...pool, rater('new', { votes: 3, agreementCompared: 3, agreement: 0 })];
    const { assessments } = assessRaters(thin, new Set(), 0.1);
    expect(assessments.get('new')!.status).toBe('ok');
  });

  it('counts position bias only when its binomial test rejects ½', () => {
    const biased = pool.map((r, i) =>
      rater(r.id, {
        ...r.quality,
        agreement: 0.7,
        positionBias: 0.5 + i * 0.02,
        positionBiasPValue: i === 19 ? 0.2 : 0.5,
      }),
    );
    biased.push(rater('sig', { ...base, agreement: 0.7, positionBias: 0.9, positionBiasPValue: 0.001 }));
    const { assessments } = assessRaters(biased, new Set(), 0.1);
    expect(assessments.get('r19')!.status).toBe('ok');
    expect(assessments.get('sig')!.reasons).toContainEqual(
      expect.objectContaining({ kind: 'tail', metric: 'positionBias' }),
    );
  });

  it('takes the anomaly test into account but not anomaly scores below 1', () => {
    const raters = [
      ...pool.map((r) => rater(r.id, { ...r.quality, agreement: 0.7 })),
      rater('odd', { ...base, agreement: 0.7, anomalyScore: 35, anomalous: true }),
    ];
    const { assessments } = assessRaters(raters, new Set(), 0.1);
    expect(assessments.get('odd')!.reasons.map((reason) => reason.kind)).toEqual(['anomaly', 'tail']);
    expect(raters.filter((r) => assessments.get(r.id)!.status === 'watch').map((r) => r.id)).toEqual(['odd']);
  });

  it('marks flagged raters flagged, whatever their numbers', () => {
    const { assessments } = assessRaters(pool, new Set(['r19']), 0.1);
    expect(assessments.get('r19')).toEqual({ status: 'flagged', reasons: [{ kind: 'flag' }] });
  });
});

function entry(id: number, raterId: string, kind: Flag['kind'], voteId: string | null = null): Flag {
  return {
    id,
    raterId,
    voteId,
    kind,
    note: 'note',
    source: 'supervisor',
    createdBy: 's',
    createdByName: 'Sam',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

function mark(id: number, voteId: string, kind: ItemMark['mark'], at = '2026-01-02T00:00:00.000Z'): ItemMark {
  return {
    id,
    mark: kind,
    voteId,
    itemId: `item-${voteId}`,
    raterId: 'c',
    note: 'mark',
    createdBy: 's',
    createdByName: 'Sam',
    createdAt: at,
  };
}

describe('flag state from the flags history', () => {
  it('merges flags and marks into one history in time order', () => {
    const history = reviewHistory(
      [entry(1, 'c', 'flag'), { ...entry(2, 'c', 'unflag'), createdAt: '2026-01-03T00:00:00.000Z' }],
      [mark(1, 'v1', 'vote_wrong')],
    );
    expect(history.map((h) => [h.key, h.kind])).toEqual([
      ['flag-1', 'flag'],
      ['mark-1', 'vote_wrong'],
      ['flag-2', 'unflag'],
    ]);
  });

  it('follows the latest rater-level entry; marks on votes never flag a rater', () => {
    const entries = [
      entry(3, 'a', 'unflag'),
      entry(1, 'a', 'flag'),
      entry(2, 'b', 'flag'),
      entry(4, 'c', 'flag', 'v1'),
    ];
    expect([...flaggedRaters(entries)]).toEqual(['b']);
    const marks = [mark(2, 'v2', 'ambiguous'), mark(1, 'v1', 'vote_wrong'), mark(3, 'v1', 'ambiguous')];
    expect([...marksByVote(marks)].map(([vote, list]) => [vote, list.map((m) => m.id)])).toEqual([
      ['v1', [1, 3]],
      ['v2', [2]],
    ]);
  });

  it('treats anomaly-scan flags as flags until someone unflags', () => {
    const scan = { ...entry(1, 'a', 'flag'), source: 'anomaly_test' as const, createdBy: null };
    expect(flaggedRaters([scan]).has('a')).toBe(true);
    expect(flaggedRaters([scan, entry(2, 'a', 'unflag')]).has('a')).toBe(false);
  });
});
