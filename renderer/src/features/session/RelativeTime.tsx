import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/useNow';
import { relativeTime } from '../../i18n/intl';

/** "in 3 hours" / "5 minutes ago" in the UI language, refreshed every 30 s. */
export function RelativeTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const now = useNow(30_000);
  const text = relativeTime(Date.parse(iso) - now, i18n.language);
  return <time dateTime={iso}>{text}</time>;
}
