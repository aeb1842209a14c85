import path from 'node:path';
import { readCsv } from '../../server/demo/files';
import type { RaterQuality } from '../../shared/protocol/supervisor';
import { raterQualityReport, type Label, type RaterVote } from '../../shared/quality';
import { repoRoot } from './processes';

/**
 * The supervisor console's numbers computed straight from the LLMFAO crowd
 * file with shared/quality, without the server: the oracle the console's
 * team table must match. Gold items follow the demo seed's documented rule
 * (at least four workers, all picking the same side).
 */
const CSV = path.join(repoRoot, 'assets/demo/llmfao/crowd-comparisons.csv');
const CHOICE = { left: 'first', right: 'second', tie: 'tie' } as const;
const LABEL: Record<string, Label> = { left: 'a', right: 'b', tie: 'tie' };

export function llmfaoVotes(): RaterVote[] {
  return readCsv(CSV).map((row, index) => ({
    raterId: `llmfao-worker-${row.worker}`,
    itemId: `llmfao-${row.id}`,
    choice: CHOICE[row.winner as keyof typeof CHOICE],
    models: [row.left as string, row.right as string] as const,
    timestamp: index * 60_000,
  }));
}

export function llmfaoGold(): Record<string, Label> {
  const byItem = new Map<string, Label[]>();
  for (const row of readCsv(CSV))
    byItem.set(`llmfao-${row.id}`, [...(byItem.get(`llmfao-${row.id}`) ?? []), LABEL[row.winner as string]!]);
  const gold: Record<string, Label> = {};
  for (const [item, labels] of byItem) {
    if (labels.length >= 4 && labels[0] !== 'tie' && labels.every((label) => label === labels[0]))
      gold[item] = labels[0]!;
  }
  return gold;
}

/** The server's RaterQuality fields for every LLMFAO worker, from shared/quality on the raw file. */
export function expectedLlmfaoQuality(): Map<string, Partial<RaterQuality>> {
  const rows = raterQualityReport(llmfaoVotes(), { gold: llmfaoGold() });
  return new Map(
    rows.map((row) => [
      row.raterId,
      {
        votes: row.votes,
        agreement: row.majority.rate,
        tieRate: row.tieRate,
        positionBias: row.positionBias.firstShare,
        positionBiasPValue: row.positionBias.pValue,
        goldAccuracy: row.gold.accuracy,
        anomalyScore: row.anomaly.tested ? Math.max(row.anomaly.mUpper, row.anomaly.mLower) : null,
      },
    ]),
  );
}
