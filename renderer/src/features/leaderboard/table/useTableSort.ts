import { useMemo, useState } from 'react';
import type { RankedModel } from '../../../../../shared/ranking';
import { winRate } from './leaderboardCsv';

export const SORT_KEYS = ['rank', 'model', 'rating', 'interval', 'votes', 'winRate'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

const VALUE: Record<Exclude<SortKey, 'model'>, (model: RankedModel) => number> = {
  rank: (m) => m.rank,
  rating: (m) => m.rating,
  interval: (m) => m.upper - m.lower,
  votes: (m) => m.votes,
  winRate,
};

/** The direction a column sorts in when first chosen: best first for numbers, A→Z for names. */
const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  rank: 'ascending',
  model: 'ascending',
  rating: 'descending',
  interval: 'ascending',
  votes: 'descending',
  winRate: 'descending',
};

function compare(key: SortKey, x: RankedModel, y: RankedModel): number {
  if (key === 'model') return x.model < y.model ? -1 : x.model > y.model ? 1 : 0;
  return VALUE[key](x) - VALUE[key](y);
}

/**
 * Sorted rows plus the sort state. By rank first, so the rank column reads 1, 1, 2, 3… and never
 * jumps (the displayed rank is not monotone in rating: a wide interval can share rank 1 with a
 * higher-rated model). Equal keys keep the incoming order — rank, then rating (a stable sort).
 */
export function useTableSort(models: readonly RankedModel[]) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'rank', direction: 'ascending' });
  const rows = useMemo(() => {
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...models].sort((x, y) => sign * compare(sort.key, x, y));
  }, [models, sort]);
  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: FIRST_DIRECTION[key] },
    );
  return { rows, sort, sortBy };
}
