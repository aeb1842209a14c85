import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregateBattles, rankModels, RATING_PER_THETA, type Battle } from '../../../shared/ranking/index';

// Real data: LLMFAO crowd comparisons (Ustalov, CC BY 4.0) and evalica's golden Bradley–Terry
// scores (Apache-2.0), copied to ../shared/data/llmfao beside the repository.
const dataDir = fileURLToPath(new URL('../../../../shared/data/llmfao/', import.meta.url));

function crowdBattles(): Battle[] {
  const [header, ...lines] = readFileSync(`${dataDir}crowd-comparisons.csv`, 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const [winner, left, right] = ['winner', 'left', 'right'].map((c) => columns.indexOf(c));
  return lines.map((line) => {
    const f = line.split(',');
    const w = f[winner!]!;
    return { modelA: f[left!]!, modelB: f[right!]!, outcome: w === 'left' ? 'a' : w === 'right' ? 'b' : 'tie' };
  });
}

function goldenScores(): Map<string, number> {
  const rows = readFileSync(`${dataDir}evalica-llmfao-golden.csv`, 'utf8').trim().split('\n').slice(1);
  const golden = new Map<string, number>();
  for (const row of rows) {
    const first = row.indexOf(',');
    const last = row.lastIndexOf(',');
    if (row.slice(0, first) === 'bradley_terry') golden.set(row.slice(first + 1, last), Number(row.slice(last + 1)));
  }
  return golden;
}

describe('LLMFAO crowd comparisons against evalica’s golden Bradley–Terry scores', () => {
  const battles = crowdBattles();
  const result = rankModels(aggregateBattles(battles));
  const golden = goldenScores();

  it('reads all 8,931 votes over 59 models', () => {
    expect(battles).toHaveLength(8931);
    expect(result.votes).toBe(8931);
    expect(result.models).toHaveLength(59);
    expect(golden.size).toBe(59);
  });

  it('matches every golden score to 1e-6 after normalising strengths to sum to 1', () => {
    const strengths = result.models.map((m) => Math.exp(m.rating / RATING_PER_THETA));
    const total = strengths.reduce((s, x) => s + x, 0);
    const errors = result.models.map((m, i) => Math.abs(strengths[i]! / total - golden.get(m.model)!));
    expect(Math.max(...errors)).toBeLessThan(1e-6);
  });

  it('orders the models exactly as the golden scores do', () => {
    const goldenOrder = [...golden].sort((x, y) => y[1] - x[1]).map(([model]) => model);
    expect(result.models.map((m) => m.model)).toEqual(goldenOrder);
  });

  it('converges to the exact MLE with no warnings', () => {
    expect(result.gradient).toBeLessThan(1e-9);
    expect(result.warnings).toEqual([]);
  });
});
