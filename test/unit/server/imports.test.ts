import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBengaliAnswers } from '../../../server/demo/bengali-extract';
import { parseCsv } from '../../../server/demo/files';
import { syntheticProfile } from '../../../server/imports/llmfao';
import { TaskLine, toPromptItem } from '../../../server/imports/task-line';

const BENGALI = resolve(
  import.meta.dirname,
  '../../../../shared/data/multilingual/m2lingual-mt-bench/fastchat/llm_judge/data/mt_bench_bengali',
);

describe('task-set JSONL lines', () => {
  const base = { id: 'q1', language: 'en', category: 'code' };

  it('turn a prompt and N responses into one item whose pairs become tasks', () => {
    const line = TaskLine.parse({ ...base, prompt: 'Sort a list', responses: { a: '1', b: '2', c: '3' } });
    const item = toPromptItem('set', line);
    expect(item).toMatchObject({ id: 'set:q1', conversation: [{ role: 'user', content: 'Sort a list' }] });
    expect(item.responses.map((r) => r.model)).toEqual(['a', 'b', 'c']);
  });

  it('map a gold model name to its side', () => {
    const conversation = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: 'Joke?' },
    ];
    expect(
      toPromptItem('s', TaskLine.parse({ ...base, conversation, responses: { x: '1', y: '2' }, gold: 'y' })).gold,
    ).toBe('b');
    expect(
      toPromptItem('s', TaskLine.parse({ ...base, prompt: 'p', responses: { x: '1', y: '2' }, gold: 'tie' })).gold,
    ).toBe('tie');
  });

  it.each([
    [
      'both prompt and conversation',
      { prompt: 'p', conversation: [{ role: 'user', content: 'p' }], responses: { a: '1', b: '2' } },
    ],
    [
      'a conversation ending with the assistant',
      { conversation: [{ role: 'assistant', content: 'p' }], responses: { a: '1', b: '2' } },
    ],
    ['one response', { prompt: 'p', responses: { a: '1' } }],
    ['gold with three responses', { prompt: 'p', responses: { a: '1', b: '2', c: '3' }, gold: 'a' }],
    ['gold naming no response', { prompt: 'p', responses: { a: '1', b: '2' }, gold: 'z' }],
    ['an unknown field', { prompt: 'p', responses: { a: '1', b: '2' }, model: 'a' }],
  ])('refuse %s', (_name, extra) => {
    expect(TaskLine.safeParse({ ...base, ...extra }).success).toBe(false);
  });
});

describe('Bengali answers cut out of the GPT-4 grading records', () => {
  const gradings = readFileSync(join(BENGALI, 'model_judgment/gpt-4_single.jsonl'), 'utf8');
  const answers = extractBengaliAnswers(gradings);

  it('yield one turn-1 answer per question, without the judge template around it', () => {
    expect(answers.map((a) => a.question_id)).toEqual(Array.from({ length: 80 }, (_, i) => 81 + i));
    for (const answer of answers) {
      expect(answer.answer.length).toBeGreaterThan(0);
      expect(answer.answer).not.toMatch(/\[The (Start|End) of/);
    }
  });

  it("never take GPT-4's reference answer for the graded one on math items", () => {
    const reference = new Map(
      readFileSync(join(BENGALI, 'reference_answer/gpt-4.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { question_id: number; choices: Array<{ turns: string[] }> })
        .map((row) => [row.question_id, row.choices[0]?.turns[0]]),
    );
    for (const answer of answers) expect(answer.answer).not.toBe(reference.get(answer.question_id));
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n1,2')).toEqual([
      { a: 'x, y', b: 'say "hi"\nthere' },
      { a: '1', b: '2' },
    ]);
  });
});

describe('synthetic LLMFAO demographics', () => {
  it('are deterministic per worker and spread over every value', () => {
    expect(syntheticProfile('58')).toEqual(syntheticProfile('58'));
    const profiles = Array.from({ length: 124 }, (_, i) => syntheticProfile(String(i)));
    for (const field of ['country', 'ageBand', 'education'] as const) {
      const counts = new Map<string, number>();
      for (const p of profiles) counts.set(p[field], (counts.get(p[field]) ?? 0) + 1);
      expect(counts.size).toBe(4);
      for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(5);
    }
  });
});
