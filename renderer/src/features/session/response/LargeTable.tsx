import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { useTranslation } from 'react-i18next';
import type { LargeTableParts } from './largeTable';
import { markdownComponents, TableRegion } from './markdownComponents';
import { rehypePlugins, remarkPlugins } from './pipeline';
import { useProgressiveCount } from './useProgressiveCount';

/**
 * A big table rendered as one <table>: the header once, then each group of
 * rows as its own <tbody>, parsed and added one group per idle moment.
 * Each group is parsed as "header + rows" (a valid table on its own) through
 * the same safe pipeline; only its body rows are kept.
 */
const Unwrapped = ({ children }: { children?: ReactNode }) => <>{children}</>;
const Dropped = () => null;

const headComponents: Components = { ...markdownComponents, table: Unwrapped };
const bodyComponents: Components = { ...markdownComponents, table: Unwrapped, thead: Dropped };

const TablePart = memo(function TablePart({ source, components }: { source: string; components: Components }) {
  return (
    <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
      {source}
    </Markdown>
  );
});

export const LargeTable = memo(function LargeTable({ head, groups }: LargeTableParts) {
  const { t } = useTranslation('response');
  const shown = useProgressiveCount(groups, groups.length);
  const pending = shown < groups.length;
  return (
    <TableRegion busy={pending}>
      <table dir="auto">
        <TablePart source={head} components={headComponents} />
        {groups.slice(0, shown).map((rows, index) => (
          // Groups only ever get appended; the position is the identity.
          <TablePart key={index} source={`${head}\n${rows}`} components={bodyComponents} />
        ))}
      </table>
      {pending && <p className="response__pending">{t('rendering')}</p>}
    </TableRegion>
  );
});
