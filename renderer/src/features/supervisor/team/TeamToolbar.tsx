import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../stores/auth';
import { useSupervisor, type StatusFilter } from '../../../stores/supervisor';
import { useFormat } from '../common/useFormat';
import { downloadText } from '../data/download';
import { teamTableFile } from './teamExport';
import type { TeamRow } from './teamRows';

const STATUS_FILTERS: StatusFilter[] = ['all', 'ok', 'watch', 'flagged'];
const TAIL_SHARES = [0.05, 0.1, 0.2];

/** Search, status filter, the pool-relative threshold, and exports of what is shown. */
export function TeamToolbar({ shown }: { shown: readonly TeamRow[] }) {
  const { t } = useTranslation('supervisor');
  const format = useFormat();
  const table = useSupervisor((state) => state.table);
  const setTable = useSupervisor((state) => state.setTable);
  const share = useSupervisor((state) => state.tailShare);
  const setShare = useSupervisor((state) => state.setTailShare);
  const announce = useSupervisor((state) => state.announce);
  const isAdmin = useAuth((state) => state.auth?.account?.role === 'admin');
  const exportAs = (format: 'csv' | 'jsonl') => {
    const file = teamTableFile(shown, format, isAdmin);
    downloadText(file.fileName, file.mediaType, file.content);
    announce(t('notice.exported', { file: file.fileName }));
  };
  return (
    <div className="toolbar" role="search">
      <label className="toolbar__field">
        <span>{t('team.search')}</span>
        <input
          type="search"
          value={table.search}
          onChange={(event) => setTable({ search: event.target.value })}
          data-testid="team-search"
        />
      </label>
      <label className="toolbar__field">
        <span>{t('team.statusFilter')}</span>
        <select
          value={table.status}
          onChange={(event) => setTable({ status: event.target.value as StatusFilter })}
          data-testid="team-status-filter"
        >
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {status === 'all' ? t('team.allStatuses') : t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar__field">
        <span>{t('team.tailShare')}</span>
        <select value={share} onChange={(event) => setShare(Number(event.target.value))} data-testid="team-tail-share">
          {TAIL_SHARES.map((value) => (
            <option key={value} value={value}>
              {t('team.tailShareOption', { share: format.percent(value) })}
            </option>
          ))}
        </select>
      </label>
      <div className="toolbar__actions">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => exportAs('csv')}
          data-testid="export-team-csv"
        >
          {t('team.exportCsv')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => exportAs('jsonl')}
          data-testid="export-team-jsonl"
        >
          {t('team.exportJsonl')}
        </button>
      </div>
    </div>
  );
}
