import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentField, SegmentFilter } from '../../../../shared/protocol/leaderboard';
import { SEGMENT_FIELDS } from '../../../../shared/protocol/leaderboard';
import { useNow } from '../../hooks/useNow';

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

function displayNames(language: string, type: 'language' | 'region'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language, 'en'], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

/** Numbers and names in the UI language (Arabic gets Arabic digits where its locale uses them). */
export function useFormatters(): Formatters {
  const { t, i18n } = useTranslation('leaderboard');
  const language = i18n.language;
  return useMemo(() => {
    const integer = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const change = new Intl.NumberFormat(language, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
    const languages = displayNames(language, 'language');
    const regions = displayNames(language, 'region');
    const list = new Intl.ListFormat(language, { style: 'short', type: 'conjunction' });
    const segmentValue = (field: SegmentField, value: string): string => {
      if (field === 'language') return safeOf(languages, value);
      if (field === 'country') return safeOf(regions, value);
      if (field === 'education') return t(`education.${value}`, { defaultValue: value });
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

function safeOf(names: Intl.DisplayNames | null, code: string): string {
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "5 minutes ago" in the UI language, as text (to go inside a translated sentence); ticks every 30 s. */
export function useRelativeTime(iso: string | null): string {
  const { i18n } = useTranslation();
  const now = useNow(30_000);
  if (!iso) return '';
  const delta = Date.parse(iso) - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(delta) >= ms) ?? ['second', 1_000];
  return new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }).format(Math.round(delta / size), unit);
}
