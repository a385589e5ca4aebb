import { canonicalJson } from '../canonical/canonical-json.js';
import { Dec } from '../decimal.js';
import { pick } from '../format/localized.js';
import type { CriteriaDiff, DiffStamp, LevelValueChange, NodeChange, NodeKind, RuleChange } from './diff.js';

/** The language of a rendered diff: `vi` (Vietnamese, English in parentheses) or `en`. */
export type DiffLanguage = 'vi' | 'en';

const LABELS = {
  vi: {
    title: 'So sánh bộ chỉ số (Criteria diff)',
    version: 'Phiên bản (version)',
    fromSide: 'Từ (from)',
    toSide: 'Đến (to)',
    summary: 'Tóm tắt (summary)',
    added: 'thêm mới (added)',
    removed: 'bỏ (removed)',
    renamed: 'đổi mã (renamed)',
    changed: 'thay đổi (changed)',
    none: '_Không có (none)._',
    levelsHeading: 'Cấp đánh giá và nhóm (Levels and groups)',
    levelsNone: '_Không thay đổi (no change)._',
    levelAdded: 'Thêm cấp (level added)',
    levelRemoved: 'Bỏ cấp (level removed)',
    groupAdded: 'Thêm nhóm (group added)',
    groupRemoved: 'Bỏ nhóm (group removed)',
    addedHeading: 'Thêm mới (Added)',
    removedHeading: 'Bỏ (Removed)',
    renamedHeading: 'Đổi mã (Renamed)',
    movedHeading: 'Đổi tên, chuyển vị trí (Name and position changes)',
    pointsHeading: 'Thay đổi điểm (Points changed)',
    ruleHeading: 'Thay đổi quy tắc (Rule changed)',
    scopeHeading: 'Phạm vi áp dụng (Applicability changed)',
    totalsHeading: 'Tổng điểm tối đa theo cấp (Maximum total by level)',
    code: 'Mã (code)',
    codes: 'Mã cũ → mã mới (old → new code)',
    kind: 'Loại (kind)',
    name: 'Tên (name)',
    scope: 'Phạm vi áp dụng (applies to)',
    points: 'Điểm (points)',
    alsoChanged: 'Thay đổi kèm theo (also changed)',
    what: 'Thay đổi (what)',
    level: 'Cấp (level)',
    group: 'Nhóm (group)',
    before: 'Trước (before)',
    after: 'Sau (after)',
    delta: 'Chênh lệch (change)',
    scopeAdded: 'Thêm (added)',
    scopeRemoved: 'Bỏ (removed)',
    leaf: 'tiêu chí (leaf)',
    aggregate: 'chỉ số tổng hợp (aggregate)',
    nameChange: 'tên (name)',
    parentChange: 'vị trí (parent)',
    kindChange: 'loại nút (node kind)',
    top: '(cấp cao nhất / top level)',
    cap: 'mức trần (cap)',
    ruleKind: 'loại quy tắc (rule kind)',
    ruleFields: 'tham số (parameters)',
    allowNA: 'cho phép "n/a" (allowNA)',
    movedShort: 'chuyển vị trí (moved)',
    renamedShort: 'đổi tên (name)',
    pointsShort: 'điểm (points)',
    ruleShort: 'quy tắc (rule)',
    scopeShort: 'phạm vi (applies to)',
    note:
      'Ghi chú (note): điểm, mức trần và phạm vi áp dụng được so sánh trên các cấp và nhóm có ở cả hai phiên bản; ' +
      'cấp hoặc nhóm chỉ có ở một phiên bản được nêu ở mục “Cấp đánh giá và nhóm” và trong bảng tổng điểm. ' +
      'Mô tả, minh chứng, nguồn và đơn vị tính không được so sánh. ' +
      '(Points, caps and applicability are compared on the levels and groups both versions have; description, evidence, source and unit are not compared.)',
  },
  en: {
    title: 'Criteria diff',
    version: 'Version',
    fromSide: 'From',
    toSide: 'To',
    summary: 'Summary',
    added: 'added',
    removed: 'removed',
    renamed: 'renamed',
    changed: 'changed',
    none: '_None._',
    levelsHeading: 'Levels and groups',
    levelsNone: '_No change._',
    levelAdded: 'Level added',
    levelRemoved: 'Level removed',
    groupAdded: 'Group added',
    groupRemoved: 'Group removed',
    addedHeading: 'Added',
    removedHeading: 'Removed',
    renamedHeading: 'Renamed',
    movedHeading: 'Name and position changes',
    pointsHeading: 'Points changed',
    ruleHeading: 'Rule changed',
    scopeHeading: 'Applicability changed',
    totalsHeading: 'Maximum total by level',
    code: 'Code',
    codes: 'Old → new code',
    kind: 'Kind',
    name: 'Name',
    scope: 'Applies to',
    points: 'Points',
    alsoChanged: 'Also changed',
    what: 'What',
    level: 'Level',
    group: 'Group',
    before: 'Before',
    after: 'After',
    delta: 'Change',
    scopeAdded: 'Added',
    scopeRemoved: 'Removed',
    leaf: 'leaf',
    aggregate: 'aggregate',
    nameChange: 'name',
    parentChange: 'parent',
    kindChange: 'node kind',
    top: '(top level)',
    cap: 'cap',
    ruleKind: 'rule kind',
    ruleFields: 'parameters',
    allowNA: 'allows "n/a" (allowNA)',
    movedShort: 'moved',
    renamedShort: 'name',
    pointsShort: 'points',
    ruleShort: 'rule',
    scopeShort: 'applies to',
    note:
      'Note: points, caps and applicability are compared on the levels and groups both versions have; a level or group ' +
      'present in one version only is listed under “Levels and groups” and in the totals table. Description, evidence, ' +
      'source and unit are not compared.',
  },
} as const;

