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
