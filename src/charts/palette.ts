import type { CriteriaSet } from '../compile/types.js';

/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies), ordered
 * from the best rating to the worst: blue, sky blue, (bluish green), yellow,
 * orange, vermillion, (reddish purple). Sets of 1 to 7 ratings each get a
 * fixed, ordered choice; longer lists repeat the 7 colours.
 */
const ORDERED: Readonly<Record<number, readonly string[]>> = {
  1: ['#0072B2'],
  2: ['#0072B2', '#D55E00'],
  3: ['#0072B2', '#F0E442', '#D55E00'],
  4: ['#0072B2', '#56B4E9', '#E69F00', '#D55E00'],
  5: ['#0072B2', '#56B4E9', '#F0E442', '#E69F00', '#D55E00'],
  6: ['#0072B2', '#56B4E9', '#009E73', '#F0E442', '#E69F00', '#D55E00'],
  7: ['#0072B2', '#56B4E9', '#009E73', '#F0E442', '#E69F00', '#D55E00', '#CC79A7'],
};

/** The colour of a unit without a rating (index `null`, or a set without ratings). */
export const NO_RATING_COLOUR = '#9E9E9E';

/**
 * One colour per rating id of a criteria set, from a colour-blind-safe
 * palette (Okabe–Ito), ordered from the best rating (blue) to the worst
 * (vermillion). The charts and the HTML report use the same colours.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { ratingColours } from 'dti-criteria/charts';
 * const colours = ratingColours(getCriteria('can-tho@2022.1.0'));
 * console.log(colours['xuat-sac']); // #0072B2
 * console.log(colours['yeu']); // #D55E00
 * ```
 */
export function ratingColours(criteria: CriteriaSet): Readonly<Record<string, string>> {
  const ratings = criteria.ratings ?? [];
  const palette = ORDERED[Math.min(ratings.length, 7)] ?? [];
  const out: Record<string, string> = {};
  ratings.forEach((rating, i) => {
    out[rating.id] = palette[i % 7] ?? ORDERED[7]![i % 7]!;
  });
  return out;
}

/** ColorBrewer YlGnBu, 9 classes: sequential and colour-blind safe (light = low, dark = high). */
const SEQUENTIAL = ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'] as const;

function rgb(hex: string): [number, number, number] {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

function hex(channels: readonly number[]): string {
  return `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The sequential colour of an index value in `[0, 1]` (clamped), interpolated between the palette's stops. */
export function sequentialColour(value: number): string {
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  const position = v * (SEQUENTIAL.length - 1);
  const low = Math.floor(position);
  const high = Math.min(SEQUENTIAL.length - 1, low + 1);
  const t = position - low;
  const a = rgb(SEQUENTIAL[low]!);
  const b = rgb(SEQUENTIAL[high]!);
  return hex(a.map((c, i) => c + (b[i]! - c) * t));
}

/** Dark or light text, whichever reads better on `background` (WCAG relative luminance). */
export function textColourOn(background: string): string {
  const [r, g, b] = rgb(background).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.179 ? '#ffffff' : '#111111';
}