type Labels = { readonly [K in keyof (typeof LABELS)['vi']]: string };

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function ref(stamp: DiffStamp): string {
  return `${stamp.id}@${stamp.version}`;
}

function dash(value: string | null): string {
  return value ?? '—';
}

function delta(from: string | null, to: string | null): string {
  if (from === null || to === null) return '—';
  const d = new Dec(to).minus(from);
  return d.isZero() ? '0' : d.isPos() ? `+${d.toString()}` : d.toString();
}

function pointsText(points: readonly LevelValueChange[] | undefined, side: 'from' | 'to'): string {
  const shown = (points ?? []).filter((p) => p[side] !== null).map((p) => `${p.level} ${p[side]}`);
  return shown.length > 0 ? shown.join(' · ') : '—';
}

function ruleCells(change: RuleChange, t: Labels): [string, string, string] {
  if (change.kindChanged) {
    return [`${t.ruleKind}: ${change.from.kind} → ${change.to.kind}`, code(canonicalJson(change.from)), code(canonicalJson(change.to))];
  }
  const pickFields = (rule: RuleChange['from']): string => {
    const record = rule as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of change.fields) if (record[field] !== undefined) out[field] = record[field];
    return Object.keys(out).length > 0 ? code(canonicalJson(out)) : '—';
  };
  return [`${t.ruleFields}: ${change.fields.join(', ')}`, pickFields(change.from), pickFields(change.to)];
}

/**
 * Renders a {@link CriteriaDiff} as Markdown for the people who maintain the
 * set: who reads it at the DIC sees, in this order, levels and groups added or
 * removed; nodes added; removed; renamed (`KTS.1.4 → KTS.3.5`); name and parent
 * changes; points changed per level; rules changed (only the changed parameters,
 * as compact JSON, or the whole rule when its kind changed); applicability
 * changed; and the maximum total per level and group before and after. Every
 * section is always there (`Không có` when empty), so two reports line up.
 * `lang` `vi` (the default) writes Vietnamese labels with English in
 * parentheses and Vietnamese names; `en` writes English only. The output is a
 * pure function of the diff and ends with a newline.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { diffCriteria } from 'dti-criteria';
 * import { diffToMarkdown } from 'dti-criteria';
 * const md = diffToMarkdown(diffCriteria(getCriteria('can-tho@2022.1.0'), getCriteria('can-tho@2023.1.0')));
 * console.log(md.split('\n')[0]); // # So sánh bộ chỉ số (Criteria diff): can-tho@2022.1.0 → can-tho@2023.1.0
 * console.log(md.includes('| KTS.1.4 → KTS.3.5 |')); // true
 * console.log(md.includes('| `XHS.1.1` | Tỷ lệ ấp, khu vực có Tổ công nghệ số cộng đồng đạt yêu cầu | commune | 70 | 80 |')); // true
 * ```
 */
