/** Builds a long, realistic model response: headings, paragraphs, lists, code. */
const WORDS = [
  'the',
  'model',
  'answers',
  'with',
  'a',
  'careful',
  'explanation',
  'of',
  'how',
  'ranking',
  'works',
  'and',
  'why',
];

export interface LongResponse {
  source: string;
  paragraphs: number;
  words: number;
}

export function longResponse(paragraphs = 400, wordsPerParagraph = 50): LongResponse {
  const parts: string[] = [];
  for (let index = 0; index < paragraphs; index += 1) {
    if (index % 20 === 0) parts.push(`## Section ${index / 20 + 1}`);
    const words = Array.from({ length: wordsPerParagraph }, (_, word) => WORDS[(index + word) % WORDS.length]);
    words[0] = `P${index}`;
    parts.push(words.join(' '));
    if (index % 50 === 25) parts.push('```js\nconst answer = 42;\n\nconsole.log(answer);\n```');
  }
  return { source: parts.join('\n\n'), paragraphs, words: paragraphs * wordsPerParagraph };
}
