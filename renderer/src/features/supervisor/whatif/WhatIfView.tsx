import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry, WhatIfRow } from '../analysis/whatIf';
import { useFormat, type Format } from '../common/useFormat';
import { VirtualTable, type TableColumn } from '../common/VirtualTable';
import { useSupervisor } from '../../../stores/supervisor';
import { useExcludedRaters, useWhatIf } from './useWhatIf';

function RankChange({ row }: { row: WhatIfRow }) {
  const { t } = useTranslation('supervisor');
  if (row.rankChange === null) return <span>{t(row.current ? 'whatIf.dropped' : 'whatIf.added')}</span>;
  if (row.rankChange === 0) return <span className="muted">{t('whatIf.same')}</span>;
  const up = row.rankChange > 0;
  return (
    <span className={`rank-change rank-change--${up ? 'up' : 'down'}`} data-change={row.rankChange}>
      {t(up ? 'whatIf.up' : 'whatIf.down', { count: Math.abs(row.rankChange) })}
    </span>
  );
}

function columns(t: TFunction<'supervisor'>, f: Format): TableColumn<WhatIfRow>[] {
  const entry = (e: BoardEntry | null) =>
    e
      ? t('whatIf.entry', {
          rank: f.integer(e.rank),
          rating: f.integer(e.rating),
          lower: f.integer(e.lower),
          upper: f.integer(e.upper),
        })
      : f.dash;
  return [
    { id: 'model', width: '16rem', header: t('whatIf.model'), cell: (row) => <bdi>{row.model}</bdi> },
    {
      id: 'current',
      width: '13rem',
      header: t('whatIf.current'),
      cell: (row) => <span data-rank={row.current?.rank}>{entry(row.current)}</span>,
    },
    {
      id: 'without',
      width: '13rem',
      header: t('whatIf.without'),
      cell: (row) => <span data-rank={row.without?.rank}>{entry(row.without)}</span>,
    },
    {
      id: 'rating',
      width: '7rem',
      align: 'end',
      header: t('whatIf.ratingChange'),
      cell: (row) => <span data-value={row.ratingChange ?? ''}>{f.signed(row.ratingChange, 0)}</span>,
    },
    { id: 'rank', width: '9rem', header: t('whatIf.rankChange'), cell: (row) => <RankChange row={row} /> },
  ];
}

/** The team's leaderboard now, next to the same board without the flagged raters' votes. */
export function WhatIfView() {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const [includeWatch, setIncludeWatch] = useState(false);
  const excluded = useExcludedRaters(includeWatch);
  const { result, computing } = useWhatIf(excluded);
  const raters = useSupervisor((state) => state.team?.raters ?? null);
  const { i18n } = useTranslation();
  const names = useMemo(() => {
    const byId = new Map((raters ?? []).map((rater) => [rater.id, rater.displayName]));
    return new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(excluded.map((id) => byId.get(id) ?? id));
  }, [raters, excluded, i18n.language]);
  const tableColumns = useMemo(() => columns(t, f), [t, f]);
  const moved = result ? result.rows.filter((row) => row.rankChange !== 0).length : 0;
  return (
    <section aria-labelledby="whatif-title" className="supervisor-view">
      <h2 id="whatif-title">{t('whatIf.title')}</h2>
      <p className="muted">{t('whatIf.explain')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeWatch}
          onChange={(event) => setIncludeWatch(event.target.checked)}
          data-testid="whatif-include-watch"
        />
        {t('whatIf.includeWatch')}
      </label>
      {result ? (
        <>
          <p
            data-testid="whatif-summary"
            data-excluded={result.excludedRaters}
            data-excluded-votes={result.excludedVotes}
            data-moved={moved}
            aria-busy={computing}
          >
            {t('whatIf.summary', {
              count: result.excludedRaters,
              votes: f.integer(result.excludedVotes),
              total: f.integer(result.votes),
              moved: f.integer(moved),
            })}
          </p>
          {excluded.length > 0 ? (
            <p className="muted" data-testid="whatif-left-out">
              {t('whatIf.leftOut', { names })}
            </p>
          ) : null}
          <VirtualTable
            label={t('whatIf.tableLabel')}
            rows={result.rows}
            columns={tableColumns}
            rowKey={(row) => row.model}
            estimateRowHeight={40}
            rowTestId={(row) => `whatif-${row.model}`}
            testId="whatif-table"
            emptyText={t('whatIf.empty')}
          />
        </>
      ) : (
        <p className="muted">{t('detail.waitingForVotes')}</p>
      )}
    </section>
  );
}
