import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { TailMetricId } from '../analysis/poolTails';
import { StatusBadge } from '../common/StatusBadge';
import type { Format } from '../common/useFormat';
import type { TableColumn } from '../common/VirtualTable';
import type { TeamRow } from './teamRows';

interface MetricCellProps {
  metric: string;
  value: number | null;
  text: string;
  detail?: string;
  tail: boolean;
  tailLabel: string;
}

/** A number with its raw value in data-value, so tests compare numbers, not formatting. */
function MetricCell({ metric, value, text, detail, tail, tailLabel }: MetricCellProps) {
  return (
    <span className={`metric${tail ? ' metric--tail' : ''}`} data-metric={metric} data-value={value ?? ''}>
      <span className="metric__value">{text}</span>
      {tail ? <span className="visually-hidden">{tailLabel}</span> : null}
      {detail ? <span className="metric__detail">{detail}</span> : null}
    </span>
  );
}

function tailsOf(row: TeamRow): Set<TailMetricId> {
  return new Set(row.assessment.reasons.flatMap((reason) => (reason.kind === 'tail' ? [reason.metric] : [])));
}

/** The team table's columns; `open` shows a rater's detail. */
export function teamColumns(
  t: TFunction<'supervisor'>,
  format: Format,
  open: (raterId: string) => void,
): TableColumn<TeamRow>[] {
  const metric = (
    id: string,
    width: string,
    cell: (row: TeamRow, tail: boolean) => ReactNode,
    tailId?: TailMetricId,
  ): TableColumn<TeamRow> => ({
    id,
    width,
    align: 'end',
    sortable: true,
    header: t(`column.${id}`),
    cell: (row) => cell(row, tailId !== undefined && tailsOf(row).has(tailId)),
  });
  const tailLabel = t('team.inTail');
  return [
    {
      id: 'rater',
      width: '15rem',
      sortable: true,
      header: t('column.rater'),
      cell: (row) => (
        <button
          type="button"
          className="link-button rater-link"
          onClick={() => open(row.rater.id)}
          data-testid={`open-${row.rater.id}`}
        >
          <bdi>{row.rater.displayName}</bdi>
          <span className="metric__detail">
            <bdi>{row.rater.id}</bdi>
          </span>
        </button>
      ),
    },
    {
      id: 'status',
      width: '7.5rem',
      sortable: true,
      header: t('column.status'),
      cell: (row) => <StatusBadge status={row.assessment.status} />,
    },
    metric('votes', '5.5rem', (row) => (
      <MetricCell
        metric="votes"
        value={row.rater.quality.votes}
        text={format.integer(row.rater.quality.votes)}
        tail={false}
        tailLabel={tailLabel}
      />
    )),
    metric('activeTime', '7rem', (row) => {
      const ms = row.extras && row.extras.timedVotes > 0 ? row.extras.activeMsTotal : null;
      return (
        <MetricCell
          metric="activeTime"
          value={ms}
          text={row.extras ? format.duration(ms) : t('team.pending')}
          tail={false}
          tailLabel={tailLabel}
        />
      );
    }),
    metric(
      'medianActiveMs',
      '7rem',
      (row, tail) => (
        <MetricCell
          metric="medianActiveMs"
          value={row.rater.quality.medianActiveMs}
          text={format.duration(row.rater.quality.medianActiveMs)}
          tail={tail}
          tailLabel={tailLabel}
        />
      ),
      'medianActiveMs',
    ),
    metric(
      'tooFastShare',
      '6.5rem',
      (row, tail) => (
        <MetricCell
          metric="tooFastShare"
          value={row.rater.quality.tooFastShare}
          text={format.percent(row.rater.quality.tooFastShare)}
          tail={tail}
          tailLabel={tailLabel}
        />
      ),
      'tooFastShare',
    ),
    metric(
      'tieRate',
      '6rem',
      (row, tail) => (
        <MetricCell
          metric="tieRate"
          value={row.rater.quality.tieRate}
          text={format.percent(row.rater.quality.tieRate)}
          tail={tail}
          tailLabel={tailLabel}
        />
      ),
      'tieRate',
    ),
    metric(
      'positionBias',
      '8rem',
      (row, tail) => (
        <MetricCell
          metric="positionBias"
          value={row.rater.quality.positionBias}
          text={format.percent(row.rater.quality.positionBias)}
          detail={
            row.rater.quality.positionBiasPValue === null
              ? undefined
              : format.pValue(row.rater.quality.positionBiasPValue)
          }
          tail={tail}
          tailLabel={tailLabel}
        />
      ),
      'positionBias',
    ),
    metric(
      'agreement',
      '7.5rem',
      (row, tail) => (
        <MetricCell
          metric="agreement"
          value={row.rater.quality.agreement}
          text={format.percent(row.rater.quality.agreement)}
          detail={t('team.compared', { count: row.rater.quality.agreementCompared })}
          tail={tail}
          tailLabel={tailLabel}
        />
      ),
      'agreement',
    ),
    metric(
      'selfConsistency',
      '7.5rem',
      (row, tail) => (
        <MetricCell
          metric="selfConsistency"
          value={row.rater.quality.selfConsistency}
          text={format.percent(row.rater.quality.selfConsistency)}
          detail={t('team.repeats', { count: row.rater.quality.repeats })}
          tail={tail}
          tailLabel={tailLabel}
        />
      ),
      'selfConsistency',
    ),
    metric(
      'goldAccuracy',
      '7.5rem',
      (row, tail) => (
        <MetricCell
          metric="goldAccuracy"
          value={row.rater.quality.goldAccuracy}
          text={format.percent(row.rater.quality.goldAccuracy)}
          detail={t('team.goldItems', { count: row.rater.quality.goldItems })}
          tail={tail}
          tailLabel={tailLabel}
        />
      ),
      'goldAccuracy',
    ),
    metric('reliability', '8rem', (row) => {
      // The defended ranking's weight for this rater against the typical one; 0 when a screen excluded them.
      const reliability = row.rater.quality.reliability;
      return (
        <MetricCell
          metric="reliability"
          value={reliability?.relativeWeight ?? null}
          text={format.percent(reliability?.relativeWeight ?? null)}
          detail={reliability?.downWeighted ? t('detail.downWeighted') : undefined}
          tail={false}
          tailLabel={tailLabel}
        />
      );
    }),
    metric(
      'anomalyScore',
      '6.5rem',
      (row, tail) => (
        <MetricCell
          metric="anomalyScore"
          value={row.rater.quality.anomalyScore}
          text={format.score(row.rater.quality.anomalyScore)}
          tail={tail}
          tailLabel={tailLabel}
        />
      ),
      'anomalyScore',
    ),
  ];
}
