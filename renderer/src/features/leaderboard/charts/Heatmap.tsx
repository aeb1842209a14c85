import { HeatmapLegend, LEGEND_HEIGHT, type LegendSpec } from './HeatmapLegend';
import { textColorOn } from './palette';
import { mirror, truncate } from './scale';

const LABEL = 168;
const TOP = 26;
/** The legend needs this much room even under a small grid. */
const MIN_GRID = 300;
const FONT = 'system-ui, sans-serif';
const INK = '#1c1c1e';
const DIAGONAL = '#ffffff';

export interface HeatmapProps {
  models: string[];
  values: (number | null)[][];
  color: (value: number | null) => string;
  /** Text inside a cell (only drawn when cells are large enough to read). */
  cellText: (value: number) => string;
  /** The tooltip of a cell: "A vs B: 64% (25 votes)". */
  cellTitle: (row: number, column: number) => string;
  legend: LegendSpec;
  rtl: boolean;
  labelledBy: string;
  describedBy: string;
  testId: string;
}

/** The heatmap's natural width in CSS pixels for `count` models. */
export function heatmapWidth(count: number): number {
  return LABEL + Math.max(count * cellSize(count), MIN_GRID) + 8;
}

function cellSize(count: number): number {
  if (count <= 12) return 30;
  if (count <= 25) return 16;
  if (count <= 40) return 13;
  return 10;
}

/**
 * A square matrix of coloured cells: rows are named (number and model), columns carry the
 * row numbers so long names are written once. Hand-written SVG, see CiPlot for why.
 */
export function Heatmap(props: HeatmapProps) {
  const { models, values, color, cellText, cellTitle, legend, rtl, labelledBy, describedBy, testId } = props;
  const cell = cellSize(models.length);
  const grid = models.length * cell;
  const width = heatmapWidth(models.length);
  const height = TOP + grid + LEGEND_HEIGHT;
  const flip = mirror(width, rtl);
  const cellX = (column: number) => (rtl ? flip(LABEL + (column + 1) * cell) : LABEL + column * cell);
  const writeValues = cell >= 30;
  const numberEvery = cell >= 13 ? 1 : 5;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={labelledBy} aria-describedby={describedBy} fontFamily={FONT} data-testid={testId}>
      {models.map((model, i) => (
        <g key={model}>
          <text x={flip(LABEL - 6)} y={TOP + i * cell + cell / 2 + 4} textAnchor={rtl ? 'start' : 'end'} fontSize={11} fill={INK}>
            {`${i + 1}. ${truncate(model, 22)}`}
          </text>
          {(i + 1) % numberEvery === 0 || i === 0 ? (
            <text x={cellX(i) + cell / 2} y={TOP - 8} textAnchor="middle" fontSize={10} fill={INK}>
              {i + 1}
            </text>
          ) : null}
        </g>
      ))}
      {values.map((row, i) =>
        row.map((value, j) => {
          const fill = i === j ? DIAGONAL : color(value);
          return (
            <g key={`${i}-${j}`}>
              <rect x={cellX(j)} y={TOP + i * cell} width={cell} height={cell} fill={fill} stroke={DIAGONAL} strokeWidth={0.5}>
                {i === j ? null : <title>{cellTitle(i, j)}</title>}
              </rect>
              {writeValues && value !== null && i !== j ? (
                <text x={cellX(j) + cell / 2} y={TOP + i * cell + cell / 2 + 4} textAnchor="middle" fontSize={10} fill={textColorOn(fill)} pointerEvents="none">
                  {cellText(value)}
                </text>
              ) : null}
            </g>
          );
        }),
      )}
      <HeatmapLegend spec={legend} x={flip(LABEL)} y={TOP + grid + 14} rtl={rtl} />
    </svg>
  );
}
