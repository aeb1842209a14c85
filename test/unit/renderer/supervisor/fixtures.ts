import type { RaterQuality, RaterSummary, RaterVote } from '../../../../shared/protocol/supervisor';
import type { TeamVote } from '../../../../renderer/src/features/supervisor/analysis/teamVote';

export const NO_QUALITY: RaterQuality = {
  votes: 0,
  items: 0,
  agreement: null,
  agreementCompared: 0,
  meanCohenKappa: null,
  tieRate: null,
  bothBadRate: null,
  positionBias: null,
  positionBiasPValue: null,
  selfConsistency: null,
  repeats: 0,
  goldAccuracy: null,
  goldItems: 0,
  medianActiveMs: null,
  tooFastShare: null,
  tooFastRejected: 0,
  anomalyScore: null,
  anomalous: false,
};

export function rater(id: string, quality: Partial<RaterQuality> = {}, name = `Rater ${id}`): RaterSummary {
  return {
    id,
    displayName: name,
    email: `${id}@example.org`,
    role: 'rater',
    vetted: true,
    suspended: false,
    profile: {
      country: 'DE',
      ageBand: '25-34',
      education: 'master',
      languages: [{ tag: 'en', proficiency: 'C1' }],
      specialties: [],
    },
    lastVoteAt: quality.votes ? '2026-01-01T00:00:00.000Z' : null,
    openFlags: 0,
    quality: { ...NO_QUALITY, ...quality },
  };
}

let sequence = 0;

/** A team vote; `at` orders votes (minutes after an epoch). */
export function teamVote(
  raterId: string,
  itemId: string,
  choice: TeamVote['choice'],
  shown: [string, string],
  at: number,
  extra: Partial<TeamVote> = {},
): TeamVote {
  sequence += 1;
  return {
    voteId: `v-${String(sequence).padStart(6, '0')}`,
    raterId,
    itemId,
    kind: 'normal',
    language: 'en',
    category: 'general',
    shownFirst: shown[0],
    shownSecond: shown[1],
    choice,
    activeMs: 5_000,
    votedAt: Date.UTC(2026, 0, 1) + at * 60_000,
    rationale: null,
    goldCorrect: null,
    flags: [],
    ...extra,
  } as TeamVote;
}

/** The same vote as the server's wire format. */
export function wireVote(vote: TeamVote): RaterVote {
  const winner = vote.choice === 'first' ? vote.shownFirst : vote.choice === 'second' ? vote.shownSecond : null;
  return {
    voteId: vote.voteId,
    raterId: vote.raterId,
    itemId: vote.itemId,
    kind: vote.kind,
    language: vote.language,
    category: vote.category,
    shownFirst: vote.shownFirst,
    shownSecond: vote.shownSecond,
    choice: vote.choice,
    winner,
    goldCorrect: vote.goldCorrect,
    criteria: {},
    rationale: vote.rationale,
    reasonTags: [],
    flags: [],
    confidence: null,
    activeMs: vote.activeMs,
    votedAt: new Date(vote.votedAt).toISOString(),
    receivedAt: new Date(vote.votedAt).toISOString(),
    segment: { country: 'DE', age_band: '25-34', education: 'master' },
  };
}
