import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readJsonl } from '../demo/files';
import type { PromptItem, TaskSetInfo } from './task-store';

/**
 * Loaders for the non-English demo sets. Each prompt keeps only the models
 * that really answered it; nothing is paired with an invented response.
 * MT-Bench items are two-turn, but the second turn's context is each
 * model's own first answer, so only turn 1 makes a fair side-by-side task.
 */

interface Answer {
  question_id: number | string;
  choices: Array<{ turns: string[] }>;
}

function answersByQuestion(path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const answer of readJsonl<Answer>(path)) {
    const text = answer.choices[0]?.turns[0];
    if (text && text.trim()) out.set(String(answer.question_id), text);
  }
  return out;
}

function modelAnswers(dir: string): Array<{ model: string; answers: Map<string, string> }> {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => ({ model: basename(file, '.jsonl'), answers: answersByQuestion(join(dir, file)) }));
}

function item(
  id: string,
  language: string,
  category: string,
  prompt: string,
  models: ReturnType<typeof modelAnswers>,
  qid: string,
): PromptItem | null {
  const responses = models.flatMap(({ model, answers }) => {
    const content = answers.get(qid);
    return content ? [{ model, content }] : [];
  });
  return responses.length >= 2
    ? { id, language, category, conversation: [{ role: 'user', content: prompt }], responses }
    : null;
}

export const KOREAN_SET: TaskSetInfo = {
  id: 'korean-mt-bench',
  source: 'https://github.com/pnu-clink/korean-mt-bench @ f3af7b8c31d896dc1a52bb3f02cb2285756e0799',
  licence: 'Apache-2.0',
  attribution: 'Korean MT-Bench, pnu-clink; MT-Bench: Zheng et al., NeurIPS 36, 2023',
};

export function readKorean(dir: string): PromptItem[] {
  const models = modelAnswers(join(dir, 'data/ko/answers'));
  const questions = readJsonl<{ question_id: number; category: string; turns: string[] }>(
    join(dir, 'data/ko/questions.jsonl'),
  );
  return questions.flatMap(
    (q) => item(`ko-mtb-${q.question_id}`, 'ko', q.category, q.turns[0] ?? '', models, String(q.question_id)) ?? [],
  );
}

export const RAKUDA_SET: TaskSetInfo = {
  id: 'rakuda-ja',
  source: 'https://github.com/yuzu-ai/japanese-llm-ranking @ fae1ee79c69b0c3acf8e8a1994e43c7952e7bd9c',
  licence: 'Apache-2.0',
  attribution: 'YuzuAI, "Rakuda" Japanese LLM benchmark',
};

const RAKUDA_CATEGORIES: Record<string, string> = {
  地理: 'geography',
  政治: 'politics',
  歴史: 'history',
  社会: 'society',
};

export function readRakuda(dir: string): PromptItem[] {
  const base = join(dir, 'jrank/data/rakuda_v2');
  const models = modelAnswers(join(base, 'answers'));
  const questions = readJsonl<{ question_id: string; category: string; turns: string[] }>(
    join(base, 'questions.jsonl'),
  );
  return questions.flatMap(
    (q) =>
      item(
        `rakuda-${q.question_id}`,
        'ja',
        RAKUDA_CATEGORIES[q.category] ?? q.category,
        q.turns[0] ?? '',
        models,
        q.question_id,
      ) ?? [],
  );
}

export const BENGALI_SET: TaskSetInfo = {
  id: 'm2lingual-bn',
  source: 'https://github.com/ServiceNow/FastChat @ 57659b0588c8077b855f48ba9421bf31fbcd9f72',
  licence: 'Apache-2.0',
  attribution:
    'Maheshwary et al., M2Lingual, arXiv:2406.16783, 2024 (ServiceNow); MT-Bench: Zheng et al., NeurIPS 36, 2023',
};

export function readBengali(dir: string): PromptItem[] {
  const base = join(dir, 'fastchat/llm_judge/data/mt_bench_bengali');
  const gpt4 = answersByQuestion(join(base, 'reference_answer/gpt-4.jsonl'));
  const second = new Map(
    readJsonl<{ question_id: number; model_id: string; answer: string }>(
      join(base, 'model_answer/mistral_base_seed_evolve_mt_71k.turn1.jsonl'),
    ).map((row) => [String(row.question_id), row.answer]),
  );
  const models = [
    { model: 'gpt-4', answers: gpt4 },
    { model: 'mistral_base_seed_evolve_mt_71k', answers: second },
  ];
  const questions = readJsonl<{ question_id: number; category: string; turns: string[] }>(join(base, 'question.jsonl'));
  return questions.flatMap(
    (q) => item(`bn-mtb-${q.question_id}`, 'bn', q.category, q.turns[0] ?? '', models, String(q.question_id)) ?? [],
  );
}
