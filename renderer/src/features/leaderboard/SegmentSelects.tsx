import { useTranslation } from 'react-i18next';
import type { CatalogValue, SegmentCatalog } from '../../../../shared/ipc/features/leaderboardContract';
import {
  MAX_RELEASED_FIELDS,
  SEGMENT_FIELDS,
  type SegmentField,
  type SegmentFilter,
} from '../../../../shared/protocol/leaderboard';
import { useFormatters } from './format';

interface SegmentSelectsProps {
  filter: SegmentFilter;
  catalog: SegmentCatalog | null;
  onChange: (field: SegmentField, value: string | null) => void;
  /** Distinguishes the main filter from the comparison's in ids and test ids. */
  prefix: string;
}

/**
 * One menu per segment field; up to two of them narrow the slice (the server releases no finer
 * tables), so once two are set the others wait. Values withheld for privacy say so.
 */
export function SegmentSelects({ filter, catalog, onChange, prefix }: SegmentSelectsProps) {
  const { t } = useTranslation('leaderboard');
  const format = useFormatters();
  const full = SEGMENT_FIELDS.filter((field) => filter[field] !== undefined).length >= MAX_RELEASED_FIELDS;
  const optionLabel = (field: SegmentField, entry: CatalogValue) => {
    const value = format.segmentValue(field, entry.value);
    return entry.withheld || entry.votes === undefined
      ? t('filters.optionPrivate', { value })
      : t('filters.option', { value, count: entry.votes });
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
              disabled={full && current === undefined}
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
      {full ? (
        <p className="muted lb-selects__limit" data-testid={`${prefix}-limit`}>
          {t('filters.twoFields')}
        </p>
      ) : null}
    </div>
  );
}
