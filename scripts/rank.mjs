/**
 * `npm run rank`: runs scripts/rank.ts compiled by esbuild into out/rank-cli/ (the command and
 * its bootstrap Worker, one ES module each). Under tsx every start transpiled ~40 modules, in
 * the command and again in each Worker (~0.4 s each); compiled, Node starts it in ~50 ms.
 * The bundle is rebuilt on demand, whenever any of its sources (or this file) is newer than
 * it, so editing scripts/rank/ or shared/ranking/ never runs stale code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'out', 'rank-cli');
const entries = {
  rank: 'scripts/rank.ts',
  bootstrapWorker: 'scripts/rank/bootstrapWorker.ts',
  csvCountWorker: 'scripts/rank/csvCountWorker.ts',
};
const manifest = path.join(outdir, 'inputs.json');
const bundle = path.join(outdir, 'rank.mjs');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** True when the bundle is missing or any source it was built from changed since. */
function isStale() {
  const built = Math.min(mtime(bundle), mtime(path.join(outdir, 'bootstrapWorker.mjs')), mtime(path.join(outdir, 'csvCountWorker.mjs')), mtime(manifest));
  if (Number.isNaN(built)) return true;
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  } catch {
    return true;
  }
  return [fileURLToPath(import.meta.url), ...inputs.map((input) => path.join(root, input))].some((file) => !(mtime(file) <= built));
}

/** Builds into memory, then writes each file beside its final name and renames it (another run may be reading). */
async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(outdir, { recursive: true });
  const files = [
    ...result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })),
    { path: manifest, contents: JSON.stringify(Object.keys(result.metafile.inputs)) },
  ];
  for (const file of files) {
    const temp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, file.contents);
    fs.renameSync(temp, file.path);
  }
}

if (isStale()) await build();
await import(pathToFileURL(bundle).href);
