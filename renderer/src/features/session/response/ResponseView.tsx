import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { capNesting } from './capNesting';
import { chunkBlocks } from './chunkBlocks';
import { ResponseBlock } from './ResponseBlock';
import { attachDefinitions } from './referenceDefinitions';
import { splitBlocks } from './splitBlocks';
import { useProgressiveCount } from './useProgressiveCount';
import 'katex/dist/katex.min.css';
import './highlight.css';
import './response.css';

export interface ResponseViewProps {
  /** Untrusted markdown written by a model (or by the user, in a prompt). */
  content: string;
  /** Accessible name of the response region, e.g. a translated "Response A". */
  label?: string;
}

/**
 * Renders untrusted markdown safely (see pipeline.ts) and without freezing
 * the window: the source is split into blocks, about a screenful renders at
 * once and the rest follows chunk by chunk while the browser is idle.
 * Callers just pass a string; all the scheduling is internal.
 */
export const ResponseView = memo(function ResponseView({ content, label }: ResponseViewProps) {
  const { t } = useTranslation('response');
  const chunks = useMemo(() => chunkBlocks(attachDefinitions(splitBlocks(content).map(capNesting))), [content]);
  const shown = useProgressiveCount(chunks, chunks.length);
  const pending = shown < chunks.length;

  return (
    <div className="response" role={label ? 'region' : undefined} aria-label={label} aria-busy={pending}>
      {chunks.slice(0, shown).map((chunk, index) => (
        // A chunk's index is its identity: chunks only ever get appended.
        <div className="response__chunk" key={index}>
          {chunk.map((source, blockIndex) => (
            <ResponseBlock key={blockIndex} source={source} />
          ))}
        </div>
      ))}
      {pending && <p className="response__pending">{t('rendering')}</p>}
    </div>
  );
});
