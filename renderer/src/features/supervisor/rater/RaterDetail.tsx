import { useTranslation } from 'react-i18next';
import { useSupervisor } from '../../../stores/supervisor';
import { ReasonList } from '../common/ReasonList';
import { StatusBadge } from '../common/StatusBadge';
import { useTeamRows } from '../team/useTeam';
import { FlagHistory } from './FlagHistory';
import { RaterActions } from './RaterActions';
import { RaterMetrics } from './RaterMetrics';
import { RaterTrends } from './RaterTrends';
import { RaterVotesList } from './RaterVotesList';
import { useRaterDetail } from './useRaterDetail';

/** One rater: why they have their status, how they changed over time, every vote, and their flags. */
export function RaterDetail({ raterId }: { raterId: string }) {
  const { t } = useTranslation('supervisor');
  const { byId } = useTeamRows();
  const share = useSupervisor((state) => state.tailShare);
  const openRater = useSupervisor((state) => state.openRater);
  const detail = useRaterDetail(raterId);
  const row = byId.get(raterId);
  if (!row) return <p className="notice notice--error">{t('failure.not_found')}</p>;
  const flagged = row.assessment.reasons.some((reason) => reason.kind === 'flag');
  return (
    <section
      aria-labelledby="rater-title"
      className="supervisor-view rater-detail"
      data-testid="rater-detail"
      data-rater={raterId}
    >
      <button type="button" className="link-button" onClick={() => openRater(null)} data-testid="back-to-team">
        {t('detail.back')}
      </button>
      <header className="rater-detail__header">
        <h2 id="rater-title">
          <bdi>{row.rater.displayName}</bdi>
        </h2>
        <span className="muted">
          <bdi>{row.rater.id}</bdi>
        </span>
        <StatusBadge status={row.assessment.status} />
        <RaterActions raterId={raterId} flagged={flagged} />
      </header>
      <ReasonList reasons={row.assessment.reasons} share={share} />
      <RaterMetrics rater={row.rater} extras={row.extras} />
      {detail.disagreements ? (
        <p data-testid="server-disagreements">
          {t('detail.serverDisagreements', { count: detail.disagreements.length })}
        </p>
      ) : null}
      {detail.failure ? <p className="notice notice--error">{t(`failure.${detail.failure.reason}`)}</p> : null}
      <h3>{t('trend.title')}</h3>
      {detail.trends ? <RaterTrends trends={detail.trends} /> : <p className="muted">{t('detail.waitingForVotes')}</p>}
      {detail.votes ? <RaterVotesList votes={detail.votes} /> : null}
      {detail.history ? <FlagHistory entries={detail.history} /> : null}
    </section>
  );
}
