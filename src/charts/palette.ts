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

/**
 * A fill pattern that tells a rating apart where colours do not: printed in
 * black and white, or seen in grey (the Okabe–Ito sky blue and orange have
 * nearly the same lightness). Ordered from the best rating: plain, diagonal
 * lines, dots, cross-hatching, horizontal lines, vertical lines, lines the
 * other way; a unit without a rating is plain grey.
 */
export type RatingPattern = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'back-diagonal';

const PATTERNS: readonly RatingPattern[] = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical', 'back-diagonal'];

/** How a rating is drawn: its colour, its pattern and the colour of the pattern's marks (dark on light colours, white on dark ones). */
export interface RatingStyle {
  readonly colour: string;
  readonly pattern: RatingPattern;
  readonly ink: string;
}

/** The style of a unit without a rating. */
export const NO_RATING_STYLE: RatingStyle = { colour: NO_RATING_COLOUR, pattern: 'solid', ink: '#111111' };

/**
 * One style per rating id of a criteria set: the colour of {@link ratingColours}
 * and a pattern of its own (up to 7 ratings; longer lists repeat them), so the
 * charts and the report's swatches read in black and white too.
 */
export function ratingStyles(criteria: CriteriaSet): Readonly<Record<string, RatingStyle>> {
  const colours = ratingColours(criteria);
  const out: Record<string, RatingStyle> = {};
  (criteria.ratings ?? []).forEach((rating, i) => {
    const colour = colours[rating.id] ?? NO_RATING_COLOUR;
    out[rating.id] = { colour, pattern: PATTERNS[i % PATTERNS.length]!, ink: textColourOn(colour) };
  });
  return out;
}

/** The marks of a pattern on a 6 × 6 tile (SVG), in `ink`. */
function patternMarks(pattern: RatingPattern, ink: string): string {
  const line = (d: string, width: number): string => `<path d="${d}" stroke="${ink}" stroke-width="${width}" fill="none"/>`;
  switch (pattern) {
    case 'solid': return '';
    case 'diagonal': return line('M-1,1L1,-1M0,6L6,0M5,7L7,5', 1.4);
    case 'back-diagonal': return line('M-1,5L1,7M0,0L6,6M5,-1L7,1', 1.4);
    case 'dots': return `<circle cx="3" cy="3" r="1.3" fill="${ink}"/>`;
    case 'cross': return line('M0,0L6,6M6,0L0,6', 0.9);
    case 'horizontal': return line('M0,3H6', 1.4);
    case 'vertical': return line('M3,0V6', 1.4);
  }
}

/** The id of a style's SVG pattern: `<prefix>-<pattern>-<colour>` (plain ASCII). */
function patternId(prefix: string, style: RatingStyle): string {
  return `${prefix}-${style.pattern}-${style.colour.replace('#', '').toLowerCase()}`;
}

/**
 * The `fill` of a shape drawn in `style`: the plain colour, or a pattern
 * defined by {@link ratingPatternDefs} with the same `prefix`.
 */
export function ratingFill(prefix: string, style: RatingStyle): string {
  return style.pattern === 'solid' ? style.colour : `url(#${patternId(prefix, style)})`;
}

/** The SVG `<pattern>` elements of the patterned styles among `styles` (each once), to put in a `<defs>`. */
export function ratingPatternDefs(prefix: string, styles: readonly RatingStyle[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const style of styles) {
    const id = patternId(prefix, style);
    if (style.pattern === 'solid' || seen.has(id)) continue;
    seen.add(id);
    out.push(`<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${style.colour}"/>${patternMarks(style.pattern, style.ink)}</pattern>`);
  }
  return out.join('');
}

/**
 * The CSS `background` of an HTML swatch in `style`: the colour, and the
 * pattern's marks as gradients (`currentColor` is not used: the ink is given).
 */
export function ratingSwatchCss(style: RatingStyle): string {
  const ink = style.ink;
  const lines = (angle: number): string => `repeating-linear-gradient(${angle}deg,${ink} 0 1.2px,transparent 1.2px 4px)`;
  const image = {
    solid: '',
    diagonal: lines(-45),
    'back-diagonal': lines(45),
    dots: `radial-gradient(circle,${ink} 0 1.1px,transparent 1.3px) 0 0/4px 4px`,
    cross: `${lines(45)},${lines(-45)}`,
    horizontal: lines(0),
    vertical: lines(90),
  }[style.pattern];
  return image === '' ? `background:${style.colour}` : `background:${image},${style.colour}`;
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
