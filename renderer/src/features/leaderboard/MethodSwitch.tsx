import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ROUNDS } from '../../../../shared/ranking';
import { useLeaderboard, type CiMethod } from '../../stores/leaderboard';
import { useFormatters } from './format';
import { usePreviewResults } from './preview/previewResults';

const METHODS: CiMethod[] = ['sandwich', 'bootstrap'];

/** For the curious: how the intervals are made. Style control has its own panel (StylePanel). */
export function MethodSwitch() {
  const { t } = useTranslation('leaderboard');
  const id = useId();
  const format = useFormatters();
  const { method, setMethod, weights, setWeights } = useLeaderboard();
  const primaryMs = usePreviewResults((state) => state.primaryMs);
  return (
    <details className="lb-method">
      <summary>{t('method.summary', { method: t(`method.${method}`, { rounds: DEFAULT_ROUNDS }) })}</summary>
      <fieldset>
        <legend>{t('method.legend', { level: format.level })}</legend>
        {METHODS.map((value) => (
          <label key={value} className="radio-row">
            <input type="radio" name={`${id}-method`} value={value} checked={method === value} onChange={() => setMethod(value)} data-testid={`method-${value}`} />
            {t(`method.${value}`, { rounds: DEFAULT_ROUNDS })}
          </label>
        ))}
        <label className="radio-row">
          <input type="checkbox" checked={weights === 'balanced'} onChange={(event) => setWeights(event.target.checked ? 'balanced' : 'none')} data-testid="weights-balanced" />
          {t('method.balanced')}
        </label>
        {primaryMs !== null ? (
          <p className="muted" data-testid="ranking-ms" data-ms={primaryMs}>
            {t('method.timing', { ms: Math.max(1, Math.round(primaryMs)) })}
          </p>
        ) : null}
      </fieldset>
    </details>
  );
}
