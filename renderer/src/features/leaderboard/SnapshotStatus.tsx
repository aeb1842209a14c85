import { useTranslation } from 'react-i18next';
import type { SliceAnswer } from '../../../../shared/ipc/features/leaderboardContract';
import { useLeaderboard } from '../../stores/leaderboard';
import { useRelativeTime } from './format';
import { usePreviewResults } from './preview/previewResults';

function statusKey(answer: SliceAnswer): string {
  if (answer.state === 'signed_out') return 'snapshot.signedOut';
  if (answer.state === 'missing') return `snapshot.missing.${answer.shortfall}`;
  if (answer.source === 'server') return 'snapshot.server';
  return `snapshot.cache.${answer.shortfall ?? 'plain'}`;
}

/** Always on screen: where the numbers come from (server or cached snapshot) and how old they are. */
export function SnapshotStatus() {
  const { t } = useTranslation('leaderboard');
  const { primary, loading, refresh } = useLeaderboard();
  const freshOwn = usePreviewResults((state) => state.primary?.freshOwn ?? 0);
  const snapshot = primary?.state === 'ready' ? primary.snapshot : null;
  const age = useRelativeTime(snapshot?.fetchedAt ?? null);
  const server = snapshot ? new URL(snapshot.serverUrl).host : '';
  return (
    <div className="lb-status" role="status" aria-live="polite">
      <p
        className={primary?.state === 'ready' && primary.source === 'server' ? 'lb-status__line' : 'lb-status__line text-warn'}
        data-testid="snapshot-status"
        data-source={primary?.state === 'ready' ? primary.source : (primary?.state ?? 'loading')}
        data-shortfall={primary && primary.state !== 'signed_out' ? (primary.shortfall ?? '') : ''}
        title={primary && primary.state !== 'signed_out' ? (primary.detail ?? undefined) : undefined}
      >
        {primary ? t(statusKey(primary), { age, server }) : t('loading')}
        {snapshot ? ` ${t('snapshot.version', { version: snapshot.serverVersion })}` : null}
        {freshOwn > 0 ? ` ${t('snapshot.freshOwn', { count: freshOwn })}` : null}
      </p>
      <button type="button" className="button button--quiet" onClick={() => void refresh()} disabled={loading} data-testid="leaderboard-refresh">
        {loading ? t('refreshing') : t('refresh')}
      </button>
    </div>
  );
}
