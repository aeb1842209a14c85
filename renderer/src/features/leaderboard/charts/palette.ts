/**
 * Colour scales safe for the common colour-vision deficiencies, computed in code (no chart
 * library is installed yet). Viridis for amounts (battle counts), ColorBrewer's PuOr for win
 * rates around ½: both stay distinguishable under deuteranopia, protanopia and tritanopia and
 * keep their order in greyscale. Colour is never the only signal: every cell has a text title
 * and every chart a data table.
 */
const VIRIDIS = ['#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c', '#22a884', '#44bf70', '#7ad151', '#bddf26', '#fde725'];
/** Brown (row loses) → light grey (even) → purple (row wins). */
const PURPLE_ORANGE = ['#7f3b08', '#b35806', '#e08214', '#fdb863', '#fee0b6', '#f7f7f7', '#d8daeb', '#b2abd2', '#8073ac', '#542788', '#2d004b'];

/** Cells with no data: a mid grey outside both scales. */
export const NO_DATA_COLOR = '#a8a8a8';

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: number[]): string {
  return `#${[r, g, b].map((c) => Math.round(c!).toString(16).padStart(2, '0')).join('')}`;
}

function interpolate(stops: readonly string[], t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (stops.length - 1);
  const low = Math.floor(position);
  const high = Math.min(stops.length - 1, low + 1);
  const share = position - low;
  const [a, b] = [rgb(stops[low]!), rgb(stops[high]!)];
  return toHex(a.map((channel, i) => channel + (b[i]! - channel) * share));
}

export const viridis = (t: number): string => interpolate(VIRIDIS, t);
export const winRateColor = (t: number): string => interpolate(PURPLE_ORANGE, t);

/** Black or white, whichever reads better on the background (WCAG relative luminance). */
export function textColorOn(background: string): string {
  const [r, g, b] = rgb(background).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
