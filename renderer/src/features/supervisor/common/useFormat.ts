import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Locale-aware numbers, shares, durations and dates for the console; null shows as a dash. */
export interface Format {
  percent(value: number | null): string;
  integer(value: number | null): string;
  decimal(value: number | null, digits?: number): string;
  signed(value: number | null, digits?: number): string;
  duration(ms: number | null): string;
  pValue(p: number | null): string;
  score(value: number | null): string;
  dateTime(epochMs: number | string | null): string;
  dash: string;
}

export function useFormat(): Format {
  const { t, i18n } = useTranslation('supervisor');
  const language = i18n.language;
  return useMemo(() => {
    const dash = t('format.none');
    const nf = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(language, options);
    const percent = nf({ style: 'percent', maximumFractionDigits: 1 });
    const integer = nf({ maximumFractionDigits: 0 });
    const decimals = [0, 1, 2, 3].map((digits) => nf({ minimumFractionDigits: digits, maximumFractionDigits: digits }));
    const signed = [0, 1, 2, 3].map((digits) =>
      nf({ minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }),
    );
    const units = {
      second: nf({ style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }),
      minute: nf({ style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 }),
      hour: nf({ style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }),
    };
    const significant = nf({ maximumSignificantDigits: 3 });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const orDash = <T>(value: T | null, show: (v: T) => string) => (value === null ? dash : show(value));
    return {
      dash,
      percent: (v) => orDash(v, (x) => percent.format(x)),
      integer: (v) => orDash(v, (x) => integer.format(x)),
      decimal: (v, digits = 2) => orDash(v, (x) => decimals[digits]!.format(x)),
      signed: (v, digits = 0) => orDash(v, (x) => signed[digits]!.format(x)),
      duration: (ms) =>
        orDash(ms, (x) =>
          x < 60_000
            ? units.second.format(x / 1000)
            : x < 3_600_000
              ? units.minute.format(x / 60_000)
              : units.hour.format(x / 3_600_000),
        ),
      pValue: (p) =>
        orDash(p, (x) =>
          x < 0.001
            ? t('format.pBelow', { value: decimals[3]!.format(0.001) })
            : t('format.p', { value: decimals[3]!.format(x) }),
        ),
      score: (v) =>
        orDash(v, (x) => (x < 0.01 ? t('format.below', { value: decimals[2]!.format(0.01) }) : significant.format(x))),
      dateTime: (at) => orDash(at, (x) => date.format(typeof x === 'string' ? Date.parse(x) : x)),
    };
  }, [t, language]);
}
