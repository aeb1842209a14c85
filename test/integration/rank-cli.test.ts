import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  aggregateStyleBattles,
  rankModels,
  rankModelsWithStyle,
  styleFeaturesFromText,
  type StyleBattle,
} from '../../shared/ranking/index';

const root = fileURLToPath(new URL('../../', import.meta.url));
const llmfao = fileURLToPath(new URL('../../../shared/data/llmfao/crowd-comparisons.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'verdict-rank-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run rank -- ...args` the way npm does: tsx on scripts/rank.ts. */
function rank(...args: string[]): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/rank.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface JsonOutput {
  models: {
    model: string;
    rating: number;
    lower: number;
    upper: number;
    rank: number;
    votes: number;
    wins: number;
    losses: number;
    ties: number;
  }[];
  votes: number;
  method: string;
  iterations: number;
  gradient: number;
  ms: number;
}

// An LMArena-style battle dump: model_a, model_b, winner (incl. "tie (bothbad)"), language, extra fields.
const arena = [
  { model_a: 'alpha', model_b: 'beta', winner: 'model_a', language: 'English', judge: 'u1', anony: true, tstamp: 1 },
  { model_a: 'beta', model_b: 'alpha', winner: 'model_b', language: 'English', judge: 'u2', anony: true, tstamp: 2 },
  {
    model_a: 'beta',
    model_b: 'gamma',
    winner: 'tie (bothbad)',
    language: 'German',
    judge: 'u3',
    anony: true,
    tstamp: 3,
  },
  { model_a: 'gamma', model_b: 'alpha', winner: 'tie', language: 'English', judge: 'u1', anony: true, tstamp: 4 },
  { model_a: 'gamma', model_b: 'beta', winner: 'model_a', language: 'German', judge: 'u2', anony: true, tstamp: 5 },
  { model_a: 'alpha', model_b: 'gamma', winner: 'model_b', language: 'English', judge: 'u4', anony: true, tstamp: 6 },
  { model_a: 'beta', model_b: 'alpha', winner: 'model_a', language: 'English', judge: 'u3', anony: true, tstamp: 7 },
];

describe('rank command', () => {
  it('ranks the LLMFAO crowd CSV (left,right,winner) and prints JSON with every field', () => {
    const run = rank(llmfao, '--json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOutput;
    expect(out.votes).toBe(8931);
    expect(out.method).toBe('sandwich');
    expect(out.models).toHaveLength(59);
    expect(out.gradient).toBeLessThan(1e-9);
    expect(out.iterations).toBeGreaterThan(0);
    expect(out.ms).toBeGreaterThanOrEqual(0);
    expect(Object.keys(out.models[0]!).sort()).toEqual([
      'losses',
      'lower',
      'model',
      'rank',
      'rating',
      'ties',
      'upper',
      'votes',
      'wins',
    ]);
    expect(out.models[0]).toMatchObject({ model: 'GPT 4', votes: 158, wins: 110, losses: 20, ties: 28, rank: 1 });
  });

  it('prints a table with rank, model, rating, lower, upper and votes', () => {
    const run = rank(llmfao);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]!.split(/\s+/)).toEqual(['rank', 'model', 'rating', 'lower', 'upper', 'votes']);
    expect(lines[1]).toMatch(/^\s*1\s+GPT 4\s+1172\.1\s+1117\.7\s+1226\.5\s+158$/);
  });

  it('loads an LMArena JSON battle dump as it is and agrees with the library', () => {
    const run = rank(file('arena.json', JSON.stringify(arena, null, 2)), '--json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOutput;
    const expected = rankModels(
      aggregateBattles([
        { modelA: 'alpha', modelB: 'beta', outcome: 'a' },
        { modelA: 'beta', modelB: 'alpha', outcome: 'b' },
        { modelA: 'beta', modelB: 'gamma', outcome: 'both_bad' },
        { modelA: 'gamma', modelB: 'alpha', outcome: 'tie' },
        { modelA: 'gamma', modelB: 'beta', outcome: 'a' },
        { modelA: 'alpha', modelB: 'gamma', outcome: 'b' },
        { modelA: 'beta', modelB: 'alpha', outcome: 'a' },
      ]),
    );
    expect(out.models).toEqual(expected.models);
  });

  it('filters JSONL votes with --where and anchors the scale with --anchor', () => {
    const path = file('arena.jsonl', arena.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = JSON.parse(
      rank(path, '--json', '--where', 'language=English', '--anchor', 'alpha=1114').stdout,
    ) as JsonOutput;
    expect(out.votes).toBe(5);
    expect(out.models.find((m) => m.model === 'alpha')!.rating).toBeCloseTo(1114, 9);
  });

  it('fits with balanced weights on --weights balanced, as the library does', () => {
    const run = rank(llmfao, '--json', '--weights', 'balanced');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOutput & { weights: string };
    expect(out.weights).toBe('balanced');
    const plain = JSON.parse(rank(llmfao, '--json').stdout) as JsonOutput;
    expect(out.votes).toBe(plain.votes);
    expect(out.models.map((m) => m.votes).sort()).toEqual(plain.models.map((m) => m.votes).sort());
    expect(out.models.map((m) => m.rating)).not.toEqual(plain.models.map((m) => m.rating));
    expect(rank(llmfao, '--weights', 'inverse').stderr).toMatch(/--weights must be none or balanced/);
    const small = JSON.parse(rank(file('arena-w.json', JSON.stringify(arena)), '--json', '--weights=balanced').stdout);
    const battles = arena.map((row) => ({
      modelA: row.model_a,
      modelB: row.model_b,
      outcome: ({ model_a: 'a', model_b: 'b', tie: 'tie', 'tie (bothbad)': 'both_bad' } as const)[
        row.winner as 'model_a' | 'model_b' | 'tie' | 'tie (bothbad)'
      ],
    }));
    expect(small.models).toEqual(rankModels(aggregateBattles(battles), { weights: 'balanced' }).models);
  });

  it('fits the style-controlled board with --style from style counts or response texts, as the library does', () => {
    const styles = [
      { tokens: 120, headers: 0, lists: 0, bold: 0 },
      { tokens: 480, headers: 2, lists: 5, bold: 1 },
      { tokens: 260, headers: 1, lists: 0, bold: 3 },
    ];
    const names = ['alpha', 'beta', 'gamma'];
    const winners = ['model_a', 'model_b', 'tie', 'model_b', 'model_a', 'tie (bothbad)'];
    const records = Array.from({ length: 60 }, (_, i) => ({
      model_a: names[i % 3]!,
      model_b: names[(i + 1 + (i % 2)) % 3]!,
      winner: winners[i % winners.length]!,
      style_a: styles[i % 3]!,
      style_b: styles[(i + 1) % 3]!,
    }));
    const run = rank(file('style.jsonl', records.map((r) => JSON.stringify(r)).join('\n')), '--json', '--style');
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { models: unknown; coefficients: Record<string, number>; style: boolean };
    const outcome = { model_a: 'a', model_b: 'b', tie: 'tie', 'tie (bothbad)': 'both_bad' } as const;
    const battles: StyleBattle[] = records.map((r) => ({
      modelA: r.model_a,
      modelB: r.model_b,
      outcome: outcome[r.winner as keyof typeof outcome],
      segment: {},
      styleA: r.style_a,
      styleB: r.style_b,
    }));
    const expected = rankModelsWithStyle(aggregateStyleBattles(battles));
    expect(out.style).toBe(true);
    expect(out.models).toEqual(expected.models);
    expect(out.coefficients).toEqual(expected.coefficients);
    // The same votes with texts instead of counts: measured by styleFeaturesFromText.
    const texts = ['Short answer.', '# Title\n\n- one\n- two\n\n**bold** and a longer explanation here.'];
    const withText = records.map(({ style_a: _a, style_b: _b, ...r }, i) => ({
      ...r,
      response_a: texts[i % 2]!,
      response_b: texts[(i + 1) % 2]!,
    }));
    const textRun = rank(
      file('style-text.jsonl', withText.map((r) => JSON.stringify(r)).join('\n')),
      '--json',
      '--style',
    );
    const fromText = rankModelsWithStyle(
      aggregateStyleBattles(
        battles.map((b, i) => ({
          ...b,
          styleA: styleFeaturesFromText(texts[i % 2]!),
          styleB: styleFeaturesFromText(texts[(i + 1) % 2]!),
        })),
      ),
    );
    expect((JSON.parse(textRun.stdout) as { coefficients: unknown }).coefficients).toEqual(fromText.coefficients);
    expect(rank(llmfao, '--style').stderr).toMatch(/--style needs a JSON or JSONL file/);
  });

  it('gives identical bootstrap intervals for the same --seed', () => {
    const args = [llmfao, '--json', '--ci', 'bootstrap', '--rounds', '50', '--seed', '9'];
    const first = JSON.parse(rank(...args).stdout) as JsonOutput;
    const second = JSON.parse(rank(...args).stdout) as JsonOutput;
    expect(first.method).toBe('bootstrap');
    expect(second.models).toEqual(first.models);
  });

  it('reads quoted CSV fields, CRLF line ends and segment columns', () => {
    const csv = [
      'model_a,model_b,winner,language,country',
      '"Model, Large",small,model_a,en,NG',
      'small,"Model, Large",model_a,en,IN',
      '"say ""hi""",small,tie (bothbad),en,NG',
      'small,"say ""hi""",model_b,fr,NG',
      '"Model, Large","say ""hi""",model_b,en,NG',
      '"say ""hi""","Model, Large",model_b,en,NG',
    ].join('\r\n');
    const path = file('quoted.csv', `${csv}\r\n`);
    const all = JSON.parse(rank(path, '--json').stdout) as JsonOutput;
    expect(all.votes).toBe(6);
    expect(all.models.map((m) => m.model).sort()).toEqual(['Model, Large', 'say "hi"', 'small']);
    const filtered = JSON.parse(
      rank(path, '--json', '--where', 'language=en', '--where', 'country=NG').stdout,
    ) as JsonOutput;
    expect(filtered.votes).toBe(4);
  });

  it('splits a large bootstrap across threads without changing a single number', () => {
    const out = JSON.parse(
      rank(llmfao, '--json', '--ci', 'bootstrap', '--rounds', '300', '--seed', '4').stdout,
    ) as JsonOutput;
    const [header, ...lines] = readFileSync(llmfao, 'utf8').trim().split('\n');
    const col = header!.split(',');
    const battles = lines.map((line) => {
      const f = line.split(',');
      const w = f[col.indexOf('winner')]!;
      const outcome = w === 'left' ? ('a' as const) : w === 'right' ? ('b' as const) : ('tie' as const);
      return { modelA: f[col.indexOf('left')]!, modelB: f[col.indexOf('right')]!, outcome };
    });
    const single = rankModels(aggregateBattles(battles), { ci: 'bootstrap', rounds: 300, seed: 4 });
    expect(out.models).toEqual(single.models);
  });

  it('runs compiled as `npm run rank` does, and its CSV byte path agrees with the full parser', () => {
    const csv = [
      '\ufeffid, model_a ,model_b,winner,language',
      '1,alpha,beta,model_a,en',
      '2, beta ,alpha,model_b ,de',
      '',
      '3,gamma,alpha,tie,en',
      '4,béta-ü,gamma,tie (bothbad),en',
      '5,alpha,béta-ü,both_bad,en',
      '6,gamma,beta,model_a,en',
      '7,béta-ü,beta,model_b,en',
      '8,beta,gamma,model_a,en',
    ].join('\r\n');
    const bytePath = file('plain.csv', `${csv}\r\n`);
    const fullParser = file('plain.txt', `${csv}\r\n`);
    const compiled = spawnSync(process.execPath, ['scripts/rank.mjs', bytePath, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(compiled.status).toBe(0);
    const fromBytes = JSON.parse(compiled.stdout) as JsonOutput;
    const fromText = JSON.parse(rank(fullParser, '--json').stdout) as JsonOutput;
    expect(fromBytes.votes).toBe(8);
    expect(fromBytes.models).toEqual(fromText.models);
    expect(fromBytes.models.map((m) => m.model).sort()).toEqual(['alpha', 'beta', 'béta-ü', 'gamma']);
  });

  it('counts a big CSV in two threads, compiled, exactly as the full parser reads it', () => {
    // Above the 8 MB threshold of the two-thread byte path; a seeded mix of 40 models.
    const lines = ['model_a,model_b,winner'];
    let state = 7;
    const next = (k: number): number => {
      // mulberry32: a small seeded generator whose low bits are not correlated.
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
      return ((t ^ (t >>> 14)) >>> 0) % k;
    };
    const winners = ['model_a', 'model_b', 'tie', 'both_bad'];
    while (lines.length < 520_000) {
      const a = next(40);
      const b = (a + 1 + next(39)) % 40;
      lines.push(`model-${a},model-${b},${winners[next(4)]}`);
    }
    const text = `${lines.join('\n')}\n`;
    const bytePath = file('big.csv', text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(8 * 1024 * 1024);
    const compiled = spawnSync(process.execPath, ['scripts/rank.mjs', bytePath, '--json', '--threads', '2'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(compiled.stderr).toBe('');
    const fromBytes = JSON.parse(compiled.stdout) as JsonOutput;
    const fromText = JSON.parse(rank(file('big.txt', text), '--json').stdout) as JsonOutput;
    expect(fromBytes.votes).toBe(519_999);
    expect(fromBytes.models).toEqual(fromText.models);
  });

  it('warns on stderr (and still succeeds) when a model never lost', () => {
    const run = rank(
      file('undefeated.csv', 'model_a,model_b,winner\na,b,model_a\nb,c,model_a\nc,b,model_a\na,c,model_a\n'),
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('warning: a never lost');
  });
});

describe('rank command on bad input', () => {
  const cases: [string, () => string[], RegExp][] = [
    [
      'a missing column',
      () => [file('cols.csv', 'model_a,winner\nx,model_a\n')],
      /^error: line 1: missing column\(s\) model_b/,
    ],
    [
      'an unknown winner',
      () => [file('winner.csv', 'model_a,model_b,winner\nx,y,model_a\nx,y,draw\n')],
      /^error: line 3: unknown winner "draw"/,
    ],
    ['an empty file', () => [file('empty.csv', '')], /^error: line 1: .*empty/],
    [
      'one model only',
      () => [file('one.csv', 'left,right,winner\nsolo,solo,left\n')],
      /^error: line 2: model "solo" is compared with itself/,
    ],
    ['an unreadable file', () => [join(dir, 'missing.csv')], /^error: cannot read .*missing\.csv/],
    [
      'a row with the wrong number of fields',
      () => [file('fields.csv', 'model_a,model_b,winner\nx,y\n')],
      /^error: line 2: expected 3 fields, found 2/,
    ],
    [
      'a bad record in a JSON array',
      () => [
        file(
          'bad.json',
          '[\n  {"model_a": "x", "model_b": "y", "winner": "model_a"},\n  {"model_a": "x", "winner": "model_a"}\n]',
        ),
      ],
      /^error: line 3: missing field "model_b"/,
    ],
    [
      'invalid JSONL',
      () => [file('bad.jsonl', '{"model_a":"x","model_b":"y","winner":"tie"}\n{oops\n')],
      /^error: line 2: invalid JSON/,
    ],
    ['a header only', () => [file('header.csv', 'model_a,model_b,winner\n')], /^error: line 1: .*has no votes/],
    ['an unknown option', () => [llmfao, '--fast'], /^error: unknown option --fast/],
    ['a bad --ci value', () => [llmfao, '--ci', 'magic'], /^error: --ci must be sandwich or bootstrap/],
    ['an unknown --where field', () => [llmfao, '--where', 'planet=mars'], /^error: --where field must be one of/],
    [
      'a --where column the file lacks',
      () => [llmfao, '--where', 'language=en'],
      /^error: line 1: --where language: the file has no "language" column/,
    ],
    [
      'an anchor model with no votes',
      () => [llmfao, '--anchor', 'nobody=1000'],
      /^error: --anchor: model "nobody" has no votes/,
    ],
  ];

  it.each(cases)('exits 1 with a message naming the line and the problem: %s', (_, args, message) => {
    const run = rank(...args());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
