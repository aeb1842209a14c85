import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run check:security`: Electronegativity (Doyensec's Electron security
 * linter) over the main process, preload and renderer page, offline and
 * deterministic (scripts/lib/offline.cjs). Every finding must be fixed or
 * listed, with the reason it is acceptable, in security/electronegativity-baseline.json;
 * a new finding, or a baseline entry that no longer matches anything, fails.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const baselineFile = path.join(root, 'security', 'electronegativity-baseline.json');

interface Finding {
  issue: string;
  file: string;
  sample: string;
}
interface BaselineEntry extends Finding {
  reason: string;
}

function stage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-electronegativity-'));
  fs.cpSync(path.join(root, 'electron'), path.join(dir, 'electron'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.copyFileSync(path.join(root, 'renderer', 'index.html'), path.join(dir, 'renderer', 'index.html'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

/** Electronegativity's CSV: issue, severity, confidence, filename, location, sample, description, url. */
function parseCsv(text: string): Finding[] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((match) => (match[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"')))
    .filter((cells) => cells[0])
    .map((cells) => ({ issue: cells[0] as string, file: cells[3] as string, sample: (cells[5] ?? '').trim() }));
}

/**
 * Electronegativity writes its CSV without waiting for the write to finish, so
 * on a loaded machine the file is occasionally read half-written or with rows
 * interleaved (seen once in CI: a row starting mid-sample, with no file). Such a
 * report is not a finding: every row must name an issue and a file, and a
 * malformed report is produced again (at most three times) before failing.
 */
const wellFormed = (rows: Finding[]) => rows.every((row) => /^[A-Z0-9_]+$/.test(row.issue) && row.file.length > 0);

function runElectronegativity(dir: string): Finding[] | null {
  const output = path.join(dir, 'findings.csv');
  fs.rmSync(output, { force: true });
  const cli = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  const run = spawnSync(process.execPath, ['--require', path.join(root, 'scripts/lib/offline.cjs'), cli, '-i', dir, '-r', '-e', electronVersion, '-o', output], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (!fs.existsSync(output)) {
    console.error(`check-security: Electronegativity produced no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  const rows = parseCsv(fs.readFileSync(output, 'utf8'));
  return wellFormed(rows) ? rows : null;
}

const dir = stage();
let report: Finding[] | null = null;
for (let attempt = 1; attempt <= 3 && !report; attempt += 1) {
  report = runElectronegativity(dir);
  if (!report) console.error(`check-security: Electronegativity wrote a malformed report (attempt ${attempt} of 3)`);
}
if (!report) {
  console.error('check-security: Electronegativity wrote a malformed report three times; not trusting it.');
  process.exit(1);
}
const findings = report;
const baseline = JSON.parse(fs.readFileSync(baselineFile, 'utf8')) as BaselineEntry[];
const same = (a: Finding, b: Finding) => a.issue === b.issue && a.file === b.file && a.sample === b.sample;
const unexplained = findings.filter((finding) => !baseline.some((entry) => same(entry, finding)));
const stale = baseline.filter((entry) => !findings.some((finding) => same(entry, finding)));
fs.rmSync(dir, { recursive: true, force: true });

for (const finding of unexplained) console.error(`check-security: new finding ${finding.issue} in ${finding.file}: ${finding.sample}`);
for (const entry of stale) console.error(`check-security: baseline entry no longer matches (remove it): ${entry.issue} in ${entry.file}`);
if (unexplained.length || stale.length) {
  console.error('Fix the finding, or add it to security/electronegativity-baseline.json with the reason it is safe.');
  process.exit(1);
}
console.log(`check-security: Electronegativity (Electron ${electronVersion}, offline): ${findings.length} finding(s), all reviewed in the baseline`);
