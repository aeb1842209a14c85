import { memo, useMemo } from 'react';
import { LargeTable } from './LargeTable';
import { largeTableParts } from './largeTable';
import { MarkdownBlock } from './MarkdownBlock';

/** One top-level block: a big table takes the incremental path, anything else is parsed whole. */
export const ResponseBlock = memo(function ResponseBlock({ source }: { source: string }) {
  const table = useMemo(() => largeTableParts(source), [source]);
  return table ? <LargeTable head={table.head} groups={table.groups} /> : <MarkdownBlock source={source} />;
});
