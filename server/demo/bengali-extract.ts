/**
 * The second Bengali model's answers exist upstream only inside GPT-4's
 * grading prompts. This pulls the turn-1 answer out of each single-turn
 * grading record: the text between the "Assistant's Answer" markers. The
 * math template also holds a "Reference Answer" block (GPT-4's own answer);
 * the markers below never match it.
 */
const START = "[The Start of Assistant's Answer]\n";
const END = "\n[The End of Assistant's Answer]";

export interface ExtractedAnswer {
  question_id: number;
  model_id: string;
  turn: 1;
  answer: string;
  source: string;
}

export function extractBengaliAnswers(gradingsJsonl: string): ExtractedAnswer[] {
  const out: ExtractedAnswer[] = [];
  for (const line of gradingsJsonl.split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { question_id: number; model: string; turn: number; user_prompt: string };
    if (record.turn !== 1) continue;
    const start = record.user_prompt.indexOf(START);
    const end = record.user_prompt.indexOf(END, start);
    if (start < 0 || end < 0) throw new Error(`question ${record.question_id}: answer markers not found`);
    out.push({
      question_id: record.question_id,
      model_id: record.model,
      turn: 1,
      answer: record.user_prompt.slice(start + START.length, end),
      source: 'fastchat/llm_judge/data/mt_bench_bengali/model_judgment/gpt-4_single.jsonl (turn 1, user_prompt)',
    });
  }
  return out.sort((x, y) => x.question_id - y.question_id);
}
