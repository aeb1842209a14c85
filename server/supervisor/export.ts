import type { RaterVote } from '../../shared/protocol/supervisor';

const COLUMNS: ReadonlyArray<[string, (vote: RaterVote) => unknown]> = [
  ['vote_id', (v) => v.voteId],
  ['rater_id', (v) => v.raterId],
  ['item_id', (v) => v.itemId],
  ['kind', (v) => v.kind],
  ['language', (v) => v.language],
  ['category', (v) => v.category],
  ['shown_first', (v) => v.shownFirst],
  ['shown_second', (v) => v.shownSecond],
  ['choice', (v) => v.choice],
  ['winner', (v) => v.winner],
  ['gold_correct', (v) => v.goldCorrect],
  ['confidence', (v) => v.confidence],
  ['active_ms', (v) => v.activeMs],
  ['voted_at', (v) => v.votedAt],
  ['received_at', (v) => v.receivedAt],
  ['country', (v) => v.segment.country],
  ['age_band', (v) => v.segment.age_band],
  ['education', (v) => v.segment.education],
  ['reason_tags', (v) => v.reasonTags.join('|')],
  ['flags', (v) => v.flags.join('|')],
  ['criteria', (v) => (Object.keys(v.criteria).length ? JSON.stringify(v.criteria) : '')],
  ['rationale', (v) => v.rationale],
];

/**
 * RFC 4180 quoting, plus a leading apostrophe on cells a spreadsheet would
 * run as a formula: rationales are free text typed by raters.
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function votesToCsv(votes: readonly RaterVote[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const vote of votes) lines.push(COLUMNS.map(([, get]) => cell(get(vote))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function votesToJsonl(votes: readonly RaterVote[]): string {
  return votes.map((vote) => `${JSON.stringify(vote)}\n`).join('');
}
