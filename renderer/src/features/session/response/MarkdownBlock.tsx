import { memo, useMemo } from 'react';
import Markdown, { type Options } from 'react-markdown';
import { useTranslation } from 'react-i18next';
import { markdownComponents } from './markdownComponents';
import { rehypePlugins, remarkPlugins } from './pipeline';

/**
 * One top-level block of a response, parsed and rendered on its own.
 * Memoized on its source: when the parent re-renders, or the next chunk of
 * the same response appears, blocks already on screen are not parsed again.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ source }: { source: string }) {
  const { t } = useTranslation('response');
  // GFM footnotes carry a heading and back-link labels of their own; make them ours.
  const remarkRehypeOptions = useMemo<NonNullable<Options['remarkRehypeOptions']>>(
    () => ({
      footnoteLabel: t('footnotes.label'),
      footnoteBackLabel: (referenceIndex: number) => t('footnotes.back', { number: referenceIndex + 1 }),
    }),
    [t],
  );
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      remarkRehypeOptions={remarkRehypeOptions}
      components={markdownComponents}
    >
      {source}
    </Markdown>
  );
});
