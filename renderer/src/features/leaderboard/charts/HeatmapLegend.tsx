export const LEGEND_HEIGHT = 58;
const SWATCH = 16;
const STEPS = 10;
const INK = '#1c1c1e';

export interface LegendSpec {
  /** Colour at t ∈ [0, 1]. */
  scale: (t: number) => string;
  lowLabel: string;
  highLabel: string;
  /** Colour and label of the "no data" swatch. */
  noData: { color: string; label: string };
}

/** A stepped colour bar with its end labels and the no-data swatch, inside the chart's SVG (so it exports too). */
export function HeatmapLegend({ spec, x, y, rtl }: { spec: LegendSpec; x: number; y: number; rtl: boolean }) {
  const direction = rtl ? -1 : 1;
  const stepX = (i: number) => (rtl ? x - (i + 1) * SWATCH : x + i * SWATCH);
  const barEnd = x + direction * STEPS * SWATCH;
  const noDataX = barEnd + direction * 24;
  return (
    <g fontSize={11} fill={INK}>
      {Array.from({ length: STEPS }, (_, i) => (
        <rect key={i} x={stepX(i)} y={y} width={SWATCH} height={SWATCH} fill={spec.scale((i + 0.5) / STEPS)} />
      ))}
      <text x={x} y={y + SWATCH + 14} textAnchor="start" direction={rtl ? 'rtl' : 'ltr'}>
        {spec.lowLabel}
      </text>
      <text x={barEnd} y={y + SWATCH + 14} textAnchor="end" direction={rtl ? 'rtl' : 'ltr'}>
        {spec.highLabel}
      </text>
      <rect x={rtl ? noDataX - SWATCH : noDataX} y={y} width={SWATCH} height={SWATCH} fill={spec.noData.color} />
      <text x={noDataX + direction * (SWATCH + 6)} y={y + 12} textAnchor="start" direction={rtl ? 'rtl' : 'ltr'}>
        {spec.noData.label}
      </text>
    </g>
  );
}
