import type * as z from 'zod';
import { makeIssue, type Issue, type IssueArgs, type IssueCode } from '../errors.js';
import { formatPath, type PathSegment } from '../path.js';
import { codedCheckOf } from './coded.js';

/** The value at `path` inside `root`, or `undefined` when the path leads nowhere (own properties only). */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

type ZodIssue = z.core.$ZodIssue;

/** A short text for any value, even one JSON cannot hold (a BigInt, a cycle). */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A zod issue path as JSON path segments (a symbol key, which JSON cannot hold, as its text). */
export function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

/**
 * Converts zod issues into the library's coded {@link Issue}s, with paths
 * relative to `root` and prefixed by `prefix`.
 */
export function fromZodIssues(
  zodIssues: readonly ZodIssue[],
  root: unknown,
  prefix: readonly PathSegment[] = [],
): Issue[] {
  const out: Issue[] = [];
  const visit = (issue: ZodIssue, base: readonly PathSegment[]): void => {
    const segments = [...base, ...toSegments(issue.path)];
    const path = [...prefix, ...segments];
    const push = <C extends IssueCode>(code: C, ...args: IssueArgs<C>): void => {
      out.push(makeIssue(code, path, ...args));
    };
    const coded = codedCheckOf(issue);
    if (coded) {
      out.push(makeIssue(coded.code, path, ...([coded.params] as unknown as IssueArgs<IssueCode>)));
      return;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push(makeIssue('schema/unknown-key', formatPath([...prefix, ...segments, key]), { key }));
        }
        return;
      case 'invalid_type':
        if (valueAt(root, segments) === undefined) push('schema/required');
        else push('schema/type', { expected: issue.expected });
        return;
      case 'invalid_value':
        push('schema/enum', { allowed: issue.values.map(describeValue) });
        return;
      case 'too_small':
        if (issue.origin === 'array' || issue.origin === 'string') push('schema/too-small', { min: Number(issue.minimum) });
        else push('schema/range', { range: `>= ${String(issue.minimum)}` });
        return;
      case 'too_big':
        if (issue.origin === 'array' || issue.origin === 'string') push('input/too-large', { limit: Number(issue.maximum), what: issue.origin === 'array' ? 'items' : 'characters' });
        else push('schema/range', { range: `<= ${String(issue.maximum)}` });
        return;
      case 'invalid_union': {
        const detail = issue as ZodIssue & { note?: string; options?: unknown[]; discriminator?: string };
        if (detail.note === 'No matching discriminator') {
          const value = valueAt(root, segments);
          if (value === undefined) push('schema/required');
          else
            push('rule/unknown-kind', {
              kind: describeValue(value),
              allowed: (detail.options ?? []).map(describeValue),
            });
          return;
        }
        const branches = issue.errors;
        const informative = branches.find((branch) => branch.some((inner) => inner.code !== 'invalid_type' || inner.path.length > 0));
        if (informative) {
          for (const inner of informative) visit(inner, segments);
          return;
        }
        if (valueAt(root, segments) === undefined) push('schema/required');
        else {
          const expected = branches.flatMap((branch) => branch.map((inner) => (inner.code === 'invalid_type' ? inner.expected : inner.code)));
          push('schema/type', { expected: [...new Set(expected)].join(' | ') });
        }
        return;
      }
      case 'invalid_format':
        push('schema/format', { format: issue.format });
        return;
      default:
        push('schema/invalid', { detail: issue.message });
    }
  };
  for (const issue of zodIssues) visit(issue, []);
  // A value can fail two checks that mean the same thing (a regex and a refinement): report it once.
  const seen = new Set<string>();
  return out.filter((issue) => {
    const key = `${issue.code}\u0000${issue.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
