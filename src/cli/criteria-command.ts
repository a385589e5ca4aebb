import { existsSync } from 'node:fs';
import { makeIssue } from '../errors.js';
import { join } from 'node:path';
import { MANIFEST_FILE, safeNewCriteriaVersion, safePublishCriteriaFile, verifyCriteriaDir } from '../node/criteria-dir.js';
import { chooseCriteria, commandRegistry, currentPeriod } from './criteria-choice.js';
import { diffCriteria } from '../versioning/diff.js';
import { diffToMarkdown } from '../versioning/diff-markdown.js';
import { printIssues, type Io } from './output.js';

/** Options of `dti criteria …`. */
export interface CriteriaCommandOptions {
  readonly dir: string;
  /** `--criteria-dir`: a criteria folder searched before `./criteria` and the embedded sets. */
  readonly criteriaDir?: string | undefined;
  /** `--period`: the period a bare id is resolved for (`criteria diff`); default the current year. */
  readonly period?: string | undefined;
  readonly format: string | undefined;
  readonly from: string | undefined;
  readonly version: string | undefined;
  readonly lang: 'vi' | 'en';
  readonly title?: string | undefined;
  readonly titleEn?: string | undefined;
  readonly description?: string | undefined;
  readonly descriptionEn?: string | undefined;
  readonly effectiveFrom?: string | undefined;
  readonly effectiveTo?: string | undefined;
}

/** `dti criteria list|new|publish|verify|diff`. Throws `Error` for usage errors. */
export function criteriaCommand(io: Io, args: readonly string[], options: CriteriaCommandOptions): number {
  const [sub, ...rest] = args;
  const format = options.format ?? 'text';
  switch (sub) {
    case 'list': {
      const registry = commandRegistry(options.criteriaDir);
      if (!registry.ok) { printIssues(io, registry.issues, format); return 1; }
      const listing = registry.value.list();
      if (format === 'json') io.out(`${JSON.stringify({ sources: registry.value.sources, sets: listing }, null, 2)}\n`);
      else for (const e of listing) io.out(`${e.ref}\t${e.status}\t${e.effective.from} → ${e.effective.to ?? '…'}\t${e.sha256 ? e.sha256.slice(0, 12) : '—'}\t${e.source}\n`);
      return 0;
    }
    case 'verify': {
      const issues = verifyCriteriaDir(options.dir);
      if (issues.length > 0) {
        printIssues(io, issues, format);
        return 1;
      }
      if (format === 'json') io.out(`${JSON.stringify({ errors: [] }, null, 2)}\n`);
      else io.out(`${options.dir}: mọi tệp đã công bố khớp manifest / every published file matches the manifest\n`);
      return 0;
    }
    case 'new': {
      const [id] = rest;
      if (!id || !options.from || !options.version) throw new Error('criteria new <id> --from <version> --version <new>');
      if (!options.title) { printIssues(io, [makeIssue('cli/usage', '$', { detail: 'criteria new needs --title' })], 'text'); return 2; }
      const registry = commandRegistry(options.criteriaDir ?? (existsSync(join(options.dir, MANIFEST_FILE)) ? options.dir : undefined));
      const source = registry.ok ? registry.value.safeResolve(`${id}@${options.from}`) : registry;
      if (!source.ok) { printIssues(io, source.issues, format); return 1; }
      const made = safeNewCriteriaVersion(options.dir, source.value, options.version, { title: options.title, titleEn: options.titleEn, description: options.description, descriptionEn: options.descriptionEn, effectiveFrom: options.effectiveFrom, effectiveTo: options.effectiveTo });
      if (!made.ok) { printIssues(io, made.issues, format); return 1; }
      io.out(`${made.value}: bản nháp mới / new draft (status "draft"; hãy sửa effective / set "effective")\n`);
      return 0;
    }
    case 'publish': {
      const [file] = rest;
      if (!file) throw new Error('criteria publish <file>');
      const published = safePublishCriteriaFile(file, options.dir);
      if (!published.ok) { printIssues(io, published.issues, format); return 1; }
      io.out(`${published.value.id}@${published.value.version}: đã công bố / published\n`);
      return 0;
    }
    case 'diff': {
      const [a, b] = rest;
      if (!a || !b) throw new Error('criteria diff <a> <b> [--format md|json]');
      const registry = commandRegistry(options.criteriaDir);
      if (!registry.ok) { printIssues(io, registry.issues, format === 'json' ? 'json' : 'text'); return 1; }
      const period = options.period ?? currentPeriod();
      const from = chooseCriteria(registry.value, a, period);
      const to = chooseCriteria(registry.value, b, period);
      const problems = [...(from.ok ? [] : from.issues), ...(to.ok ? [] : to.issues)];
      if (!from.ok || !to.ok) { printIssues(io, problems, format === 'json' ? 'json' : 'text'); return 1; }
      io.err(`${from.value.note}${to.value.note}`);
      const diff = diffCriteria(from.value.set, to.value.set);
      if (format === 'json') io.out(`${JSON.stringify(diff, null, 2)}\n`);
      else io.out(diffToMarkdown(diff, options.lang));
      return 0;
    }
    default:
      printIssues(io, [makeIssue('cli/usage', '$', { detail: `unknown criteria command "${sub ?? ''}"` })], 'text');
      return 2;
  }
}
