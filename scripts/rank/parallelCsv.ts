import { Worker } from 'node:worker_threads';
import { csvLayout, emitTallies, lineStartAfter, tallyCsvRange, type CsvCountSink, type CsvLayout, type RangeTally } from './csvBytes';

/** Whether this runs as the compiled bundle (`npm run rank`) rather than under tsx (see parallelBootstrap.ts). */
const COMPILED = !import.meta.url.endsWith('.ts');
/**
 * Below this size one thread counts the file faster than a Worker starts (compiled, ~30 ms to
 * start and read its half); a 1M-vote file is ~28 MB, counted in ~0.3 s on one thread.
 */
export const MIN_PARALLEL_CSV_BYTES = 8 * 1024 * 1024;
/**
 * The Worker's share of the body: a little under half, because it first starts (~40 ms) and
 * reads its bytes, so both halves finish together (measured on the 1M-vote file: with an even
 * split this thread waited 50–75 ms for the Worker).
 */
const WORKER_SHARE = 0.42;

/** What the counting Worker receives: the file, its half, and the header's columns. */
export interface CsvRangeJob {
  file: string;
  start: number;
  end: number;
  columns: CsvLayout['columns'];
}

/**
 * The CSV byte path (csvBytes.ts) over the whole body, with the body split at a line boundary
 * near the middle (see WORKER_SHARE): this thread counts the first half while a Worker reads and counts the
 * second, and emitTallies merges them in the order one thread would have produced (identical
 * counts, model order and cell order). One thread for small files, under tsx (a Worker would
 * transpile for ~0.4 s), or with no core to spare. False, with nothing given to the sink, when
 * either half is unusual: the caller then reads the file with the full parser.
 */
export async function countCsvBytesParallel(
  file: string,
  bytes: Buffer,
  sink: CsvCountSink,
  threads: number,
  minBytes = COMPILED ? MIN_PARALLEL_CSV_BYTES : Infinity,
): Promise<boolean> {
  const layout = csvLayout(bytes);
  if (!layout) return false;
  const body = bytes.length - layout.bodyStart;
  if (threads < 2 || bytes.length < minBytes) {
    const tally = tallyCsvRange(bytes, layout.bodyStart, bytes.length, layout.columns);
    return tally !== null && emitTallies([tally], sink);
  }
  const split = lineStartAfter(bytes, layout.bodyStart + Math.floor(body * (1 - WORKER_SHARE)));
  const second = tallyInWorker({ file, start: split, end: bytes.length, columns: layout.columns });
  const first = tallyCsvRange(bytes, layout.bodyStart, split, layout.columns);
  const rest = await second;
  return first !== null && rest !== null && emitTallies([first, rest], sink);
}

function tallyInWorker(job: CsvRangeJob): Promise<RangeTally | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(COMPILED ? './csvCountWorker.mjs' : './csvCountWorker.ts', import.meta.url), { workerData: job });
    worker.once('message', (tally: RangeTally | null) => resolve(tally));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`CSV counting worker exited with code ${code}`));
    });
  });
}
