/**
 * One-off maintenance script: copies the real data the demo needs from
 * ../shared/data into assets/demo, so a fresh clone runs `--demo` without
 * ../shared. Files are copied byte for byte with their licences; the one
 * derived file (Bengali answers pulled out of GPT-4 grading records) says
 * so in ATTRIBUTION.md. Run: `npx tsx server/demo/vendor-assets.ts [SHARED_DATA_DIR]`.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBengaliAnswers } from './bengali-extract';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const source = resolve(process.argv[2] ?? join(root, '../shared/data'));
const target = join(root, 'assets/demo');

function copy(relativeFrom: string, relativeTo = relativeFrom): void {
  const to = join(target, relativeTo);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(source, relativeFrom), to);
}

for (const file of [
  'LICENSE.CC-BY',
  'README.md',
  'pairs-crowd.jsonl',
  'crowd-comparisons.csv',
  'prompts.jsonl',
  'models.jsonl',
]) {
  copy(`llmfao/${file}`);
}

const korean = 'multilingual/korean-mt-bench';
for (const file of ['LICENSE', 'README.md', 'data/ko/questions.jsonl'])
  copy(`${korean}/${file}`, `korean-mt-bench/${file}`);
for (const file of readdirSync(join(source, korean, 'data/ko/answers'))) {
  copy(`${korean}/data/ko/answers/${file}`, `korean-mt-bench/data/ko/answers/${file}`);
}

const rakuda = 'multilingual/rakuda-ja';
for (const file of ['LICENSE', 'README.md', 'jrank/data/rakuda_v2/questions.jsonl'])
  copy(`${rakuda}/${file}`, `rakuda-ja/${file}`);
for (const file of readdirSync(join(source, rakuda, 'jrank/data/rakuda_v2/answers'))) {
  copy(`${rakuda}/jrank/data/rakuda_v2/answers/${file}`, `rakuda-ja/jrank/data/rakuda_v2/answers/${file}`);
}

const m2 = 'multilingual/m2lingual-mt-bench';
const bengali = 'fastchat/llm_judge/data/mt_bench_bengali';
for (const file of ['LICENSE', 'README.md', `${bengali}/question.jsonl`, `${bengali}/reference_answer/gpt-4.jsonl`]) {
  copy(`${m2}/${file}`, `m2lingual-mt-bench/${file}`);
}
const gradings = readFileSync(join(source, m2, bengali, 'model_judgment/gpt-4_single.jsonl'), 'utf8');
const extracted = extractBengaliAnswers(gradings)
  .map((row) => JSON.stringify(row))
  .join('\n');
writeFileSync(
  join(target, 'm2lingual-mt-bench', bengali, 'model_answer/mistral_base_seed_evolve_mt_71k.turn1.jsonl'),
  `${extracted}\n`,
);
console.log(`vendored demo data into ${target}`);
