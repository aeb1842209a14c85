import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/useNow';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "in 3 hours" / "5 minutes ago" in the UI language, refreshed every 30 s. */
export function RelativeTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const now = useNow(30_000);
  const delta = Date.parse(iso) - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(delta) >= ms) ?? ['second', 1_000];
  const text = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }).format(Math.round(delta / size), unit);
  return <time dateTime={iso}>{text}</time>;
}
