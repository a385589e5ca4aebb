import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, safeNewCriteriaVersion, safePublishCriteriaFile, verifyCriteriaDir } from '../node/criteria-dir.js';
import { chooseCriteria, commandRegistry, currentPeriod } from './criteria-choice.js';
import { diffCriteria } from '../versioning/diff.js';
import { diffToMarkdown } from '../versioning/diff-markdown.js';
import { printIssues, type Io } from './output.js';

/** `dti criteria list`: every set the command line can name, with its status, period, hash and source. */
export function criteriaList(io: Io, options: { readonly criteriaDir?: string | undefined; readonly format: 'text' | 'json' }): number {
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) { printIssues(io, registry.issues, options.format); return 1; }
  const listing = registry.value.list();
  if (options.format === 'json') io.out(`${JSON.stringify({ sources: registry.value.sources, sets: listing }, null, 2)}\n`);
  else for (const e of listing) io.out(`${e.ref}\t${e.status}\t${e.effective.from} → ${e.effective.to ?? '…'}\t${e.sha256 ? e.sha256.slice(0, 12) : '—'}\t${e.source}\n`);
  return 0;
}

/** `dti criteria verify`: every published file of a folder matches its manifest entry. */
export function criteriaVerify(io: Io, options: { readonly dir: string; readonly format: 'text' | 'json' }): number {
  const issues = verifyCriteriaDir(options.dir);
  if (issues.length > 0) { printIssues(io, issues, options.format); return 1; }
  if (options.format === 'json') io.out(`${JSON.stringify({ errors: [] }, null, 2)}\n`);
  else io.out(`${options.dir}: mọi tệp đã công bố khớp manifest / every published file matches the manifest\n`);
  return 0;
}

/** What `dti criteria new` needs. */
export interface CriteriaNewOptions {
  readonly dir: string;
  readonly criteriaDir?: string | undefined;
  readonly from: string;
  readonly version: string;
  readonly title: string;
  readonly titleEn?: string | undefined;
  readonly description?: string | undefined;
  readonly descriptionEn?: string | undefined;
  readonly effectiveFrom?: string | undefined;
  readonly effectiveTo?: string | undefined;
}

/** `dti criteria new <id>`: a draft copy of `id@from` as version `version` in the folder. */
export function criteriaNew(io: Io, id: string, options: CriteriaNewOptions): number {
  const registry = commandRegistry(options.criteriaDir ?? (existsSync(join(options.dir, MANIFEST_FILE)) ? options.dir : undefined));
  const source = registry.ok ? registry.value.safeResolve(`${id}@${options.from}`) : registry;
  if (!source.ok) { printIssues(io, source.issues, 'text'); return 1; }
  const made = safeNewCriteriaVersion(options.dir, source.value, options.version, { title: options.title, titleEn: options.titleEn, description: options.description, descriptionEn: options.descriptionEn, effectiveFrom: options.effectiveFrom, effectiveTo: options.effectiveTo });
  if (!made.ok) { printIssues(io, made.issues, 'text'); return 1; }
  io.out(`${made.value}: bản nháp mới / new draft (status "draft"; hãy sửa effective / set "effective")\n`);
  return 0;
}

/** `dti criteria publish <file>`: validates the draft, marks it published and records its hash in the manifest. */
export function criteriaPublish(io: Io, file: string, options: { readonly dir: string }): number {
  const published = safePublishCriteriaFile(file, options.dir);
  if (!published.ok) { printIssues(io, published.issues, 'text'); return 1; }
  io.out(`${published.value.id}@${published.value.version}: đã công bố / published\n`);
  return 0;
}

/** `dti criteria diff <a> <b>`: what changed between two sets, for people (Markdown) or programs (JSON). */
export function criteriaDiff(io: Io, a: string, b: string, options: { readonly criteriaDir?: string | undefined; readonly period?: string | undefined; readonly format: 'md' | 'json'; readonly lang: 'vi' | 'en' }): number {
  const format = options.format === 'json' ? 'json' : 'text';
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) { printIssues(io, registry.issues, format); return 1; }
  const period = options.period ?? currentPeriod();
  const from = chooseCriteria(registry.value, a, period);
  const to = chooseCriteria(registry.value, b, period);
  if (!from.ok || !to.ok) { printIssues(io, [...(from.ok ? [] : from.issues), ...(to.ok ? [] : to.issues)], format); return 1; }
  io.err(`${from.value.note}${to.value.note}`);
  const diff = diffCriteria(from.value.set, to.value.set);
  if (options.format === 'json') io.out(`${JSON.stringify(diff, null, 2)}\n`);
  else io.out(diffToMarkdown(diff, options.lang));
  return 0;
}
