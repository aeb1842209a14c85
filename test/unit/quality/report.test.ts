import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  alphaFromVotes,
  fleissKappa,
  majorityAgreement,
  poolAgreement,
  raterQualityReport,
  type RaterVote,
} from '../../../shared/quality/index';

// LLMFAO crowd comparisons (Ustalov, CC BY 4.0): 8,931 votes by 124 workers on 2,139 pairs.
const csv = fileURLToPath(new URL('../../../../shared/data/llmfao/crowd-comparisons.csv', import.meta.url));

function llmfaoVotes(): RaterVote[] {
  const [header, ...lines] = readFileSync(csv, 'utf8').trim().split('\n');
  const col = Object.fromEntries(header!.split(',').map((name, i) => [name, i]));
  return lines.map((line, i) => {
    const f = line.split(',');
    const winner = f[col.winner!]!;
    return {
      raterId: f[col.worker!]!,
      itemId: f[col.id!]!,
      choice: winner === 'left' ? 'first' : winner === 'right' ? 'second' : 'tie',
      models: [f[col.left!]!, f[col.right!]!] as const,
      timestamp: i,
    };
  });
}

describe('rater-quality report on the LLMFAO crowd', () => {
  const votes = llmfaoVotes();
  const rows = raterQualityReport(votes);
  const pool = poolAgreement(votes);

  it('has one row per rater, sorted by id, accounting for every vote', () => {
    expect(rows).toHaveLength(124);
    expect(rows.reduce((s, r) => s + r.votes, 0)).toBe(8931);
    const ids = rows.map((r) => r.raterId);
    expect(ids).toEqual([...ids].sort());
  });

  it('reports every metric as a finite number or an explicit null, never NaN', () => {
    const numbers = JSON.stringify(rows, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? 'NOT FINITE' : v));
    expect(numbers).not.toContain('NOT FINITE');
    for (const row of rows) {
      expect(row.tieRate! + row.positionBias.decisive / row.votes).toBeCloseTo(1, 12); // no both-bad in LLMFAO
      if (row.majority.rate !== null) expect(row.majority.rate).toBeGreaterThanOrEqual(0);
      expect(row.anomaly.tested).toBe(row.votes >= 5);
    }
  });

  it('matches the stand-alone metrics it is built from', () => {
    const majority = majorityAgreement(votes);
    for (const row of rows) expect(row.majority).toEqual(majority.get(row.raterId));
    expect(pool.alphaNominal).toBe(alphaFromVotes(votes, 'nominal').alpha);
    expect(pool.fleiss).toEqual(fleissKappa(votes));
  });

  it('summarises the pool: low but positive agreement, typical of subjective preference data', () => {
    expect(pool).toMatchObject({ votes: 8931, raters: 124, items: 2139 });
    for (const value of [pool.alphaNominal, pool.alphaOrdinal, pool.fleiss.kappa, pool.meanCohenKappa]) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(0.6);
    }
    expect(pool.fleiss.ratersPerItem).toBe(5);
    expect(pool.fleiss.items).toBe(998);
  });

  it('pools the behaviour metrics over every vote, consistently with the per-rater rows', () => {
    expect(pool.tieRate).toBeCloseTo(3471 / 8931, 12);
    expect(pool.positionBias).toMatchObject({ decisive: 5460, first: 2911 });
    expect(pool.positionBias.pValue!).toBeLessThan(1e-3);
    expect(pool.selfConsistency.repeats).toBe(rows.reduce((s, r) => s + r.selfConsistency.repeats, 0));
    expect(pool.flaggedRaters).toEqual(rows.filter((r) => r.anomaly.flagged).map((r) => r.raterId));
    expect(pool.activeTime.count).toBe(0); // LLMFAO records no timing
  });

  it('sees LLMFAO’s fixed sides as position "bias": model_x was always shown first', () => {
    const pooled = rows.reduce(
      (s, r) => ({ first: s.first + r.positionBias.first, decisive: s.decisive + r.positionBias.decisive }),
      { first: 0, decisive: 0 },
    );
    expect(pooled).toEqual({ first: 2911, decisive: 2911 + 2549 });
  });
});
