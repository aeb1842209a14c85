import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/ipc/contract';
import { call } from '../../bridge';
import { useBackendStatus } from '../../stores/backendStatus';
import { useSync } from '../../stores/sync';
import { RelativeTime } from '../session/RelativeTime';

/**
 * One word for the state of the rater's votes, consistent with the count
 * beside it: never "Synced" while a vote waits (that is "Syncing…"), and no
 * second "Offline" when the connection indicator beside it already says so.
 */
function stateWord(status: SyncStatus, backendDown: boolean): SyncStatus['state'] | null {
  if (status.state === 'idle' && status.pending > 0) return 'syncing';
  if (status.state === 'offline' && backendDown) return null;
  return status.state;
}

/** In the top bar, always in view: votes waiting, when they last went out, when the next try is, and any rejected vote. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSync((state) => state.status);
  const backendDown = useBackendStatus((state) => state.status?.state === 'down');
  if (!status) return null;
  const word = stateWord(status, backendDown);
  return (
    <span className="sync" data-testid="sync-status" data-state={status.state} data-pending={status.pending}>
      {word ? <span className={`sync__state sync__state--${word}`} data-testid="sync-word">{t(`sync.state.${word}`)}</span> : null}
      <span data-testid="pending-count">{t('sync.pending', { count: status.pending })}</span>
      {status.lastSyncAt ? (
        <span>
          {t('sync.last')} <RelativeTime iso={status.lastSyncAt} tense="past" />
        </span>
      ) : null}
      {status.nextRetryAt && status.state !== 'idle' && status.state !== 'syncing' ? (
        <span data-testid="next-retry">
          {t('sync.nextRetry')} <RelativeTime iso={status.nextRetryAt} tense="future" />
        </span>
      ) : null}
      {status.rejected.length > 0 ? (
        <span className="sync__rejected" data-testid="rejected-count" title={status.rejected.map((vote) => vote.reason).join(', ')}>
          {t('sync.rejected', { count: status.rejected.length })}{' '}
          <button type="button" className="link-button" onClick={() => void exportRejected()} data-testid="export-rejected">
            {t('sync.exportRejected')}
          </button>
        </span>
      ) : null}
    </span>
  );
}

/** Saves the rejected votes as a JSONL file through the browser's own download (nothing leaves the machine). */
async function exportRejected(): Promise<void> {
  const { fileName, jsonl } = await call('sync.exportRejected', {});
  const url = URL.createObjectURL(new Blob([jsonl], { type: 'application/x-ndjson' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
