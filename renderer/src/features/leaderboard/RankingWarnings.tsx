import { useTranslation } from 'react-i18next';
import type { RankingWarning } from '../../../../shared/ranking';
import { useFormatters } from './format';

/**
 * What limits the numbers (from shared/ranking), as one line with the details
 * on demand: a board under thirteen lines of caveats is not a board anyone reads.
 */
export function RankingWarnings({ warnings }: { warnings: RankingWarning[] }) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  const lines = warnings.flatMap((warning) => {
    switch (warning.kind) {
      case 'disconnected':
      case 'separable':
        return [t(`warning.${warning.kind}`, { count: warning.components.length })];
      case 'undefeated':
      case 'winless':
        return [t(`warning.${warning.kind}`, { model: warning.model })];
      case 'anchor_missing':
        return [t('warning.anchor_missing', { model: warning.model, mean: format.mean })];
      case 'no_votes':
        return [t('warning.no_votes', { count: warning.models.length })];
      case 'bootstrap_degenerate':
        return [t('warning.bootstrap_degenerate', { count: warning.rounds })];
      case 'not_converged':
        return [t('warning.not_converged')];
      case 'regularized':
        return [t('warning.regularized')];
    }
  });
  if (lines.length === 0) return null;
  return (
    <details className="lb-warnings" data-testid="ranking-warnings">
      <summary>{t('warning.summary', { count: lines.length })}</summary>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
