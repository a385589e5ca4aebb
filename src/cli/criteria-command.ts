import { existsSync } from 'node:fs';
import { listCriteria } from '../criteria/resolve.js';
import { makeIssue } from '../errors.js';
import { newCriteriaVersion, publishCriteriaFile, readManifest, verifyCriteriaDir } from '../node/criteria-dir.js';
import { loadCriteria } from '../node/load-criteria.js';
import { diffCriteria } from '../versioning/diff.js';
import { diffToMarkdown } from '../versioning/diff-markdown.js';
import { printIssues, type Io } from './output.js';

/** Options of `dti criteria …`. */
export interface CriteriaCommandOptions {
  readonly dir: string;
  readonly format: string | undefined;
  readonly from: string | undefined;
  readonly version: string | undefined;
  readonly lang: 'vi' | 'en';
}

/** `dti criteria list|new|publish|verify|diff`. Throws `Error` for usage errors. */
export function criteriaCommand(io: Io, args: readonly string[], options: CriteriaCommandOptions): number {
  const [sub, ...rest] = args;
  const format = options.format ?? 'text';
  switch (sub) {
    case 'list': {
      if (existsSync(options.dir)) {
        for (const e of readManifest(options.dir).sets) {
          io.out(`${e.id}@${e.version}\t${e.status}\t${e.effective.from} → ${e.effective.to ?? '…'}\t${e.basis.join(', ')}\t${e.sha256.slice(0, 12)}\n`);
        }
      } else {
        for (const e of listCriteria()) io.out(`${e.ref}\t${e.status}\t${e.effectiveFrom}\t(embedded)\n`);
      }
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
      const made = newCriteriaVersion(options.dir, id, options.from, options.version);
      if (!made.ok) { printIssues(io, made.issues, format); return 1; }
      io.out(`${made.value}: bản nháp mới / new draft (status "draft"; hãy sửa effective / set "effective")\n`);
      return 0;
    }
    case 'publish': {
      const [file] = rest;
      if (!file) throw new Error('criteria publish <file>');
      const published = publishCriteriaFile(file, options.dir);
      if (!published.ok) { printIssues(io, published.issues, format); return 1; }
      io.out(`${published.value.id}@${published.value.version}: đã công bố / published\n`);
      return 0;
    }
    case 'diff': {
      const [a, b] = rest;
      if (!a || !b) throw new Error('criteria diff <a> <b> [--format md|json]');
      const from = loadCriteria(a);
      const to = loadCriteria(b);
      const problems = [...(from.ok ? [] : from.issues), ...(to.ok ? [] : to.issues)];
      if (!from.ok || !to.ok) { printIssues(io, problems, format === 'json' ? 'json' : 'text'); return 1; }
      const diff = diffCriteria(from.value, to.value);
      if (format === 'json') io.out(`${JSON.stringify(diff, null, 2)}\n`);
      else io.out(diffToMarkdown(diff, options.lang));
      return 0;
    }
    default:
      printIssues(io, [makeIssue('cli/usage', '$', { detail: `unknown criteria command "${sub ?? ''}"` })], 'text');
      return 2;
  }
}
