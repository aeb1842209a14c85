import { useTranslation } from 'react-i18next';
import { useSupervisor } from '../../stores/supervisor';
import { useFormat } from './common/useFormat';

/** When the numbers were computed, how far loading the team's votes got, and the last action's outcome. */
export function SupervisorStatus() {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const team = useSupervisor((state) => state.team);
  const votesState = useSupervisor((state) => state.votesState);
  const loaded = useSupervisor((state) => state.votesLoaded);
  const votesFailure = useSupervisor((state) => state.votesFailure);
  const analysed = useSupervisor((state) => state.analysis?.votes ?? 0);
  const notice = useSupervisor((state) => state.notice);
  const load = useSupervisor((state) => state.load);
  const expected = team?.raters.reduce((sum, rater) => sum + rater.quality.votes, 0) ?? 0;
  return (
    <div className="supervisor-status">
      {team ? <span className="muted">{t('computedAt', { time: f.dateTime(team.computedAt) })}</span> : null}
      <span role="status" data-testid="votes-state" data-state={votesState} data-loaded={loaded}>
        {votesState === 'loading'
          ? t('votesState.loading', { loaded: f.integer(loaded), total: f.integer(expected) })
          : null}
        {votesState === 'ready' ? t('votesState.ready', { count: analysed }) : null}
        {votesState === 'failed' && votesFailure
          ? t('votesState.failed', { reason: t(`failure.${votesFailure.reason}`) })
          : null}
      </span>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void load()}
        data-testid="supervisor-refresh"
      >
        {t('refresh')}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite" data-testid="supervisor-notice">
        {notice}
      </span>
    </div>
  );
}
