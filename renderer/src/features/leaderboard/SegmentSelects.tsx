import { useTranslation } from 'react-i18next';
import type { CatalogValue, SegmentCatalog } from '../../../../shared/ipc/features/leaderboardContract';
import { SEGMENT_FIELDS, type SegmentField, type SegmentFilter } from '../../../../shared/protocol/leaderboard';
import { useFormatters } from './format';

interface SegmentSelectsProps {
  filter: SegmentFilter;
  catalog: SegmentCatalog | null;
  onChange: (field: SegmentField, value: string | null) => void;
  /** Distinguishes the main filter from the comparison's in ids and test ids. */
  prefix: string;
}

/** One menu per segment field; any combination narrows the slice. Values withheld for privacy say so. */
export function SegmentSelects({ filter, catalog, onChange, prefix }: SegmentSelectsProps) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  const optionLabel = (field: SegmentField, entry: CatalogValue) => {
    const value = format.segmentValue(field, entry.value);
    return entry.withheld ? t('filters.optionWithheld', { value }) : t('filters.option', { value, count: entry.votes });
  };
  return (
    <div className="lb-selects">
      {SEGMENT_FIELDS.map((field) => {
        const values = catalog?.fields[field] ?? [];
        const current = filter[field];
        const known = current === undefined || values.some((entry) => entry.value === current);
        return (
          <label key={field} className="lb-select">
            <span>{t(`field.${field}`)}</span>
            <select
              value={current ?? ''}
              onChange={(event) => onChange(field, event.target.value || null)}
              data-testid={`${prefix}-${field}`}
            >
              <option value="">{t('filters.any')}</option>
              {known ? null : <option value={current}>{format.segmentValue(field, current)}</option>}
              {values.map((entry) => (
                <option key={entry.value} value={entry.value}>
                  {optionLabel(field, entry)}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </div>
  );
}
