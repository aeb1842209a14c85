import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentField, SegmentFilter } from '../../../../shared/protocol/leaderboard';
import { SEGMENT_FIELDS } from '../../../../shared/protocol/leaderboard';
import { useNow } from '../../hooks/useNow';
import { categoryLabel, intlLocales, languageName, regionName, relativeTime } from '../../i18n/intl';

export interface Formatters {
  integer(value: number): string;
  rating(value: number): string;
  percent(value: number): string;
  /** "95%" and "1000" as the UI language writes them, for sentences about the scale. */
  level: string;
  mean: string;
  /** A signed change in rating points: "+3", "−0.4". */
  change(value: number): string;
  /** A segment value in the UI language: language and country names through Intl, education through our strings. */
  segmentValue(field: SegmentField, value: string): string;
  /** "all votes", or "Language: German, Country: Egypt". */
  sliceName(filter: SegmentFilter): string;
}

/** Numbers and names in the UI language (Arabic gets Arabic digits where its locale uses them). */
export function useFormatters(): Formatters {
  const { t, i18n } = useTranslation('leaderboard');
  const language = i18n.language;
  return useMemo(() => {
    const locales = intlLocales(language);
    const integer = new Intl.NumberFormat(locales, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locales, { style: 'percent', maximumFractionDigits: 0 });
    const change = new Intl.NumberFormat(locales, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
    const list = new Intl.ListFormat(locales, { style: 'short', type: 'conjunction' });
    const segmentValue = (field: SegmentField, value: string): string => {
      if (field === 'language') return languageName(value, language);
      if (field === 'country') return regionName(value, language);
      if (field === 'education') return t(`education.${value}`, { defaultValue: value });
      if (field === 'category') return categoryLabel(t, value);
      return value;
    };
    return {
      integer: (value) => integer.format(value),
      rating: (value) => integer.format(Math.round(value)),
      percent: (value) => percent.format(value),
      level: percent.format(0.95),
      mean: integer.format(1000),
      change: (value) => change.format(Math.abs(value) < 10 ? value : Math.round(value)),
      segmentValue,
      sliceName(filter) {
        const parts = SEGMENT_FIELDS.filter((field) => filter[field] !== undefined).map((field) =>
          t('slice.part', { field: t(`field.${field}`), value: segmentValue(field, filter[field] as string) }),
        );
        return parts.length ? list.format(parts) : t('slice.all');
      },
    };
  }, [t, language]);
}

/** "5 minutes ago" in the UI language, as text (to go inside a translated sentence); never in the future tense. */
export function useRelativeTime(iso: string | null): string {
  const { i18n } = useTranslation();
  const now = useNow(30_000);
  if (!iso) return '';
  return relativeTime(Math.min(0, Date.parse(iso) - now), i18n.language);
}
