import type { PairTable } from './pairTable';

export interface ModelTallies {
  votes: Float64Array;
  wins: Float64Array;
  losses: Float64Array;
  /** Ties and both-bad votes. */
  ties: Float64Array;
}

/** Per-model vote, win, loss and tie counts from the pair table. */
export function modelTallies(table: PairTable): ModelTallies {
  const t: ModelTallies = {
    votes: new Float64Array(table.n),
    wins: new Float64Array(table.n),
    losses: new Float64Array(table.n),
    ties: new Float64Array(table.n),
  };
  for (let k = 0; k < table.m; k++) {
    const a = table.a[k]!;
    const b = table.b[k]!;
    t.votes[a]! += table.total[k]!;
    t.votes[b]! += table.total[k]!;
    t.wins[a]! += table.winsA[k]!;
    t.losses[b]! += table.winsA[k]!;
    t.wins[b]! += table.winsB[k]!;
    t.losses[a]! += table.winsB[k]!;
    t.ties[a]! += table.draws[k]!;
    t.ties[b]! += table.draws[k]!;
  }
  return t;
}
