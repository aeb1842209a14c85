/** A linear map from a data domain to a pixel range. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 × 10ⁿ). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const ticks: number[] = [];
  // Multiples of the step, trimmed to 12 significant digits so 3 × 0.2 reads 0.6, not 0.6000000000000001.
  for (let k = Math.ceil(min / step); k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** Mirrors x positions for right-to-left layouts, so labels sit at the inline start. */
export function mirror(width: number, rtl: boolean): (x: number) => number {
  return rtl ? (x) => width - x : (x) => x;
}

/** Long model names are cut for the chart; the full name is in the element's title. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