export function diffToMarkdown(diff: CriteriaDiff, lang: DiffLanguage = 'vi'): string {
  const t: Labels = LABELS[lang];
  const name = (n: NodeChange): string => pick(n.name, lang);
  const kindText = (k: NodeKind): string => (k === 'leaf' ? t.leaf : t.aggregate);
  const lines: string[] = [];
  const section = (heading: string, body: readonly string[]): void => {
    lines.push('', `## ${heading}`, '', ...(body.length > 0 ? body : [t.none]));
  };

  lines.push(`# ${t.title}: ${ref(diff.from)} → ${ref(diff.to)}`, '');
  lines.push(...table(['', t.version, 'sha256'], [
    [t.fromSide, code(ref(diff.from)), code(diff.from.sha256)],
    [t.toSide, code(ref(diff.to)), code(diff.to.sha256)],
  ]));
  const s = diff.summary;
  lines.push('', `${t.summary}: ${s.added} ${t.added} · ${s.removed} ${t.removed} · ${s.renamed} ${t.renamed} · ${s.changed} ${t.changed}.`);

  // Levels and groups.
  const levelLines = [
    ...diff.levels.added.map((l) => `- ${t.levelAdded}: ${code(l)}`),
    ...diff.levels.removed.map((l) => `- ${t.levelRemoved}: ${code(l)}`),
    ...diff.levels.groups.added.map((g) => `- ${t.groupAdded}: ${code(`${g.level}/${g.group}`)}`),
    ...diff.levels.groups.removed.map((g) => `- ${t.groupRemoved}: ${code(`${g.level}/${g.group}`)}`),
  ];
  lines.push('', `## ${t.levelsHeading}`, '', ...(levelLines.length > 0 ? levelLines : [t.levelsNone]));

  // Added and removed nodes.
  const listed = (change: 'added' | 'removed'): string[] => {
    const rows = diff.nodes
      .filter((n) => n.change === change)
      .map((n) => {
        const atoms = change === 'added' ? n.details.appliesTo?.added : n.details.appliesTo?.removed;
        return [code(n.code), kindText(n.kind), name(n), atoms && atoms.length > 0 ? atoms.join(', ') : '—', pointsText(n.details.points, change === 'added' ? 'to' : 'from')];
      });
    return rows.length > 0 ? table([t.code, t.kind, t.name, t.scope, t.points], rows) : [];
  };
  section(t.addedHeading, listed('added'));
  section(t.removedHeading, listed('removed'));

  // Renamed.
  const matched = diff.nodes.filter((n) => n.change === 'renamed' || n.change === 'changed');
  const renamedRows = diff.nodes
    .filter((n) => n.change === 'renamed')
    .map((n) => {
      const d = n.details;
      const also = [
        d.parent ? t.movedShort : '',
        d.name ? t.renamedShort : '',
        d.points ? t.pointsShort : '',
        d.rule || d.allowNA ? t.ruleShort : '',
        d.appliesTo ? t.scopeShort : '',
      ].filter((x) => x !== '');
      return [`${n.formerCode ?? ''} → ${n.code}`, kindText(n.kind), name(n), also.length > 0 ? also.join(', ') : '—'];
    });
  section(t.renamedHeading, renamedRows.length > 0 ? table([t.codes, t.kind, t.name, t.alsoChanged], renamedRows) : []);

  // Name, parent and node-kind changes.
  const movedRows: string[][] = [];
  for (const n of matched) {
    const d = n.details;
    if (d.name) movedRows.push([code(n.code), t.nameChange, pick(d.name.from, lang), pick(d.name.to, lang)]);
    if (d.parent) movedRows.push([code(n.code), t.parentChange, d.parent.from ?? t.top, d.parent.to ?? t.top]);
    if (d.kind) movedRows.push([code(n.code), t.kindChange, kindText(d.kind.from), kindText(d.kind.to)]);
  }
  section(t.movedHeading, movedRows.length > 0 ? table([t.code, t.what, t.before, t.after], movedRows) : []);

  // Points (and caps) per level.
  const pointRows: string[][] = [];
  for (const n of matched) {
    for (const p of n.details.points ?? []) pointRows.push([code(n.code), name(n), p.level, dash(p.from), dash(p.to)]);
    for (const c of n.details.cap ?? []) pointRows.push([code(n.code), name(n), `${c.level} (${t.cap})`, dash(c.from), dash(c.to)]);
  }
  section(t.pointsHeading, pointRows.length > 0 ? table([t.code, t.name, t.level, t.before, t.after], pointRows) : []);

  // Rules.
  const ruleRows: string[][] = [];
  for (const n of matched) {
    if (n.details.rule) ruleRows.push([code(n.code), name(n), ...ruleCells(n.details.rule, t)]);
    if (n.details.allowNA) ruleRows.push([code(n.code), name(n), t.allowNA, code(String(n.details.allowNA.from)), code(String(n.details.allowNA.to))]);
  }
  section(t.ruleHeading, ruleRows.length > 0 ? table([t.code, t.name, t.what, t.before, t.after], ruleRows) : []);

  // Applicability.
  const scopeRows = matched
    .filter((n) => n.details.appliesTo)
    .map((n) => {
      const a = n.details.appliesTo!;
      return [code(n.code), name(n), a.added.length > 0 ? a.added.join(', ') : '—', a.removed.length > 0 ? a.removed.join(', ') : '—'];
    });
  section(t.scopeHeading, scopeRows.length > 0 ? table([t.code, t.name, t.scopeAdded, t.scopeRemoved], scopeRows) : []);

  // Totals.
  const totalRows = diff.totals.map((r) => [r.level, r.group ?? '—', dash(r.from), dash(r.to), delta(r.from, r.to)]);
  section(t.totalsHeading, totalRows.length > 0 ? table([t.level, t.group, t.before, t.after, t.delta], totalRows) : []);

  lines.push('', t.note);
  return `${lines.join('\n')}\n`;
}
