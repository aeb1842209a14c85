import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { PluggableList } from 'unified';
import { rehypeBidiControls } from './rehypeBidiControls';
import { rehypeDirection } from './rehypeDirection';
import { rehypeHighlightShared } from './rehypeHighlightShared';
import { rehypeMath } from './rehypeMath';
import { rehypeRawToText } from './rehypeRawToText';
import { remarkLimitDepth } from './remarkLimitDepth';
import { responseSchema } from './sanitizeSchema';

export const remarkPlugins: PluggableList = [remarkGfm, remarkMath, remarkLimitDepth];

/**
 * ORDER MATTERS:
 * 1. rehypeRawToText: raw HTML the model wrote becomes inert text, first.
 * 2. rehype-sanitize: everything the model wrote is now filtered by the
 *    schema: tags, attributes, classes and URL protocols.
 * 3. rehypeMath (KaTeX), then 4. rehype-highlight: both build their markup
 *    only from the *text* of nodes the sanitizer already passed (math code
 *    and fenced code), and add classes, spans, inline SVG/MathML and, for
 *    KaTeX, layout styles. Running them after sanitizing is what keeps that output
 *    intact; running the sanitizer after them would strip it (and allowing
 *    `style`/`class` in the schema instead would let the model write them too).
 *    Math goes first so the highlighter never sees `language-math` code.
 * 5. rehypeDirection: our dir="auto"/"ltr" and alignment classes.
 * 6. rehypeBidiControls: bidi override/embedding/isolate characters become
 *    visible markers, in every text node, code and math included.
 * Nothing after step 2 takes markup from the model, so nothing the model
 * wrote can become live HTML.
 */
export const rehypePlugins: PluggableList = [
  rehypeRawToText,
  [rehypeSanitize, responseSchema],
  rehypeMath,
  rehypeHighlightShared,
  rehypeDirection,
  rehypeBidiControls,
];
