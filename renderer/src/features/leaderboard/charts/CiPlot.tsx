import type { RankedModel } from '../../../../../shared/ranking';
import { linearScale, mirror, niceTicks, truncate } from './scale';

const ROW = 18;
const LABEL = 200;
const PLOT = 460;
const GAP = 16;
const TOP = 34;
const BOTTOM = 12;
const FONT = 'system-ui, sans-serif';
const INK = '#1c1c1e';
const GRID = '#d6d6d3';
const POINT = '#1f5fbf';

/** The plot's natural width in CSS pixels (its figure is laid out from it). */
export const CI_PLOT_WIDTH = LABEL + GAP + PLOT + GAP;

interface CiPlotProps {
  models: RankedModel[];
  axisLabel: string;
  formatTick: (value: number) => string;
  rtl: boolean;
  labelledBy: string;
  describedBy: string;
}

/**
 * Each model a point (its rating) with a whisker (its 95% interval), ordered by rating.
 * Hand-written SVG: no chart library is installed yet (Observable Plot is requested), and
 * these marks are simple. Presentation attributes only, so the PNG export looks the same.
 * Right to left, the whole plot mirrors: labels on the right, ratings growing leftwards.
 */
export function CiPlot({ models, axisLabel, formatTick, rtl, labelledBy, describedBy }: CiPlotProps) {
  const width = CI_PLOT_WIDTH;
  const height = TOP + models.length * ROW + BOTTOM;
  const low = Math.min(...models.map((m) => m.lower));
  const high = Math.max(...models.map((m) => m.upper));
  const pad = (high - low) * 0.03 || 10;
  const ticks = niceTicks(low - pad, high + pad, 6);
  const domain: [number, number] = [Math.min(low - pad, ticks[0] ?? low), Math.max(high + pad, ticks[ticks.length - 1] ?? high)];
  const x = linearScale(domain, [LABEL + GAP, LABEL + GAP + PLOT]);
  const flip = mirror(width, rtl);
  const y = (i: number) => TOP + i * ROW + ROW / 2;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={labelledBy} aria-describedby={describedBy} fontFamily={FONT} data-testid="ci-plot-svg">
      <text x={flip(LABEL + GAP + PLOT / 2)} y={12} textAnchor="middle" fontSize={12} fill={INK}>
        {axisLabel}
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={flip(x(tick))} x2={flip(x(tick))} y1={TOP - 6} y2={height - BOTTOM} stroke={GRID} />
          <text x={flip(x(tick))} y={TOP - 10} textAnchor="middle" fontSize={11} fill={INK}>
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {models.map((model, i) => (
        <g key={model.model} data-model={model.model}>
          <title>{`${model.model}: ${formatTick(model.rating)} (${formatTick(model.lower)}–${formatTick(model.upper)})`}</title>
          <text x={flip(LABEL)} y={y(i) + 4} textAnchor={rtl ? 'start' : 'end'} fontSize={11} fill={INK}>
            {truncate(model.model, 30)}
          </text>
          <line x1={flip(x(model.lower))} x2={flip(x(model.upper))} y1={y(i)} y2={y(i)} stroke={POINT} strokeWidth={2} />
          <circle cx={flip(x(model.rating))} cy={y(i)} r={3.5} fill={POINT} />
        </g>
      ))}
    </svg>
  );
}
