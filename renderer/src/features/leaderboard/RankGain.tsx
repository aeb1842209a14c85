import { useTranslation } from 'react-i18next';

/** "up 2" / "down 1" / "same" (arrows are decoration; the words carry the meaning). */
export function RankGain({ gain }: { gain: number | null }) {
  const { t } = useTranslation('leaderboard');
  if (gain === null) return <span className="muted">{t('compare.notRanked')}</span>;
  if (gain === 0) return <span>{t('compare.same')}</span>;
  return (
    <span className={gain > 0 ? 'lb-gain lb-gain--up' : 'lb-gain lb-gain--down'} data-gain={gain}>
      {gain > 0 ? t('compare.up', { count: gain }) : t('compare.down', { count: -gain })}
    </span>
  );
}
