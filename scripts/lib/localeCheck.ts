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
