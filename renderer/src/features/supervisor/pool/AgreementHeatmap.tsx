import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementHeatmap as Heatmap, HeatmapCell } from '../analysis/heatmap';
import { inkOn, viridis } from '../common/palette';
import { useFormat } from '../common/useFormat';
import { VirtualTable } from '../common/VirtualTable';

const CELL = 12;
const LABEL = 170;
const MAX_LABEL = 26;
const short = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);
const TOP = 28;
/** κ below this shows as the palette's darkest colour; preference data rarely goes lower. */
const KAPPA_MIN = -0.2;
const position = (kappa: number) => (kappa - KAPPA_MIN) / (1 - KAPPA_MIN);

interface PairRow {
  a: string;
  b: string;
  kappa: number | null;
  items: number;
}

function Legend() {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const steps = Array.from({ length: 12 }, (_, i) => i / 11);
  return (
    <div className="heatmap__legend" aria-hidden="true">
      <span>{f.decimal(KAPPA_MIN, 1)}</span>
      <svg viewBox="0 0 120 10" className="heatmap__ramp">
        {steps.map((s, i) => (
          <rect key={i} x={i * 10} y={0} width={10} height={10} fill={viridis(s)} />
        ))}
      </svg>
      <span>{f.decimal(1, 1)}</span>
      <span className="heatmap__swatch heatmap__swatch--undefined" />
      <span>{t('pool.heatmapUndefined')}</span>
      <span className="heatmap__swatch heatmap__swatch--none" />
      <span>{t('pool.heatmapNoOverlap')}</span>
    </div>
  );
}

function HeatCell({ cell, title }: { cell: HeatmapCell; title: string }) {
  const x = LABEL + cell.column * CELL;
  const y = TOP + cell.row * CELL;
  if (cell.kappa === null) {
    return (
      <rect x={x} y={y} width={CELL - 1} height={CELL - 1} className="heatmap__undefined">
        <title>{title}</title>
      </rect>
    );
  }
  const at = position(cell.kappa);
  return (
    <rect x={x} y={y} width={CELL - 1} height={CELL - 1} fill={viridis(at)} stroke={inkOn(at)} strokeOpacity={0.15}>
      <title>{title}</title>
    </rect>
  );
}

/**
 * Rater × rater Cohen's κ as a plain SVG grid (no chart library is
 * installed, and a grid of rects needs none), coloured with viridis so it
 * reads without colour vision. The caption summarises it; the table under it
 * lists every pair, so the chart is never the only way to the numbers.
 */
export function AgreementHeatmap({ heatmap, names }: { heatmap: Heatmap; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('supervisor');
  const f = useFormat();
  const n = heatmap.raters.length;
  const name = (id: string) => names.get(id) ?? id;
  const pairs = useMemo(
    () =>
      heatmap.cells
        .filter((cell) => cell.row < cell.column)
        .map((cell): PairRow => ({
          a: heatmap.raters[cell.row]!,
          b: heatmap.raters[cell.column]!,
          kappa: cell.kappa,
          items: cell.items,
        }))
        .sort((x, y) => (x.kappa ?? Infinity) - (y.kappa ?? Infinity)),
    [heatmap],
  );
  const defined = pairs.filter((p) => p.kappa !== null);
  const mean = defined.length
    ? defined.reduce((s, p) => s + p.kappa! * p.items, 0) / defined.reduce((s, p) => s + p.items, 0)
    : null;
  const size = LABEL + n * CELL + 4;
  return (
    <figure className="heatmap" data-testid="agreement-heatmap" data-raters={n} data-pairs={pairs.length}>
      <figcaption id="heatmap-caption">
        {t('pool.heatmapCaption', {
          count: n,
          pairs: f.integer(pairs.length),
          mean: f.decimal(mean, 2),
          teamPairs: f.integer(heatmap.pairsInTeam),
        })}
      </figcaption>
      <Legend />
      <div className="heatmap__scroll">
        <svg
          viewBox={`0 0 ${size} ${TOP + n * CELL + 4}`}
          width={size}
          role="img"
          aria-labelledby="heatmap-caption"
          className="heatmap__svg"
        >
          {heatmap.raters.map((id, i) => (
            <g key={id}>
              <text x={LABEL - 4} y={TOP + i * CELL + CELL - 2} textAnchor="end" className="heatmap__label">
                {`${i + 1}. ${short(name(id))}`}
              </text>
              <text
                x={LABEL + i * CELL + CELL / 2}
                y={TOP - 4}
                textAnchor="middle"
                className="heatmap__label heatmap__label--column"
              >
                {i + 1}
              </text>
              <rect
                x={LABEL + i * CELL}
                y={TOP + i * CELL}
                width={CELL - 1}
                height={CELL - 1}
                className="heatmap__diagonal"
              />
            </g>
          ))}
          {heatmap.cells.map((cell) => (
            <HeatCell
              key={`${cell.row}-${cell.column}`}
              cell={cell}
              title={t('pool.heatmapCell', {
                a: name(heatmap.raters[cell.row]!),
                b: name(heatmap.raters[cell.column]!),
                kappa: f.decimal(cell.kappa, 2),
                items: cell.items,
              })}
            />
          ))}
        </svg>
      </div>
      <details className="chart__data">
        <summary>{t('pool.heatmapTable')}</summary>
        <VirtualTable
          label={t('pool.heatmapTable')}
          rows={pairs}
          columns={[
            { id: 'a', width: '14rem', header: t('pool.raterA'), cell: (p) => <bdi>{name(p.a)}</bdi> },
            { id: 'b', width: '14rem', header: t('pool.raterB'), cell: (p) => <bdi>{name(p.b)}</bdi> },
            { id: 'kappa', width: '6rem', align: 'end', header: t('pool.kappa'), cell: (p) => f.decimal(p.kappa, 2) },
            {
              id: 'items',
              width: '7rem',
              align: 'end',
              header: t('pool.sharedItems'),
              cell: (p) => f.integer(p.items),
            },
          ]}
          rowKey={(p) => `${p.a}\u0000${p.b}`}
          estimateRowHeight={36}
          emptyText={t('pool.noPairs')}
        />
      </details>
    </figure>
  );
}
