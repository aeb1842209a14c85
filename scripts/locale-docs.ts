import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALE_DOCS } from './lib/localeDocs';

/** `npm run docs:locales`: regenerates docs/GLOSSARY.md and locales/REVIEW.md from locales/_glossary and _review. */
const root = fileURLToPath(new URL('..', import.meta.url));
for (const { file, render } of LOCALE_DOCS) {
  fs.writeFileSync(path.join(root, file), render(path.join(root, 'locales')));
  console.log(`wrote ${file}`);
}
