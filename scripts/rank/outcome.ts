import type { Outcome } from '../../shared/ranking/index';

/** Winner spellings of LMArena dumps (model_a, model_b, tie, tie (bothbad)) and of LLMFAO (left, right, tie). */
const WINNERS: Record<string, Outcome> = {
  model_a: 'a',
  model_b: 'b',
  left: 'a',
  right: 'b',
  tie: 'tie',
  'tie (bothbad)': 'both_bad',
  both_bad: 'both_bad',
};

export const WINNER_VALUES = Object.keys(WINNERS).join(', ');

export function parseWinner(value: string): Outcome | undefined {
  return Object.prototype.hasOwnProperty.call(WINNERS, value) ? WINNERS[value] : undefined;
}

const SPELLINGS = Object.entries(WINNERS);

/** parseWinner on text[start, end) without slicing it (the CSV fast path). */
export function parseWinnerAt(text: string, start: number, end: number): Outcome | undefined {
  for (const [spelling, outcome] of SPELLINGS) {
    if (spelling.length === end - start && text.startsWith(spelling, start)) return outcome;
  }
  return undefined;
}
