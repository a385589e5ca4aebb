/** Where JSON text goes, piece by piece (a stream's `write`, or a string builder). */
export type JsonSink = (chunk: string) => void;

/** Options of {@link writeReportJson}. */
export interface WriteJsonOptions {
  /** Two-space indentation, byte for byte `JSON.stringify(value, null, 2)`; default compact, as `JSON.stringify(value)`. */
  readonly pretty?: boolean;
  /**
   * Applied to each element of `results` just before it is written (for
   * example `explainUnit`, so each unit's texts are built, written and
   * dropped one unit at a time).
   */
  readonly mapResult?: (result: never) => unknown;
}

/** The top-level lists written one element at a time (the per-unit parts of a report). */
const STREAMED = new Set(['results', 'rejected']);

/** `JSON.stringify` of one value at `depth` (for pretty output: its inner lines indented to that depth). */
function text(value: unknown, pretty: boolean, depth: number): string {
  const json = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
  return pretty && depth > 0 ? json.replace(/\n/g, `\n${'  '.repeat(depth)}`) : json;
}

/**
 * Writes a results object as JSON to `write`, one unit at a time: the same
 * text as `JSON.stringify(report)` (or, with `pretty`, `JSON.stringify(report,
 * null, 2)`), without ever holding the whole text in one string. For a large
 * batch this keeps memory to one unit's text.
 *
 * @example
 * ```ts
 * import { writeReportJson } from 'dti-criteria';
 * const report = { format: 1, results: [{ unit: 'a', points: '1.00' }, { unit: 'b', points: '2.00' }], rejected: [] };
 * const chunks: string[] = [];
 * writeReportJson(report, (chunk) => chunks.push(chunk));
 * console.log(chunks.join('') === JSON.stringify(report)); // true
 * const pretty: string[] = [];
 * writeReportJson(report, (chunk) => pretty.push(chunk), { pretty: true });
 * console.log(pretty.join('') === JSON.stringify(report, null, 2)); // true
 * const upper: string[] = [];
 * writeReportJson(report, (chunk) => upper.push(chunk), { mapResult: (r: { unit: string }) => ({ ...r, unit: r.unit.toUpperCase() }) });
 * console.log(upper.join('')); // {"format":1,"results":[{"unit":"A","points":"1.00"},{"unit":"B","points":"2.00"}],"rejected":[]}
 * ```
 */
export function writeReportJson(report: object, write: JsonSink, options: WriteJsonOptions = {}): void {
  const pretty = options.pretty === true;
  const entries = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol');
  if (entries.length === 0) {
    write('{}');
    return;
  }
  const [open, keySep, itemSep, close] = pretty ? ['{\n  ', ': ', ',\n  ', '\n}'] : ['{', ':', ',', '}'];
  write(open);
  entries.forEach(([key, value], index) => {
    if (index > 0) write(itemSep);
    write(`${JSON.stringify(key)}${keySep}`);
    if (!STREAMED.has(key) || !Array.isArray(value) || value.length === 0) {
      write(text(value, pretty, 1));
      return;
    }
    write(pretty ? '[\n    ' : '[');
    const map = key === 'results' ? options.mapResult : undefined;
    value.forEach((item: unknown, position) => {
      if (position > 0) write(pretty ? ',\n    ' : ',');
      write(text(map === undefined ? item : map(item as never), pretty, 2));
    });
    write(pretty ? '\n  ]' : ']');
  });
  write(close);
}
