import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OwnVotesChanged } from '../../../../shared/ipc/features/leaderboardContract';
import type { Timers } from '../../../../electron/main/ports';
import { VoteJournal } from '../../../../electron/main/services/journal/voteJournal';
import { OwnVotesWatcher } from '../../../../electron/main/services/preview/ownVotesWatcher';
import { TaskAttributes } from '../../../../electron/main/services/preview/taskAttributes';
import { makeCastVote } from '../../../support/votes';

/** Timers the test fires by hand. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  let callbacks: Array<() => void> = [];
  return {
    now: () => 1_000,
    setTimeout: (callback) => callbacks.push(callback),
    clearTimeout: () => undefined,
    fire: () => {
      const due = callbacks;
      callbacks = [];
      due.forEach((callback) => callback());
    },
    pending: () => callbacks.length,
  };
}

describe('notices about own votes', () => {
  it('tells once per burst of changes, with a new revision, and stays quiet when nothing the preview shows changed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-watch-'));
    const { journal } = VoteJournal.open(path.join(dir, 'journal'));
    const timers = manualTimers();
    const notices: OwnVotesChanged[] = [];
    const watcher = new OwnVotesWatcher({
      journal,
      attributes: new TaskAttributes(dir, new Set(), () => undefined),
      profile: () => undefined,
      timers,
      notify: (change) => notices.push(change),
    });
    journal.cast(makeCastVote({ choice: 'first' }));
    watcher.poke();
    watcher.poke();
    expect(timers.pending()).toBe(1);
    timers.fire();
    expect(notices).toEqual([{ revision: 1_001, battles: 0, pending: 1 }]);
    const [sealed] = journal.seal(10);
    journal.recordResults([{ id: sealed!.id, seq: sealed!.seq, status: 'accepted', reveal: { first: 'a', second: 'b' } }]);
    watcher.poke();
    timers.fire();
    expect(notices[1]).toEqual({ revision: 1_002, battles: 1, pending: 0 });
    watcher.poke();
    timers.fire();
    expect(notices).toHaveLength(2);
    expect(watcher.current().battles).toEqual([[0, 1, 0, 0, 1]]);
  });
});
