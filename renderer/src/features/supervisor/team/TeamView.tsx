import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupervisor } from '../../../stores/supervisor';
import { useFormat } from '../common/useFormat';
import { VirtualTable } from '../common/VirtualTable';
import { teamColumns } from './teamColumns';
import { filterRows, sortRows } from './teamRows';
import { TeamToolbar } from './TeamToolbar';
import { useTeamRows } from './useTeam';

/** One row per rater: sort by any column, filter by status, search by name or id. */
export function TeamView() {
  const { t } = useTranslation('supervisor');
  const format = useFormat();
  const { rows } = useTeamRows();
  const table = useSupervisor((state) => state.table);
  const setTable = useSupervisor((state) => state.setTable);
  const openRater = useSupervisor((state) => state.openRater);
  const shown = useMemo(
    () => sortRows(filterRows(rows, table.status, table.search), table.sortBy, table.direction),
    [rows, table],
  );
  const columns = useMemo(() => teamColumns(t, format, openRater), [t, format, openRater]);
  const counts = { flagged: 0, watch: 0 };
  for (const row of rows) if (row.assessment.status !== 'ok') counts[row.assessment.status]++;
  const onSort = (by: string) => {
    const fresh = by === 'rater' ? 'asc' : 'desc';
    setTable({ sortBy: by, direction: table.sortBy !== by ? fresh : table.direction === 'desc' ? 'asc' : 'desc' });
  };
  return (
    <section aria-labelledby="team-title" className="supervisor-view">
      <h2 id="team-title">{t('team.title')}</h2>
      <TeamToolbar shown={shown} />
      <p className="muted" data-testid="team-summary" data-raters={rows.length} data-shown={shown.length}>
        {t('team.summary', {
          count: rows.length,
          shown: format.integer(shown.length),
          flagged: format.integer(counts.flagged),
          watch: format.integer(counts.watch),
        })}
      </p>
      <VirtualTable
        label={t('team.tableLabel')}
        rows={shown}
        columns={columns}
        rowKey={(row) => row.rater.id}
        estimateRowHeight={56}
        sort={{ by: table.sortBy, direction: table.direction, onSort }}
        rowClassName={(row) => `team-row team-row--${row.assessment.status}`}
        rowTestId={(row) => `team-row-${row.rater.id}`}
        testId="team-table"
        emptyText={t('team.empty')}
      />
      <p className="muted">{t('team.thresholdNote')}</p>
    </section>
  );
}
