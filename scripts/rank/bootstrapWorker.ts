/** Worker thread: claims chunks of bootstrap rounds and writes them into shared memory, then exits. */
import { workerData } from 'node:worker_threads';
import { prepareRanking } from '../../shared/ranking/index';
import { claimRounds, type BootstrapJob } from './parallelBootstrap';

const job = workerData as BootstrapJob;
claimRounds(prepareRanking(job.counts, job.options), job);
