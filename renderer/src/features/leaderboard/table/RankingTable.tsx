import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentFilter } from '../../../../../shared/protocol/leaderboard';
import type { RankedModel } from '../../../../../shared/ranking';
import { downloadBlob, exportFileName } from '../download';
import type { Margins } from '../preview/workerProtocol';
import { useFormatters } from '../format';
import { leaderboardCsv, winRate } from './leaderboardCsv';
import { SORT_KEYS } from './useTableSort';
import { useRowNavigation } from './useRowNavigation';
import { useTableSort } from './useTableSort';

/** Up to this many rows render plainly; a longer board renders only the rows in view. */
const VIRTUALIZE_AFTER = 100;
const ROW_ESTIMATE_PX = 36;

interface RankingTableProps {
  models: RankedModel[];
  filter: SegmentFilter;
  busy: boolean;
  /** Provisional models: too few votes for a rank, so the rank cell says so instead of a number. */
  unranked?: boolean;
  caption?: string;
  testId?: string;
  /**
   * Rigging margins by model, for a ranked board: adds the column and its explanation. null while
   * they are being computed (the column stays, empty); absent for the provisional table.
   */
  margins?: Margins | null;
}

/** The ranked table: sortable by every column, arrow-key navigable, virtualized when long, exportable as CSV. */
export function RankingTable({ models, filter, busy, unranked = false, caption, testId = 'ranking-table', margins }: RankingTableProps) {
  const { t } = useTranslation('leaderboard');
  const marginHintId = useId();
  const showMargins = margins !== undefined;
  const format = useFormatters();
  const { rows, sort, sortBy } = useTableSort(models);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUALIZE_AFTER;
  // Its functions are fresh every render by design; this component does not hand them to memoized children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 12,
    enabled: virtual,
  });
  const scrollTo = useCallback((index: number) => virtual && virtualizer.scrollToIndex(index), [virtual, virtualizer]);
  const navigation = useRowNavigation(rows.length, scrollTo);
  const items = virtual ? virtualizer.getVirtualItems() : rows.map((_, index) => ({ index, start: 0, end: 0 }));
  const first = items[0];
  const last = items[items.length - 1];
  const padStart = virtual && first ? first.start : 0;
  const padEnd = virtual && last ? virtualizer.getTotalSize() - last.end : 0;
  const exportCsv = () => downloadBlob(new Blob([leaderboardCsv(models)], { type: 'text/csv' }), exportFileName('leaderboard', filter, 'csv'));

  return (
    <div className="lb-table">
      <div className="lb-toolbar">
        <p id="lb-table-hint" className="muted lb-toolbar__hint">
          {t('table.keyboardHint')}
        </p>
        {showMargins ? (
          <p id={marginHintId} className="muted lb-toolbar__hint" data-testid="margin-hint">
            {t('table.marginHint')}
          </p>
        ) : null}
        <button type="button" className="button button--quiet" onClick={exportCsv} data-testid="export-csv">
          {t('table.exportCsv')}
        </button>
      </div>
      <div ref={scrollRef} className={virtual ? 'lb-table__scroll lb-table__scroll--virtual' : 'lb-table__scroll'}>
        <table
          className="lb-grid"
          aria-rowcount={rows.length + 1}
          aria-describedby="lb-table-hint"
          aria-busy={busy}
          data-testid={testId}
          data-slice={JSON.stringify(filter)}
        >
          <caption>{caption ?? t('table.caption', { slice: format.sliceName(filter) })}</caption>
          <thead>
            <tr aria-rowindex={1}>
              {SORT_KEYS.map((key) => (
                <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : 'none'} className={`lb-grid__${key}`}>
                  <button type="button" className="lb-sort" onClick={() => sortBy(key)} data-testid={`sort-${key}`}>
                    {t(`table.column.${key}`, { level: format.level })}
                    <span aria-hidden="true" className="lb-sort__arrow" data-direction={sort.key === key ? sort.direction : 'none'} />
                  </button>
                </th>
              ))}
              {showMargins ? (
                <th scope="col" className="lb-grid__margin" aria-describedby={marginHintId}>
                  {t('table.column.margin')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody onKeyDown={navigation.onKeyDown}>
            {padStart > 0 ? <tr aria-hidden="true" className="lb-spacer" style={{ blockSize: padStart }} /> : null}
            {items.map(({ index }) => {
              const model = rows[index] as RankedModel;
              const { ref, ...focus } = navigation.rowProps(index);
              return (
                <tr
                  key={model.model}
                  aria-rowindex={index + 2}
                  data-index={index}
                  data-model={model.model}
                  data-rank={unranked ? undefined : model.rank}
                  data-rating={model.rating}
                  ref={(element) => {
                    ref(element);
                    if (virtual && element) virtualizer.measureElement(element);
                  }}
                  {...focus}
                >
                  <td className="lb-grid__rank">{unranked ? t('table.provisionalRank') : format.integer(model.rank)}</td>
                  <th scope="row" className="lb-grid__model">
                    <bdi>{model.model}</bdi>
                  </th>
                  <td className="lb-grid__rating">{format.rating(model.rating)}</td>
                  <td className="lb-grid__interval">
                    {t('table.intervalValue', { lower: format.rating(model.lower), upper: format.rating(model.upper) })}
                  </td>
                  <td className="lb-grid__votes">{format.integer(model.votes)}</td>
                  <td className="lb-grid__winRate">{format.percent(winRate(model))}</td>
                  {showMargins ? <MarginCell margin={margins?.[model.model]} /> : null}
                </tr>
              );
            })}
            {padEnd > 0 ? <tr aria-hidden="true" className="lb-spacer" style={{ blockSize: padEnd }} /> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Empty while computing and on a board's last row (nothing below it to swap with). */
function MarginCell({ margin }: { margin: number | null | undefined }) {
  const format = useFormatters();
  const known = typeof margin === 'number';
  return (
    <td className="lb-grid__margin" data-margin={known ? margin : undefined}>
      {known ? format.integer(margin) : null}
    </td>
  );
}
