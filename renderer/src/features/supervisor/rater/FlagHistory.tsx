import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../data/flagState';
import { useFormat } from '../common/useFormat';

/** Every flag, unflag and mark on the rater, newest first, with who made it and the note. */
export function FlagHistory({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  return (
    <section aria-labelledby="flag-history-title">
      <h3 id="flag-history-title">{t('history.title')}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className="history" data-testid="flag-history">
          {[...entries].reverse().map((entry) => (
            <li key={entry.key} className={`history__item history__item--${entry.kind}`} data-kind={entry.kind}>
              <span className="history__kind">{t(`history.kind.${entry.kind}`)}</span>
              <span className="muted">
                {t('history.meta', {
                  when: f.dateTime(entry.createdAt),
                  who: entry.byAnomalyScan
                    ? t('history.anomalyScan')
                    : (entry.createdByName ?? entry.createdBy ?? t('history.unknown')),
                })}
              </span>
              {entry.voteId ? <span className="muted">{t('history.onVote', { vote: entry.voteId })}</span> : null}
              <bdi className="history__note">{entry.note}</bdi>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
