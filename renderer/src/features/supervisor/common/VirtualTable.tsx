import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface TableColumn<Row> {
  id: string;
  header: string;
  /** A fixed CSS length, e.g. '8rem': every row lines up with the header without measuring. */
  width: string;
  align?: 'start' | 'end';
  sortable?: boolean;
  cell(row: Row): ReactNode;
}

export interface TableSort {
  by: string;
  direction: 'asc' | 'desc';
  onSort(columnId: string): void;
}

interface VirtualTableProps<Row> {
  label: string;
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  rowKey(row: Row): string;
  estimateRowHeight?: number;
  sort?: TableSort;
  rowClassName?(row: Row): string;
  rowTestId?(row: Row): string;
  testId?: string;
  emptyText: string;
}

function ariaSort(sort: TableSort | undefined, id: string): 'ascending' | 'descending' | 'none' | undefined {
  if (!sort) return undefined;
  if (sort.by !== id) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

function HeaderCell<Row>({ column, sort }: { column: TableColumn<Row>; sort: TableSort | undefined }) {
  return (
    <div
      role="columnheader"
      aria-sort={ariaSort(sort, column.id)}
      className={`vtable__cell vtable__cell--${column.align ?? 'start'}`}
    >
      {column.sortable && sort ? (
        <button
          type="button"
          className="vtable__sort"
          onClick={() => sort.onSort(column.id)}
          data-testid={`sort-${column.id}`}
        >
          {column.header}
          <span
            className={`vtable__arrow vtable__arrow--${sort.by === column.id ? sort.direction : 'none'}`}
            aria-hidden="true"
          />
        </button>
      ) : (
        column.header
      )}
    </div>
  );
}

interface RowProps<Row> {
  row: Row;
  index: number;
  columns: readonly TableColumn<Row>[];
  template: string;
  offset: number;
  className: string;
  testId: string | undefined;
  measure(element: HTMLDivElement | null): void;
}

function BodyRow<Row>({ row, index, columns, template, offset, className, testId, measure }: RowProps<Row>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-testid={testId}
      ref={measure}
      className={`vtable__row vtable__row--body ${className}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${offset}px)` }}
    >
      {columns.map((column) => (
        <div
          key={column.id}
          role="cell"
          className={`vtable__cell vtable__cell--${column.align ?? 'start'}`}
          data-column={column.id}
        >
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
}

/** Scrolling re-renders the table; rows already on screen keep their props and are skipped. */
const MemoRow = memo(BodyRow) as typeof BodyRow;

/**
 * An ARIA table that renders only the rows in view (plus a few), so 500
 * raters or thousands of votes scroll like ten. One element scrolls both
 * ways with a sticky header, so the header always lines up with the rows;
 * rows are measured after rendering, so a larger font never overlaps them.
 */
export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const {
    label,
    rows,
    columns,
    rowKey,
    estimateRowHeight = 48,
    sort,
    rowClassName,
    rowTestId,
    testId,
    emptyText,
  } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => setHeadHeight(headRef.current?.offsetHeight ?? 0), []);
  // The virtualizer hands out fresh functions each render; React Compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 8,
    scrollMargin: headHeight,
    getItemKey: (index) => rowKey(rows[index] as Row),
  });
  const template = columns.map((column) => column.width).join(' ');
  return (
    <>
      <div
        className="vtable"
        role="table"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        ref={scrollRef}
        tabIndex={0}
        data-testid={testId}
        data-rows={rows.length}
      >
        <div role="rowgroup" className="vtable__head" ref={headRef}>
          <div role="row" aria-rowindex={1} className="vtable__row" style={{ gridTemplateColumns: template }}>
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sort={sort} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="vtable__canvas" style={{ blockSize: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as Row;
            return (
              <MemoRow
                key={item.key}
                row={row}
                index={item.index}
                columns={columns}
                template={template}
                offset={item.start - headHeight}
                className={rowClassName?.(row) ?? ''}
                testId={rowTestId?.(row)}
                measure={virtualizer.measureElement}
              />
            );
          })}
        </div>
      </div>
      {rows.length === 0 ? <p className="vtable__empty">{emptyText}</p> : null}
    </>
  );
}
