import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { viridis } from './palette';

export interface ChartPoint {
  label: string;
  value: number | null;
}

interface LineChartProps {
  title: string;
  points: readonly ChartPoint[];
  /** The value axis; rates use [0, 1]. */
  domain: readonly [number, number];
  formatValue(value: number): string;
  /** A reference line, e.g. ½ for position bias. */
  reference?: number;
  testId?: string;
}

const W = 320;
const H = 140;
const PAD = { top: 10, right: 12, bottom: 18, left: 44 };

/**
 * A small line chart in plain SVG. No chart library is installed, and these
 * charts need little: one series, a reference line, a text alternative. The
 * figure's caption summarises it and a table beside it holds every value.
 */
export function LineChart({ title, points, domain, formatValue, reference, testId }: LineChartProps) {
  const { t } = useTranslation('supervisor');
  const id = useId();
  const [lo, hi] = domain;
  const span = hi - lo || 1;
  const x = (i: number) => PAD.left + (points.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + (1 - (Math.min(hi, Math.max(lo, v)) - lo) / span) * (H - PAD.top - PAD.bottom);
  const defined = points
    .map((p, i) => ({ ...p, i }))
    .filter((p): p is ChartPoint & { i: number; value: number } => p.value !== null);
  const path = defined.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const values = defined.map((p) => p.value);
  const summary = values.length
    ? t('chart.summary', {
        count: points.length,
        first: formatValue(values[0]!),
        last: formatValue(values[values.length - 1]!),
        min: formatValue(Math.min(...values)),
        max: formatValue(Math.max(...values)),
      })
    : t('chart.noData');
  const colour = viridis(0.25);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong> <span className="muted">{summary}</span>
      </figcaption>
      {values.length === 0 ? null : (
        <svg className="chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-caption`}>
          {[lo, (lo + hi) / 2, hi].map((tick) => (
            <g key={tick}>
              <line className="chart__grid" x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
              <text className="chart__tick" x={PAD.left - 4} y={y(tick) + 4} textAnchor="end">
                {formatValue(tick)}
              </text>
            </g>
          ))}
          {reference !== undefined ? (
            <line className="chart__reference" x1={PAD.left} x2={W - PAD.right} y1={y(reference)} y2={y(reference)} />
          ) : null}
          <path d={path} fill="none" stroke={colour} strokeWidth={2} />
          {defined.map((p) => (
            <circle key={p.i} cx={x(p.i)} cy={y(p.value)} r={3} fill={colour}>
              <title>{t('chart.point', { label: p.label, value: formatValue(p.value) })}</title>
            </circle>
          ))}
        </svg>
      )}
      <details className="chart__data">
        <summary>{t('chart.showData')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.window')}</th>
              <th scope="col">{title}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.label}</th>
                <td>{p.value === null ? t('format.none') : formatValue(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
