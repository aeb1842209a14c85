import { join } from 'node:path';
import { readCsv, readJsonl } from '../demo/files';
import type { Outcome } from '../tasks/repo';
import type { HistoricalVote } from './historical-votes';
import type { PromptItem, TaskSetInfo } from './task-store';

export const LLMFAO_SET: TaskSetInfo = {
  id: 'llmfao',
  source: 'https://github.com/dustalov/llmfao @ 9e224e94a40129fd6e1e1529b962307e84af40da',
  licence: 'CC BY 4.0',
  attribution:
    'Ustalov, D. LLMFAO: Large Language Model Feedback Analysis and Optimization, https://github.com/dustalov/llmfao; ' +
    'prompts, models and responses from the llmonitor.com Crowdsourced LLM Benchmark (CC BY 4.0)',
};

interface Pair {
  id: number;
  prompt: number;
  text: string;
  model_x: number;
  result_x: string;
  model_y: number;
  result_y: string;
}

export interface LlmfaoVote extends HistoricalVote {
  worker: string;
}

export interface LlmfaoData {
  items: PromptItem[];
  votes: LlmfaoVote[];
  workers: string[];
}

const WINNER: Record<string, Outcome> = { left: 'a', right: 'b', tie: 'tie' };

/** LLMFAO has no timestamps: votes get synthetic ones a minute apart in file order. */
const EPOCH = Date.parse('2023-09-01T00:00:00Z');

/**
 * A pair becomes a gold item when at least four crowd workers all picked
 * the same side: the strongest consensus the data offers (205 pairs).
 */
function goldOutcome(outcomes: Outcome[]): Outcome | undefined {
  const first = outcomes[0];
  if (outcomes.length < 4 || !first || first === 'tie') return undefined;
  return outcomes.every((outcome) => outcome === first) ? first : undefined;
}

export function readLlmfao(dir: string): LlmfaoData {
  const models = new Map(readJsonl<{ id: number; name: string }>(join(dir, 'models.jsonl')).map((m) => [m.id, m.name]));
  const categories = new Map(
    readJsonl<{ id: number; type: string }>(join(dir, 'prompts.jsonl')).map((p) => [p.id, p.type]),
  );
  const rows = readCsv(join(dir, 'crowd-comparisons.csv'));
  const votes: LlmfaoVote[] = rows.map((row, index) => {
    const outcome = WINNER[row.winner as string];
    if (!outcome) throw new Error(`crowd-comparisons.csv row ${index + 2}: unknown winner "${row.winner}"`);
    return {
      id: `llmfao-vote-${index + 1}`,
      taskId: `llmfao-${row.id}`,
      outcome,
      votedAt: new Date(EPOCH + index * 60_000).toISOString(),
      worker: row.worker as string,
    };
  });
  const byTask = new Map<string, LlmfaoVote[]>();
  for (const vote of votes) byTask.set(vote.taskId, [...(byTask.get(vote.taskId) ?? []), vote]);
  const name = (id: number): string => models.get(id) ?? `llmfao-model-${id}`;
  const items = readJsonl<Pair>(join(dir, 'pairs-crowd.jsonl')).map((pair): PromptItem => {
    const id = `llmfao-${pair.id}`;
    const gold = goldOutcome((byTask.get(id) ?? []).map((vote) => vote.outcome));
    return {
      id,
      language: 'en',
      category: categories.get(pair.prompt) ?? 'general',
      conversation: [{ role: 'user', content: pair.text }],
      responses: [
        { model: name(pair.model_x), content: pair.result_x, key: `llmfao:${pair.prompt}:${pair.model_x}` },
        { model: name(pair.model_y), content: pair.result_y, key: `llmfao:${pair.prompt}:${pair.model_y}` },
      ],
      ...(gold ? { gold } : {}),
    };
  });
  const workers = [...new Set(votes.map((vote) => vote.worker))].sort((x, y) => Number(x) - Number(y));
  return { items, votes, workers };
}

const COUNTRIES = ['US', 'IN', 'KE', 'PH'] as const;
const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54'] as const;
const EDUCATION = ['secondary', 'bachelor', 'master', 'doctorate'] as const;

/**
 * SYNTHETIC demographics for an LLMFAO worker (the data has none): a fixed
 * hash of the worker id picks country, age band and education, so every
 * run assigns the same values and each value gets a few dozen workers.
 */
export function syntheticProfile(worker: string) {
  const h = Math.imul(Number(worker) + 1, 2654435761) >>> 0;
  return {
    country: COUNTRIES[h % 4] as string,
    ageBand: AGE_BANDS[(h >>> 8) % 4] as (typeof AGE_BANDS)[number],
    education: EDUCATION[(h >>> 16) % 4] as (typeof EDUCATION)[number],
    languages: [{ tag: 'en', proficiency: 'C1' as const }],
    specialties: [],
  };
}

export const workerPublicId = (worker: string): string => `llmfao-worker-${worker}`;
