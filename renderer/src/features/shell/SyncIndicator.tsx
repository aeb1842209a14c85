import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { useSync } from '../../stores/sync';
import { RelativeTime } from '../session/RelativeTime';

/** Always visible: online or not, votes waiting, the last sync, and any rejected vote. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSync((state) => state.status);
  if (!status) return null;
  return (
    <span className="sync" data-testid="sync-status" data-state={status.state} data-pending={status.pending}>
      <span className={`sync__state sync__state--${status.state}`}>{t(`sync.state.${status.state}`)}</span>
      <span data-testid="pending-count">{t('sync.pending', { count: status.pending })}</span>
      {status.lastSyncAt ? (
        <span>
          {t('sync.last')} <RelativeTime iso={status.lastSyncAt} />
        </span>
      ) : null}
      {status.nextRetryAt && status.state !== 'idle' && status.state !== 'syncing' ? (
        <span data-testid="next-retry">
          {t('sync.nextRetry')} <RelativeTime iso={status.nextRetryAt} />
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
