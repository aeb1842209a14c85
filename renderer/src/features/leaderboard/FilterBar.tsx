import { useTranslation } from 'react-i18next';
import { SEGMENT_FIELDS } from '../../../../shared/protocol/leaderboard';
import { useLeaderboard } from '../../stores/leaderboard';
import { SegmentSelects } from './SegmentSelects';
import { SliceSummary } from './SliceSummary';

/** The slice being ranked: five menus, the raters and votes behind it, and a way back to everything. */
export function FilterBar() {
  const { t } = useTranslation('leaderboard');
  const { filter, catalog, primary, setFilterValue } = useLeaderboard();
  const filtered = Object.keys(filter).length > 0;
  return (
    <fieldset className="lb-filters" data-testid="leaderboard-filters">
      <legend>{t('filters.legend')}</legend>
      <SegmentSelects filter={filter} catalog={catalog} onChange={setFilterValue} prefix="filter" />
      <div className="lb-filters__footer">
        <SliceSummary answer={primary} />
        {filtered ? (
          <button type="button" className="button button--quiet" onClick={() => SEGMENT_FIELDS.forEach((field) => setFilterValue(field, null))}>
            {t('filters.clear')}
          </button>
        ) : null}
      </div>
      {catalog && catalog.source === 'none' ? <p className="muted">{t('filters.noCatalog')}</p> : null}
    </fieldset>
  );
}
