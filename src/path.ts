/** One step of a JSON path: an object key or an array index. */
export type PathSegment = string | number;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a JSON path the way an editor reads it: `nodes[2].children[0].rule.target`,
 * `units[3].values["CQS.1.3"].numerator`.
 *
 * @example
 * ```ts
 * import { formatPath } from 'dti-criteria';
 * console.log(formatPath(['units', 3, 'values', 'CQS.1.3', 'numerator'])); // units[3].values["CQS.1.3"].numerator
 * ```
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENT.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '$' : out;
}

/**
 * Reads the text form of a JSON path back into its segments (the inverse of
 * {@link formatPath}); `undefined` when the text is not such a path (a file
 * name, a workbook cell). `$` is the empty path.
 *
 * @example
 * ```ts
 * import { parsePath } from 'dti-criteria';
 * console.log(parsePath('units[3].values["CQS.1.3"].numerator')); // ["units",3,"values","CQS.1.3","numerator"]
 * console.log(parsePath('$')); // []
 * console.log(parsePath('form.xlsx!Tự đánh giá!F12')); // undefined
 * ```
 */
export function parsePath(text: string): PathSegment[] | undefined {
  if (text === '$') return [];
  const segments: PathSegment[] = [];
  const step = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < text.length) {
    step.lastIndex = at;
    const match = step.exec(text);
    if (!match || (at === 0 && match[0].startsWith('.')) || (at > 0 && match[1] !== undefined && !match[0].startsWith('.'))) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else {
      try {
        segments.push(JSON.parse(match[3]!) as string);
      } catch {
        return undefined;
      }
    }
    at = step.lastIndex;
  }
  return segments;
}
