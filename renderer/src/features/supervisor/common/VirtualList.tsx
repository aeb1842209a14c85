import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

interface VirtualListProps<Item> {
  label: string;
  items: readonly Item[];
  itemKey(item: Item): string;
  estimateHeight: number;
  render(item: Item): ReactNode;
  testId?: string;
  emptyText: string;
}

/** A list of cards of any height that renders only those in view; each is measured once drawn. */
export function VirtualList<Item>({
  label,
  items,
  itemKey,
  estimateHeight,
  render,
  testId,
  emptyText,
}: VirtualListProps<Item>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer hands out fresh functions each render; React Compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateHeight,
    overscan: 4,
    getItemKey: (index) => itemKey(items[index] as Item),
  });
  if (items.length === 0) return <p className="vtable__empty">{emptyText}</p>;
  return (
    <div
      className="vlist"
      ref={scrollRef}
      tabIndex={0}
      aria-label={label}
      role="region"
      data-testid={testId}
      data-items={items.length}
    >
      <ul className="vlist__canvas" style={{ blockSize: virtualizer.getTotalSize() }} aria-label={label}>
        {virtualizer.getVirtualItems().map((entry) => (
          <li
            key={entry.key}
            data-index={entry.index}
            ref={virtualizer.measureElement}
            className="vlist__item"
            aria-setsize={items.length}
            aria-posinset={entry.index + 1}
            style={{ transform: `translateY(${entry.start}px)` }}
          >
            {render(items[entry.index] as Item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
