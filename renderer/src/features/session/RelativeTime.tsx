import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/useNow';
import { relativeTime } from '../../i18n/intl';

/**
 * "5 minutes ago" / "in 3 hours" in the UI language, refreshed every 5 s.
 * `tense` says which side of now the moment is on by its nature: a past
 * event (the last sync) never reads "in 9 seconds" because the clock ticked
 * between two refreshes, and a deadline never reads "ago" before it passes.
 */
export function RelativeTime({ iso, tense }: { iso: string; tense: 'past' | 'future' }) {
  const { i18n } = useTranslation();
  const now = useNow(5_000);
  const delta = Date.parse(iso) - now;
  const text = relativeTime(tense === 'past' ? Math.min(0, delta) : Math.max(0, delta), i18n.language);
  return <time dateTime={iso}>{text}</time>;
}
