import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_LANGUAGE, UI_LANGUAGES } from '../shared/i18n/languages';
import { checkLocale, flattenMessages, type Messages } from './lib/localeCheck';

/**
 * `npm run check:locales`: every shipped language has every namespace, each
 * file is UTF-8 JSON without a BOM, and each passes checkLocale against en.
 */
const localesDir = fileURLToPath(new URL('../locales', import.meta.url));

function readMessages(file: string, problems: string[]): Messages | null {
  const bytes = fs.readFileSync(file);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) problems.push('starts with a byte-order mark');
  try {
    const structural: string[] = [];
    const messages = flattenMessages(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), '', {}, structural);
    problems.push(...structural);
    return messages;
  } catch (error) {
    problems.push(`not valid UTF-8 JSON: ${(error as Error).message}`);
    return null;
  }
}

const shipped = UI_LANGUAGES.filter((language) => !language.pseudo).map((language) => language.code);
const namespaces = fs.readdirSync(path.join(localesDir, SOURCE_LANGUAGE)).filter((name) => name.endsWith('.json'));
const folders = fs.readdirSync(localesDir).filter((name) => fs.statSync(path.join(localesDir, name)).isDirectory());
let failures = 0;

function report(where: string, problems: string[]): void {
  for (const problem of problems) console.error(`${where}: ${problem}`);
  failures += problems.length;
}

for (const folder of folders.filter((name) => !shipped.includes(name))) {
  report(`locales/${folder}`, ['not a shipped language (add it to shared/i18n/languages.ts)']);
}
for (const language of shipped) {
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
    if (target) problems.push(...checkLocale(language, source, target));
    report(where, problems);
  }
}

if (failures) {
  console.error(`check-locales: ${failures} problem(s)`);
  process.exit(1);
}
console.log(`check-locales: ${shipped.length} languages × ${namespaces.length} namespace(s) consistent with ${SOURCE_LANGUAGE}`);
