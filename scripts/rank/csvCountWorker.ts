/** Worker thread: counts one byte range of a plain CSV vote file and posts its tally back (see parallelCsv.ts). */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { tallyCsvRange } from './csvBytes';
import type { CsvRangeJob } from './parallelCsv';

const job = workerData as CsvRangeJob;
// Read only this range: the other half of the file is the main thread's.
const bytes = Buffer.allocUnsafe(job.end - job.start);
const fd = openSync(job.file, 'r');
try {
  let read = 0;
  while (read < bytes.length) {
    const n = readSync(fd, bytes, read, bytes.length - read, job.start + read);
    if (n === 0) break;
    read += n;
  }
} finally {
  closeSync(fd);
}
const tally = tallyCsvRange(bytes, 0, bytes.length, job.columns);
parentPort!.postMessage(tally, tally ? [tally.cells.buffer as ArrayBuffer] : []);
