/**
 * Checks one locale's messages against the English source: same keys, the
 * plural forms the language really has (from Intl.PluralRules, not a guess),
 * and the same {{placeholders}} and <0></0> tags, so a translation can never
 * drop a number or break markup. Pure functions; the script does the I/O.
 */
export type Messages = Record<string, string>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export function flattenMessages(tree: unknown, prefix = '', out: Messages = {}, problems: string[] = []): Messages {
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) {
    problems.push(`${prefix || '(root)'}: expected an object of messages`);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else flattenMessages(value, path, out, problems);
  }
  return out;
}

function baseKey(key: string): { base: string; category: string | null } {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? { base: key.slice(0, match.index), category: match[1] ?? null } : { base: key, category: null };
}

function placeholdersOf(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((match) => match[1] ?? '');
  const tags = [...text.matchAll(/<\/?(\d+)>/g)].map((match) => `<${match[0].startsWith('</') ? '/' : ''}${match[1]}>`);
  return [...names, ...tags].sort();
}

function groupByBase(messages: Messages): Map<string, Map<string | null, string>> {
  const groups = new Map<string, Map<string | null, string>>();
  for (const [key, value] of Object.entries(messages)) {
    const { base, category } = baseKey(key);
    const group = groups.get(base) ?? new Map<string | null, string>();
    group.set(category, value);
    groups.set(base, group);
  }
  return groups;
}

export function checkLocale(language: string, source: Messages, target: Messages): string[] {
  const problems: string[] = [];
  const sourceGroups = groupByBase(source);
  const targetGroups = groupByBase(target);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];

  for (const base of targetGroups.keys()) {
    if (!sourceGroups.has(base)) problems.push(`${base}: not in the English source (remove it or add it to en)`);
  }
  for (const [base, sourceGroup] of sourceGroups) {
    const targetGroup = targetGroups.get(base);
    if (!targetGroup) {
      problems.push(`${base}: missing`);
      continue;
    }
    const isPlural = [...sourceGroup.keys()].some((category) => category !== null);
    if (isPlural) problems.push(...checkPluralForms(base, categories, targetGroup));
    const expected = placeholdersOf([...sourceGroup.values()][0] ?? '');
    for (const [category, text] of targetGroup) {
      const where = category ? `${base}_${category}` : base;
      if (!text.trim()) problems.push(`${where}: empty`);
      const found = placeholdersOf(text);
      // Plural forms may drop {{count}} (e.g. Arabic "one" reads "one vote"), so compare the others.
      const relevant = (list: string[]) => (isPlural ? list.filter((name) => name !== 'count') : list);
      if (relevant(found).join() !== relevant(expected).join()) {
        problems.push(`${where}: placeholders ${JSON.stringify(found)} differ from English ${JSON.stringify(expected)}`);
      }
    }
  }
  return problems;
}

function checkPluralForms(base: string, categories: string[], group: Map<string | null, string>): string[] {
  const present = [...group.keys()].filter((category): category is string => category !== null);
  const missing = categories.filter((category) => !present.includes(category));
  const extra = present.filter((category) => !categories.includes(category));
  const problems: string[] = [];
  if (group.has(null)) problems.push(`${base}: plural message also has a form without a plural suffix`);
  if (missing.length) problems.push(`${base}: missing plural forms ${missing.join(', ')}`);
  if (extra.length) problems.push(`${base}: plural forms ${extra.join(', ')} do not exist in this language`);
  return problems;
}

/**
 * Names and notations that stay the same in every language. A message that is
 * nothing but these, placeholders, tags, digits and punctuation may equal the
 * English one; anything else identical to English is an untranslated string.
 */
const UNTRANSLATABLE = /Verdict|Bradley[–-]Terry|Krippendorff|Cohen|Fleiss|Elo|CSV|JSONL?|UUID|HTTPS?|URL|API|CI|[κα]/g;

export function isIdentityAllowed(text: string): boolean {
  const stripped = text
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/<\/?\d+>/g, '')
    .replace(UNTRANSLATABLE, '');
  return !/\p{L}/u.test(stripped);
}

/** Messages equal to English that are neither pure notation nor on the reviewed allow-list. */
export function checkIdentical(source: Messages, target: Messages, allowed: ReadonlySet<string>): string[] {
  return Object.entries(target)
    .filter(([key, text]) => source[key] === text || source[`${baseKey(key).base}_other`] === text)
    .filter(([key, text]) => !isIdentityAllowed(text) && !allowed.has(key) && !allowed.has(baseKey(key).base))
    .map(([key]) => `${key}: identical to English (translate it, or add it to locales/_allow-identical.json with a reason)`);
}

/** One glossary entry: the term's chosen translation and the forms that count as using it. */
export interface GlossaryTerm {
  term: string;
  forms: string[];
}
export type Glossary = Record<string, GlossaryTerm>;

function containsForm(text: string, forms: readonly string[], wholeWords: boolean): boolean {
  const lower = text.toLocaleLowerCase();
  return forms.some((form) => {
    const needle = form.toLocaleLowerCase();
    if (!wholeWords) return lower.includes(needle);
    return new RegExp(`(^|[^\\p{L}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(lower);
  });
}

function glossaryEntryProblem(concept: string, entry: GlossaryTerm | undefined): string | null {
  if (!entry || typeof entry.term !== 'string' || !entry.term.trim() || !Array.isArray(entry.forms) || entry.forms.length === 0) {
    return `no entry for “${concept}”`;
  }
  // A form must be a word of the language: a placeholder or a one-letter stem would match anything.
  const vague = entry.forms.filter((form) => /[{}<>]/.test(form) || [...form.trim()].length < 2);
  return vague.length ? `“${concept}” lists forms that are not words (${vague.join(', ')}); name the term itself` : null;
}

/** A language's glossary covers every concept of the English one, each with real words. */
export function validateGlossary(english: Glossary, glossary: Glossary): string[] {
  return Object.keys(english).flatMap((concept) => glossaryEntryProblem(concept, glossary[concept]) ?? []);
}

/**
 * Terminology consistency: where an English message uses a glossary term (any
 * of its English forms, as whole words), the translation must use one of the
 * forms the language's glossary lists for it (as a substring, so inflected and
 * compounded words count). One concept, one name, on every screen.
 */
export function checkGlossary(english: Glossary, glossary: Glossary, source: Messages, target: Messages): string[] {
  const problems: string[] = [];
  for (const [concept, englishTerm] of Object.entries(english)) {
    const local = glossary[concept];
    if (!local || glossaryEntryProblem(concept, local)) continue; // reported once by validateGlossary
    for (const [key, text] of Object.entries(target)) {
      // Placeholder names ({{votes}}) are not words the reader sees: only the English prose counts.
      const englishText = (source[key] ?? source[`${baseKey(key).base}_other`] ?? '').replace(/\{\{[^}]*\}\}/g, ' ');
      if (!containsForm(englishText, englishTerm.forms, true)) continue;
      if (!containsForm(text, local.forms, false)) {
        problems.push(`${key}: English says “${concept}” but none of the glossary's forms (${local.forms.join(', ')}) appear`);
      }
    }
  }
  return problems;
}
