import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupervisor } from '../../../stores/supervisor';
import { useFormat } from '../common/useFormat';
import { AgreementHeatmap } from './AgreementHeatmap';
import { SliceTable } from './SliceTable';

/** How much the pool agrees: the server's overall numbers, then per language, per category and rater by rater. */
export function PoolView() {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const pool = useSupervisor((state) => state.team?.pool ?? null);
  const raters = useSupervisor((state) => state.team?.raters ?? null);
  const analysis = useSupervisor((state) => state.analysis);
  const names = useMemo(() => new Map((raters ?? []).map((r) => [r.id, r.displayName])), [raters]);
  if (!pool) return null;
  const overall: Array<[string, string, number | null]> = [
    ['alphaNominal', f.decimal(pool.krippendorffAlphaNominal, 3), pool.krippendorffAlphaNominal],
    ['alphaOrdinal', f.decimal(pool.krippendorffAlphaOrdinal, 3), pool.krippendorffAlphaOrdinal],
    ['fleiss', f.decimal(pool.fleissKappa, 3), pool.fleissKappa],
    ['meanCohen', f.decimal(pool.meanCohenKappa, 3), pool.meanCohenKappa],
  ];
  return (
    <section aria-labelledby="pool-title" className="supervisor-view">
      <h2 id="pool-title">{t('pool.title')}</h2>
      <p>
        {t('pool.scope', {
          votes: f.integer(pool.votes),
          raters: f.integer(pool.raters),
          items: f.integer(pool.items),
        })}
      </p>
      <dl className="pool-stats" data-testid="pool-overall">
        {overall.map(([key, text, value]) => (
          <div key={key} className="pool-stats__item">
            <dt>{t(`pool.${key}`)}</dt>
            <dd data-metric={key} data-value={value ?? ''}>
              {text}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('pool.lowIsNormal')}</p>
      {analysis ? (
        <>
          <SliceTable title={t('pool.byLanguage')} slices={analysis.slices.language} testId="slice-language" />
          <SliceTable title={t('pool.byCategory')} slices={analysis.slices.category} testId="slice-category" />
          <h3>{t('pool.heatmapTitle')}</h3>
          <AgreementHeatmap heatmap={analysis.heatmap} names={names} />
        </>
      ) : (
        <p className="muted">{t('detail.waitingForVotes')}</p>
      )}
    </section>
  );
}
