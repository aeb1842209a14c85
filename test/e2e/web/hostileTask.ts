import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/processes';

const HOSTILE = fs.readFileSync(path.join(repoRoot, 'test/fixtures/hostile-markdown.md'), 'utf8');

function admin(dataDir: string, args: string[]): unknown {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args, '--data', dataDir], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`admin ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Creates a server data dir with one English rater and one task whose both responses are hostile markdown. */
export async function importHostileTask(dataDir: string): Promise<{ email: string; password: string }> {
  const email = 'hostile-rater@verdict.example';
  const password = 'correct horse battery staple';
  admin(dataDir, ['add-contributor', '--email', email, '--name', 'Hostile Tester', '--password', password, '--vetted', '--languages', 'en:native', '--country', 'DE']);
  const file = path.join(dataDir, 'hostile.jsonl');
  const line = {
    id: 'hostile-1',
    prompt: 'Hostile fixture: <script>window.__pwned = true</script> [click](javascript:window.__pwned=true)',
    language: 'en',
    category: 'security',
    // A Trojan Source line: RLO makes "evil" display as "live" unless it is shown instead of obeyed.
    responses: { 'model-a': `Hostile fixture A\n\nTrojan: access \u202Eevil\u202C granted\n\n${HOSTILE}`, 'model-b': `Hostile fixture B\n\n${HOSTILE}` },
  };
  fs.writeFileSync(file, `${JSON.stringify(line)}\n`);
  admin(dataDir, ['import-tasks', '--file', file, '--set', 'hostile', '--source', 'test', '--licence', 'CC0-1.0', '--attribution', 'Verdict tests']);
  return { email, password };
}
