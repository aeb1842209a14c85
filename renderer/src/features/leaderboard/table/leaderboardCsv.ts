import type { RankedModel } from '../../../../../shared/ranking';

const HEADER = ['rank', 'model', 'rating', 'lower_95', 'upper_95', 'votes', 'wins', 'losses', 'ties', 'win_rate'];

/** Share of points won: ties and both-bad count half, as in the fit. */
export function winRate(model: Pick<RankedModel, 'wins' | 'ties' | 'votes'>): number {
  return model.votes > 0 ? (model.wins + model.ties / 2) / model.votes : 0;
}

/**
 * RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a
 * formula (=, +, -, @): model names come from the server and are not ours to trust.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The table as CSV with full-precision numbers (the screen rounds them), machine-readable column names. */
export function leaderboardCsv(models: readonly RankedModel[]): string {
  const lines = models.map((m) =>
    [m.rank, m.model, round(m.rating, 2), round(m.lower, 2), round(m.upper, 2), m.votes, m.wins, m.losses, m.ties, round(winRate(m), 4)]
      .map(csvField)
      .join(','),
  );
  return [HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
