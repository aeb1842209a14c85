import type { CastVote } from '../../electron/main/services/journal/voteJournal';

let counter = 0;

/** A well-formed cast vote with a fresh UUIDv7-shaped id, for journal and sync tests. */
export function makeCastVote(overrides: Partial<CastVote> = {}): CastVote {
  counter += 1;
  const votedAt = new Date(Date.UTC(2026, 10, 27, 12, 0, 0) + counter * 1000).toISOString();
  return {
    id: uuidV7Like(counter),
    taskId: `task-${counter}`,
    ticket: `ticket-${counter}`,
    choice: 'first',
    activeMs: 12_000,
    shownAt: votedAt,
    votedAt,
    clockOffsetMs: 0,
    locale: 'en',
    appVersion: '0.1.0',
    ...overrides,
  };
}

function uuidV7Like(n: number): string {
  const hex = (Date.now() + n).toString(16).padStart(12, '0').slice(-12);
  const tail = n.toString(16).padStart(12, '0').slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-${tail}`;
}
