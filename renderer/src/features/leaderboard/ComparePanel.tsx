import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedModel } from '../../../../shared/ranking';
import { useLeaderboard, type CompareMode } from '../../stores/leaderboard';
import { useFormatters } from './format';
import { PrivacyNotice } from './PrivacyNotice';
import { compareBoards } from './preview/compareBoards';
import { usePreviewResults } from './preview/previewResults';
import { SegmentSelects } from './SegmentSelects';
import { SliceSummary } from './SliceSummary';

const MODES: CompareMode[] = ['off', 'slice', 'rest'];

/** Two slices side by side (another slice, or every vote outside this one), with each model's rank change. */
export function ComparePanel({ primaryModels }: { primaryModels: RankedModel[] }) {
  const { t } = useTranslation('leaderboard');
  const id = useId();
  const format = useFormatters();
  const { filter, compareMode, compareFilter, catalog, secondary, setCompareMode, setCompareValue } = useLeaderboard();
  const { secondary: result, secondaryPending } = usePreviewResults();
  const filtered = Object.keys(filter).length > 0;
  const nameA = format.sliceName(filter);
  const nameB = compareMode === 'rest' ? t('compare.restName', { slice: nameA }) : format.sliceName(compareFilter);
  return (
    <section className="lb-panel" aria-labelledby={`${id}-title`} data-testid="compare-panel">
      <h2 id={`${id}-title`}>{t('compare.title')}</h2>
      <fieldset className="lb-compare-modes">
        <legend>{t('compare.legend')}</legend>
        {MODES.map((mode) => (
          <label key={mode} className="radio-row">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={compareMode === mode}
              disabled={mode === 'rest' && !filtered}
              onChange={() => setCompareMode(mode)}
              data-testid={`compare-${mode}`}
            />
            {t(`compare.mode.${mode}`)}
          </label>
        ))}
        {!filtered ? <p className="muted">{t('compare.restNeedsFilter')}</p> : null}
      </fieldset>
      {compareMode === 'slice' ? <SegmentSelects filter={compareFilter} catalog={catalog} onChange={setCompareValue} prefix="compare" /> : null}
      {compareMode === 'slice' ? <SliceSummary answer={secondary} testId="compare-summary" /> : null}
      {compareMode === 'off' ? null : (
        <CompareBody primaryModels={primaryModels} nameA={nameA} nameB={nameB} busy={secondaryPending} result={result?.compare ?? null} />
      )}
    </section>
  );
}

interface CompareBodyProps {
  primaryModels: RankedModel[];
  nameA: string;
  nameB: string;
  busy: boolean;
  result: { ranking: { models: RankedModel[] } | null; withheld: boolean; ratersAtLeast: number } | null;
}

function CompareBody({ primaryModels, nameA, nameB, busy, result }: CompareBodyProps) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  const secondary = useLeaderboard((state) => state.secondary);
  if (secondary?.state === 'missing') return <p className="notice notice--warn">{t(`snapshot.missing.${secondary.shortfall}`)}</p>;
  if (secondary?.state === 'ready' && secondary.snapshot.withheld) {
    return <PrivacyNotice minRaters={secondary.snapshot.minRaters} testId="compare-privacy" />;
  }
  if (result?.withheld) return <p className="notice notice--warn" data-testid="compare-privacy">{t('compare.restWithheldNoCount')}</p>;
  if (!result?.ranking) return <p className="muted">{t('updating')}</p>;
  const shifts = compareBoards(primaryModels, result.ranking.models);
  return (
    <div className="lb-table__scroll lb-table__scroll--bounded">
      <table className="lb-grid" aria-busy={busy} data-testid="compare-table">
        <caption>{t('compare.caption', { a: nameA, b: nameB })}</caption>
        <thead>
          <tr>
            <th scope="col" className="lb-grid__model">{t('table.column.model')}</th>
            <th scope="col">{t('compare.rankA')}</th>
            <th scope="col">{t('compare.rankB')}</th>
            <th scope="col">{t('compare.change')}</th>
            <th scope="col">{t('compare.ratingA')}</th>
            <th scope="col">{t('compare.ratingB')}</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((shift) => (
            <tr key={shift.model} data-model={shift.model} data-gain={shift.rankGain ?? ''} data-verdict={shift.verdict ?? ''}>
              <th scope="row">
                <bdi>{shift.model}</bdi>
              </th>
              <td>{shift.a ? format.integer(shift.a.rank) : '–'}</td>
              <td>{shift.b ? format.integer(shift.b.rank) : '–'}</td>
              <td>{shift.verdict ? t(`compare.verdict.${shift.verdict}`) : t('compare.notRanked')}</td>
              <td>{shift.a ? format.rating(shift.a.rating) : '–'}</td>
              <td>{shift.b ? format.rating(shift.b.rating) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
