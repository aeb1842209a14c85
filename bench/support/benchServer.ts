import fs from 'node:fs';
import path from 'node:path';
import { addContributor } from '../../server/admin/contributors';
import { importTaskFile } from '../../server/admin/imports';
import { startServer } from '../../server/app';
import { openDatabase } from '../../server/db/open';

/**
 * A reference server for sync benchmarks, in its own process so the client's
 * memory is measured alone: one English rater and `tasks` synthetic prompts
 * (two responses each), limits opened up for a single fast client.
 * argv: dataDir port tasks. Prints "listening on <url>" when ready.
 */
const [dataDir, port, tasks] = process.argv.slice(2) as [string, string, string];
const options = {
  dataDir,
  port: Number(port),
  minActiveMs: 0,
  maxOpenLeasesPerRater: 1_000_000,
  raterLimit: { burst: 1_000_000, perSecond: 1_000_000 },
  anomalyScanIntervalMs: 0,
};

if (!fs.existsSync(path.join(dataDir, 'bench-rater.json'))) {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase(dataDir);
  const { password } = await addContributor(db, 'bench', {
    email: 'bench@verdict.example',
    displayName: 'Bench Rater',
    role: 'rater',
    vetted: true,
    languages: 'en:native',
    country: 'DE',
  });
  const file = path.join(dataDir, 'bench-tasks.jsonl');
  const lines = Array.from({ length: Number(tasks) }, (_, index) =>
    JSON.stringify({ id: `bench-${index}`, prompt: `Benchmark prompt ${index}`, language: 'en', category: 'bench', responses: { 'model-a': `Answer A ${index}`, 'model-b': `Answer B ${index}` } }),
  );
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  await importTaskFile(db, 'bench', file, { id: 'bench', source: 'synthetic', licence: 'CC0-1.0', attribution: 'Verdict benchmark' } as never);
  await db.close();
  fs.writeFileSync(path.join(dataDir, 'bench-rater.json'), JSON.stringify({ email: 'bench@verdict.example', password }));
}
const server = await startServer(options);
console.log(`listening on ${server.url}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
