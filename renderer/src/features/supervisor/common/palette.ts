/**
 * Viridis, computed rather than shipped as a table: perceptually uniform,
 * readable in greyscale and by the common colour-vision deficiencies. The
 * polynomial is Matt Zucker's least-squares fit to matplotlib's viridis
 * (within four 8-bit steps of the table, and still monotone in lightness).
 */
const C: ReadonlyArray<readonly [number, number, number]> = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
];

export function viridisRgb(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t));
  return [0, 1, 2].map((channel) => {
    let v = 0;
    for (let k = C.length - 1; k >= 0; k--) v = v * x + C[k]![channel]!;
    return Math.round(Math.min(1, Math.max(0, v)) * 255);
  }) as [number, number, number];
}

export function viridis(t: number): string {
  return `#${viridisRgb(t)
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function inkOn(t: number): '#000000' | '#ffffff' {
  const [r, g, b] = viridisRgb(t).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#000000' : '#ffffff';
}
