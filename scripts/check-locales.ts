import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_LANGUAGE, UI_LANGUAGES } from '../shared/i18n/languages';
import {
  checkGlossary,
  checkIdentical,
  checkLocale,
  flattenMessages,
  type Glossary,
  type Messages,
  validateGlossary,
} from './lib/localeCheck';
import { LOCALE_DOCS, type ReviewRecord } from './lib/localeDocs';

/**
 * `npm run check:locales [-- --only de,fr]`: every shipped language has every
 * namespace, each file is UTF-8 JSON without a BOM, and each passes against
 * en: same keys, the language's plural forms, the same placeholders and tags,
 * nothing left in English (bar the reviewed allow-list), and the glossary's
 * term wherever English uses a glossary concept.
 *
 * Folders starting with "_" hold tooling data (glossaries), not a language.
 */
const localesDir = fileURLToPath(new URL('../locales', import.meta.url));

function readJson(file: string, problems: string[]): unknown {
  if (!fs.existsSync(file)) return null;
  const bytes = fs.readFileSync(file);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push('starts with a byte-order mark');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    problems.push(`not valid UTF-8 JSON: ${(error as Error).message}`);
    return null;
  }
}

function readMessages(file: string, problems: string[]): Messages | null {
  const tree = readJson(file, problems);
  return tree === null ? null : flattenMessages(tree, '', {}, problems);
}

function readGlossary(language: string, problems: string[]): Glossary | null {
  const file = path.join(localesDir, '_glossary', `${language}.json`);
  if (!fs.existsSync(file)) {
    problems.push('missing glossary (locales/_glossary/' + language + '.json)');
    return null;
  }
  return readJson(file, problems) as Glossary | null;
}

const onlyArgument = process.argv.indexOf('--only');
const only = onlyArgument >= 0 ? (process.argv[onlyArgument + 1] ?? '').split(',') : null;
const shipped = UI_LANGUAGES.filter((language) => !language.pseudo).map((language) => language.code);
const checked = only ? shipped.filter((code) => only.includes(code)) : shipped;
const namespaces = fs.readdirSync(path.join(localesDir, SOURCE_LANGUAGE)).filter((name) => name.endsWith('.json'));
const folders = fs
  .readdirSync(localesDir)
  .filter((name) => !name.startsWith('_') && fs.statSync(path.join(localesDir, name)).isDirectory());
const allowIdentical = readJson(path.join(localesDir, '_allow-identical.json'), []) as Record<
  string,
  Record<string, string>
> | null;
const englishGlossary = readGlossary(SOURCE_LANGUAGE, []) ?? {};
let failures = 0;

function report(where: string, problems: string[]): void {
  for (const problem of problems) console.error(`${where}: ${problem}`);
  failures += problems.length;
}

for (const folder of folders.filter((name) => !shipped.includes(name))) {
  report(`locales/${folder}`, ['not a shipped language (add it to shared/i18n/languages.ts)']);
}
for (const language of checked) {
  const glossaryProblems: string[] = [];
  const glossary = language === SOURCE_LANGUAGE ? null : readGlossary(language, glossaryProblems);
  if (glossary) glossaryProblems.push(...validateGlossary(englishGlossary, glossary));
  report(`locales/_glossary/${language}.json`, glossaryProblems);
  const allowed = new Set(Object.keys(allowIdentical?.[language] ?? {}).concat(Object.keys(allowIdentical?.['*'] ?? {})));
  for (const namespace of namespaces) {
    const where = `locales/${language}/${namespace}`;
    const file = path.join(localesDir, language, namespace);
    if (!fs.existsSync(file)) {
      report(where, ['missing file']);
      continue;
    }
    const problems: string[] = [];
    const source = readMessages(path.join(localesDir, SOURCE_LANGUAGE, namespace), []) ?? {};
    const target = readMessages(file, problems);
    if (target) {
      problems.push(...checkLocale(language, source, target));
      if (language !== SOURCE_LANGUAGE) problems.push(...checkIdentical(source, target, allowed));
      if (glossary) problems.push(...checkGlossary(englishGlossary, glossary, source, target));
    }
    report(where, problems);
  }
}

// The generated documents must match the data (full runs only: --only is for translators at work).
if (!only) {
  for (const language of shipped.filter((code) => code !== SOURCE_LANGUAGE)) {
    const record = readJson(path.join(localesDir, '_review', `${language}.json`), []) as ReviewRecord | null;
    if (!record?.reviewedBy || typeof record.corrections !== 'number') {
      report(`locales/_review/${language}.json`, ['no independent review recorded (reviewedBy, corrections)']);
    }
  }
  const root = path.dirname(localesDir);
  for (const { file, render } of LOCALE_DOCS) {
    const current = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : '';
    if (current !== render(localesDir)) report(file, ['out of date: run `npm run docs:locales`']);
  }
}

if (failures) {
  console.error(`check-locales: ${failures} problem(s)`);
  process.exit(1);
}
console.log(
  `check-locales: ${checked.length} languages × ${namespaces.length} namespace(s) consistent with ${SOURCE_LANGUAGE} and the glossary`,
);
