import type { RankingResult, RankingWarning } from '../../shared/ranking/index';

/** Fixed-width leaderboard: rank, model, rating, lower, upper, votes. */
export function formatTable(result: RankingResult): string {
  const header = ['rank', 'model', 'rating', 'lower', 'upper', 'votes'];
  const rows = result.models.map((m) => [
    String(m.rank),
    m.model,
    m.rating.toFixed(1),
    m.lower.toFixed(1),
    m.upper.toFixed(1),
    String(m.votes),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const numeric = [true, false, true, true, true, true];
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function describeWarning(warning: RankingWarning): string {
  switch (warning.kind) {
    case 'disconnected':
      return `the comparison graph has ${warning.components.length} disconnected groups; ratings across groups are not comparable: ${warning.components.map((c) => `[${c.join(', ')}]`).join(' ')}`;
    case 'undefeated':
      return `${warning.model} never lost: its exact rating would be +infinity (kept finite by the ridge)`;
    case 'winless':
      return `${warning.model} never won: its exact rating would be -infinity (kept finite by the ridge)`;
    case 'separable':
      return `some models beat every model outside their group, so no exact maximum-likelihood fit exists: ${warning.components.map((c) => `[${c.join(', ')}]`).join(' ')}`;
    case 'regularized':
      return `ratings use a ridge penalty of ${warning.ridge} (natural-log scale) because the exact fit does not exist`;
    case 'no_votes':
      return `models with no votes were left out: ${warning.models.join(', ')}`;
    case 'anchor_missing':
      return `anchor model ${warning.model} has no votes; ratings are centred on 1000 instead`;
    case 'bootstrap_degenerate':
      return `${warning.rounds} bootstrap rounds had no exact fit and used the ridge`;
    case 'not_converged':
      return `the fit stopped after ${warning.iterations} iterations with gradient ${warning.gradient.toExponential(2)}`;
  }
}
