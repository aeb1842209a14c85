import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../electron/main/services/journal/voteJournal';
import { answeredSeq, collectOwnVotes } from '../../../../electron/main/services/preview/ownVotes';
import type { Profile } from '../../../../shared/protocol/auth';
import { makeCastVote } from '../../../support/votes';

function entry(changes: Partial<JournalEntry> & { choice?: JournalEntry['vote']['choice']; taskId?: string } = {}): JournalEntry {
  const { choice = 'first', taskId, ...rest } = changes;
  return { vote: makeCastVote({ choice, ...(taskId ? { taskId } : {}) }), seq: null, state: 'unsealed', result: null, ...rest };
}

const accepted = (seq: number, choice: JournalEntry['vote']['choice'], first: string, second: string, taskId?: string): JournalEntry =>
  entry({ seq, choice, taskId, state: 'accepted', result: { status: 'accepted', reveal: { first, second } } });

const profile: Profile = { country: 'DE', ageBand: '25-34', education: 'master', languages: [], specialties: [] };

describe("the rater's own votes as battles", () => {
  it('turns accepted, revealed votes into battles in display order, and only counts the rest', () => {
    const entries = [
      accepted(1, 'first', 'gpt', 'llama', 'task-de'),
      accepted(2, 'second', 'llama', 'claude', 'task-unknown'),
      accepted(3, 'both_bad', 'claude', 'gpt', 'task-de'),
      accepted(4, 'cant_read', 'gpt', 'claude'),
      entry({ seq: 5, state: 'accepted', result: { status: 'accepted' } }),
      entry({ seq: 6, state: 'rejected', result: { status: 'rejected', reason: 'too_fast' } }),
      entry({ seq: 7, state: 'sealed' }),
      entry(),
    ];
    const tasks = (taskId: string) => (taskId === 'task-de' ? { language: 'de', category: 'code' } : undefined);
    const own = collectOwnVotes(entries, tasks, profile, 9);
    expect(own.models).toEqual(['gpt', 'llama', 'claude']);
    expect(own.segments).toEqual([
      { language: 'de', category: 'code', country: 'DE', age_band: '25-34', education: 'master' },
      { country: 'DE', age_band: '25-34', education: 'master' },
    ]);
    expect(own.battles).toEqual([
      [0, 1, 0, 0, 1],
      [1, 2, 1, 1, 2],
      [2, 0, 3, 0, 3],
    ]);
    expect(own).toMatchObject({ revision: 9, pending: 2, unrevealed: 1, cantRead: 1, unattributed: 1 });
  });

  it('places votes without a known profile by task only', () => {
    const own = collectOwnVotes([accepted(1, 'tie', 'a', 'b', 't')], () => ({ language: 'en', category: 'math' }), undefined, 1);
    expect(own.segments).toEqual([{ language: 'en', category: 'math' }]);
  });

  it('knows up to which seq the server has answered', () => {
    expect(answeredSeq([])).toBe(0);
    expect(answeredSeq([accepted(3, 'first', 'a', 'b'), entry({ seq: 4, state: 'rejected' }), entry({ seq: 5, state: 'sealed' })])).toBe(4);
  });
});
