import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * What may survive from model-written markdown, derived from GitHub's rules
 * (rehype-sanitize's defaultSchema) and narrowed further:
 * - no `id` or `name`: two responses side by side would clash, and we never
 *   scroll to in-page anchors (non-https links do not navigate);
 * - no ARIA references (they would point at the ids we removed);
 * - no `src`/`longDesc` on images: images are never loaded (BlockedImage),
 *   so a remote URL never even reaches the DOM layer;
 * - no focus or form plumbing (`tabIndex`, `accessKey`, `action`, …);
 * - `code` keeps `language-*` (for highlighting) and remark-math's
 *   `math-inline`/`math-display` (so rehypeMath sees what the author meant);
 *   `p` keeps the one class rehypeRawToText gives an HTML block shown as text.
 * Raw HTML never gets here as markup (rehypeRawToText turns it into text),
 * so this schema is the second wall, not the first.
 */
const DROPPED_EVERYWHERE = new Set([
  'id',
  'name',
  'tabIndex',
  'accessKey',
  'action',
  'method',
  'encType',
  'acceptCharset',
  'useMap',
  'isMap',
  'ariaDescribedBy',
  'ariaLabelledBy',
]);
const DROPPED_TAGS = new Set(['details', 'summary', 'picture', 'source', 'div']);

type AttributeList = NonNullable<NonNullable<Schema['attributes']>[string]>;

const attributeName = (entry: AttributeList[number]) => (Array.isArray(entry) ? entry[0] : entry);
const keep = (list: AttributeList | undefined): AttributeList =>
  (list ?? []).filter((entry) => !DROPPED_EVERYWHERE.has(attributeName(entry)));

const defaults = defaultSchema.attributes ?? {};

export const responseSchema: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !DROPPED_TAGS.has(tag)),
  attributes: {
    ...Object.fromEntries(Object.entries(defaults).map(([tag, list]) => [tag, keep(list)])),
    img: keep(defaults.img).filter((entry) => !['src', 'longDesc'].includes(attributeName(entry))),
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    // Added by rehypeRawToText around an HTML block shown as text.
    p: [['className', 'response-raw']],
  },
  protocols: { href: ['http', 'https', 'mailto'], cite: ['https'] },
  clobber: [],
  strip: ['script', 'style'],
};
