import { VoteJournal } from '../../electron/main/services/journal/voteJournal';
import { makeCastVote } from './votes';

/**
 * Child process for the crash test: casts votes as fast as it can into the
 * journal in argv[2] and prints "saved <id>" only after cast() returned, i.e.
 * after the fsync. The parent kills it with SIGKILL at a random moment.
 */
const { journal } = VoteJournal.open(process.argv[2] as string, { compactAfterResults: 50 });
let n = 0;
for (;;) {
  const vote = makeCastVote({ taskId: `crash-${process.pid}-${n}` });
  journal.cast(vote);
  process.stdout.write(`saved ${vote.id}\n`);
  n += 1;
  // Exercise sealing, answering and compaction under the kill as well.
  if (n % 7 === 0) {
    const sealed = journal.seal(5);
    journal.recordResults(sealed.slice(0, 3).map((sealedVote) => ({ id: sealedVote.id, seq: sealedVote.seq, status: 'accepted' as const })));
  }
}
