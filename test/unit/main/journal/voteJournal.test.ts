import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VoteJournal } from '../../../../electron/main/services/journal/voteJournal';
import { makeCastVote } from '../../../support/votes';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-journal-'));
}

describe('the vote journal', () => {
  it('keeps a cast vote pending and unsealed until it is sealed', () => {
    const { journal } = VoteJournal.open(tempDir());
    const vote = makeCastVote();
    journal.cast(vote);
    expect(journal.get(vote.id)).toMatchObject({ state: 'unsealed', seq: null });
    expect(journal.pendingCount()).toBe(1);
  });

  it('refuses to cast the same vote id twice', () => {
    const { journal } = VoteJournal.open(tempDir());
    const vote = makeCastVote();
    journal.cast(vote);
    expect(() => journal.cast(vote)).toThrow(/already in the journal/);
  });

  it('hands out gap-free seqs at sealing, even when a vote was undone before', () => {
    const { journal } = VoteJournal.open(tempDir());
    const [a, b, c] = [makeCastVote(), makeCastVote(), makeCastVote()];
    journal.cast(a);
    journal.cast(b);
    journal.cast(c);
    journal.retract(b.id);
    expect(journal.seal(10).map((vote) => [vote.id, vote.seq])).toEqual([
      [a.id, 1],
      [c.id, 2],
    ]);
  });

  it('lets a rater amend an unsealed vote but never a sealed one', () => {
    const { journal } = VoteJournal.open(tempDir());
    const vote = makeCastVote();
    journal.cast(vote);
    journal.amend({ ...vote, choice: 'tie' });
    expect(journal.get(vote.id)?.vote.choice).toBe('tie');
    journal.seal(1);
    expect(() => journal.amend({ ...vote, choice: 'second' })).toThrow(/already sent/);
    expect(() => journal.retract(vote.id)).toThrow(/already sent/);
  });

  it('leaves votes newer than the undo grace unsealed', () => {
    const { journal } = VoteJournal.open(tempDir());
    const old = makeCastVote({ votedAt: '2026-11-27T10:00:00.000Z' });
    const fresh = makeCastVote({ votedAt: '2026-11-27T10:00:09.000Z' });
    journal.cast(old);
    journal.cast(fresh);
    expect(journal.seal(10, Date.parse('2026-11-27T10:00:05.000Z')).map((vote) => vote.id)).toEqual([old.id]);
  });

  it('records accepted, rejected and duplicate answers, a duplicate as what the first delivery got', () => {
    const { journal } = VoteJournal.open(tempDir());
    const votes = [makeCastVote(), makeCastVote(), makeCastVote()];
    for (const vote of votes) journal.cast(vote);
    const sealed = journal.seal(3);
    journal.recordResults([
      { id: sealed[0]!.id, seq: 1, status: 'accepted', reveal: { first: 'model-a', second: 'model-b' } },
      { id: sealed[1]!.id, seq: 2, status: 'rejected', reason: 'ticket_expired', message: 'expired' },
      { id: sealed[2]!.id, seq: 3, status: 'duplicate', original: 'accepted' },
    ]);
    expect(journal.all().map((entry) => entry.state)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(journal.get(sealed[0]!.id)?.result?.reveal).toEqual({ first: 'model-a', second: 'model-b' });
    expect(journal.get(sealed[1]!.id)?.result).toMatchObject({ status: 'rejected', reason: 'ticket_expired' });
    expect(journal.pendingCount()).toBe(0);
  });

  it('returns sealed but unanswered votes in seq order for the next push', () => {
    const { journal } = VoteJournal.open(tempDir());
    for (let n = 0; n < 5; n += 1) journal.cast(makeCastVote());
    const sealed = journal.seal(5);
    journal.recordResults([{ id: sealed[1]!.id, seq: 2, status: 'accepted' }]);
    expect(journal.sealedUnanswered().map((vote) => vote.seq)).toEqual([1, 3, 4, 5]);
    expect(journal.sealedUnanswered(2).map((vote) => vote.seq)).toEqual([1, 3]);
  });

  it('restores everything after reopening: states, seqs, results and the next seq', () => {
    const dir = tempDir();
    const { journal } = VoteJournal.open(dir);
    const votes = [makeCastVote(), makeCastVote(), makeCastVote()];
    for (const vote of votes) journal.cast(vote);
    journal.seal(2);
    journal.recordResults([{ id: votes[0]!.id, seq: 1, status: 'accepted' }]);
    journal.close();
    const { journal: reopened } = VoteJournal.open(dir);
    expect(reopened.all().map((entry) => [entry.state, entry.seq])).toEqual([
      ['accepted', 1],
      ['sealed', 2],
      ['unsealed', null],
    ]);
    expect(reopened.seal(5).map((vote) => vote.seq)).toEqual([3]);
  });

  it('reads back votes kept unparsed after reopening, task ids with quotes, backslashes and non-ASCII included', () => {
    const dir = tempDir();
    const { journal } = VoteJournal.open(dir);
    const votes = ['task-plain', 'task-"quoted"\\back', 'tâche-é-日本'].map((taskId) => makeCastVote({ taskId, rationale: 'Ünïcode "rationale"' }));
    for (const vote of votes) journal.cast(vote);
    journal.close();
    const { journal: reopened } = VoteJournal.open(dir);
    expect([...reopened.votedTaskIds()]).toEqual(votes.map((vote) => vote.taskId));
    expect(reopened.all().map((entry) => entry.vote)).toEqual(votes);
    const amended = { ...votes[1]!, taskId: 'task-amended', choice: 'second' as const };
    reopened.amend(amended);
    expect(reopened.votedTaskIds().has('task-amended')).toBe(true);
    expect(reopened.get(amended.id)?.vote).toEqual(amended);
  });

  it('compacts after enough answers and keeps the same state, without tickets of answered votes', () => {
    const dir = tempDir();
    const { journal } = VoteJournal.open(dir, { compactAfterResults: 3 });
    const votes = Array.from({ length: 4 }, () => makeCastVote());
    for (const vote of votes) journal.cast(vote);
    const sealed = journal.seal(4);
    journal.recordResults(sealed.slice(0, 3).map((vote) => ({ id: vote.id, seq: vote.seq, status: 'accepted' as const })));
    journal.close();
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('segment-'))).toHaveLength(1);
    const { journal: reopened } = VoteJournal.open(dir);
    expect(reopened.all().map((entry) => entry.state)).toEqual(['accepted', 'accepted', 'accepted', 'sealed']);
    expect(reopened.get(votes[0]!.id)?.vote.ticket).toBe('-');
    expect(reopened.get(votes[3]!.id)?.vote.ticket).toBe(votes[3]!.ticket);
    expect(reopened.seal(1)).toEqual([]);
    reopened.cast(makeCastVote());
    expect(reopened.seal(1)[0]?.seq).toBe(5);
  });

  it('reports a damaged record once, then rewrites the log so it is not reported again', () => {
    const dir = tempDir();
    const { journal } = VoteJournal.open(dir);
    const votes = [makeCastVote(), makeCastVote(), makeCastVote()];
    for (const vote of votes) journal.cast(vote);
    journal.close();
    const file = path.join(dir, fs.readdirSync(dir).find((name) => name.startsWith('segment-')) as string);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[1] = (lines[1] as string).replace('"first"', '"secnd"');
    fs.writeFileSync(file, lines.join('\n'));
    const first = VoteJournal.open(dir);
    expect(first.report.quarantined).toBe(1);
    expect(first.journal.all().map((entry) => entry.vote.id)).toEqual([votes[0]!.id, votes[2]!.id]);
    first.journal.close();
    const second = VoteJournal.open(dir);
    expect(second.report.quarantined).toBe(0);
    expect(second.journal.all()).toHaveLength(2);
  });
});
