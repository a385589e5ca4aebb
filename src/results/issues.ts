import type * as z from 'zod';
import { makeIssue, type Issue, type IssueArgs, type IssueCode } from '../errors.js';
import { fromZodIssues, toSegments } from '../format/zod-issues.js';
import { formatPath, type PathSegment } from '../path.js';
import { RESULTS_ISSUE, type TaggedParams } from './decimals.js';

/**
 * Collects the issues of one check of a results file, every path under
 * `prefix` (where the report sits in a larger document, `[]` for a file).
 */
export class IssueSink {
  readonly issues: Issue[] = [];
  constructor(readonly prefix: readonly PathSegment[]) {}

  /** Adds an issue at `path` (relative to the report). */
  add<C extends IssueCode>(code: C, path: readonly PathSegment[], ...args: IssueArgs<C>): void {
    this.issues.push(makeIssue(code, formatPath([...this.prefix, ...path]), ...args));
  }
}

type ZodIssue = z.core.$ZodIssue;

function taggedOf(issue: ZodIssue): TaggedParams | undefined {
  if (issue.code !== 'custom') return undefined;
  const params = issue.params as Partial<Record<string, unknown>> | undefined;
  return typeof params?.[RESULTS_ISSUE] === 'string' ? (params as TaggedParams) : undefined;
}

/**
 * The schema's issues as coded {@link Issue}s, in document order: the
 * schema's own (decimals) here, the rest by the library's zod conversion.
 * `root` is the value parsed, `at` its path inside the report.
 */
export function addZodIssues(sink: IssueSink, zodIssues: readonly ZodIssue[], root: unknown, at: readonly PathSegment[] = []): void {
  const seen = new Set<string>();
  for (const issue of zodIssues) {
    const tagged = taggedOf(issue);
    const converted: Issue[] = [];
    if (tagged === undefined) {
      converted.push(...fromZodIssues([issue], root, [...sink.prefix, ...at]));
    } else {
      const path = formatPath([...sink.prefix, ...at, ...toSegments(issue.path)]);
      converted.push(tagged[RESULTS_ISSUE] === 'schema/decimal' ? makeIssue('schema/decimal', path) : makeIssue('results/decimal-places', path, { places: tagged.places }));
    }
    for (const one of converted) {
      const key = `${one.code}\u0000${one.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sink.issues.push(one);
    }
  }
}
