import { agreementHeatmap, type AgreementHeatmap } from './heatmap';
import { disagreementInbox, queryInbox, type InboxCard, type InboxQuery } from './inbox';
import { poolSlices, type PoolSlices } from './poolSlices';
import { raterExtras, type RaterExtras } from './raterExtras';
import { judgedVotesOf, type JudgedVote } from './raterVotes';
import type { TeamVote } from './teamVote';
import { raterTrends, type TrendPoint } from './trends';
import { buildVoteIndex, type VoteIndex } from './voteIndex';
import { whatIfLeaderboard, type WhatIfResult } from './whatIf';

export interface TeamAnalysis {
  votes: number;
  extras: Record<string, RaterExtras>;
  slices: PoolSlices;
  heatmap: AgreementHeatmap;
  /** How many items the inbox holds; the cards stay in the Worker and are asked for by query. */
  inbox: { total: number; againstConsensus: number; split: number };
}

/**
 * Everything the console computes from the team's raw votes, behind one
 * small API. It runs inside the Web Worker (supervisor.worker.ts); tests and
 * the benchmark call it directly. Votes arrive page by page; the index is
 * rebuilt lazily on the next question.
 */
export function createAnalysisCore() {
  let votes: TeamVote[] = [];
  let index: VoteIndex | null = null;
  let inbox: InboxCard[] | null = null;
  const current = (): VoteIndex => (index ??= buildVoteIndex(votes));
  const cards = (): InboxCard[] => (inbox ??= disagreementInbox(current()).cards);
  return {
    reset(): void {
      votes = [];
      index = null;
      inbox = null;
    },
    add(page: readonly TeamVote[]): number {
      // A loop, not push(...page): spreading a huge page overflows the call stack.
      for (const vote of page) votes.push(vote);
      index = null;
      inbox = null;
      return votes.length;
    },
    analyse(heatmapLimit: number): TeamAnalysis {
      const idx = current();
      return {
        votes: idx.votes.length,
        extras: raterExtras(idx),
        slices: poolSlices(idx),
        heatmap: agreementHeatmap(idx, heatmapLimit),
        inbox: {
          total: cards().length,
          againstConsensus: cards().filter((card) => card.kind === 'against_consensus').length,
          split: cards().filter((card) => card.kind === 'split').length,
        },
      };
    },
    inbox: (query: InboxQuery) => queryInbox(cards(), query),
    whatIf: (excluded: readonly string[]): WhatIfResult => whatIfLeaderboard(current(), excluded),
    raterVotes: (raterId: string): JudgedVote[] => judgedVotesOf(current(), raterId),
    trends: (raterId: string): TrendPoint[] => raterTrends(current(), raterId),
  };
}
export type AnalysisCore = ReturnType<typeof createAnalysisCore>;
