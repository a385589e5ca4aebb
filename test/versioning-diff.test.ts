import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaHash, Dec, safeParseCriteria, type CriteriaNode, type CriteriaSet } from '../src/index.js';
import { EMBEDDED_SETS, getCriteria } from '../src/sets/index.js';
import { diffToMarkdown } from '../src/versioning/diff-markdown.js';
import { diffCriteria, isEmptyDiff, type CriteriaDiff, type NodeChange } from '../src/versioning/diff.js';
import { leavesOf } from './support/arbitraries.js';

const runs = Number(process.env.FC_RUNS ?? 40);
const y2022 = getCriteria('can-tho@2022.1.0');
const y2023 = getCriteria('can-tho@2023.1.0');
const y2025 = getCriteria('can-tho@2025.1.0');

function fixture(name: string): CriteriaSet {
  const data: unknown = JSON.parse(readFileSync(join(__dirname, 'fixtures/diff', name), 'utf8'));
  const result = safeParseCriteria(data);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
  return result.value;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function node(diff: CriteriaDiff, code: string): NodeChange | undefined {
  return diff.nodes.find((n) => n.code === code);
}

function codes(diff: CriteriaDiff, change: NodeChange['change']): string[] {
  return diff.nodes.filter((n) => n.change === change).map((n) => n.code);
}

/** Maximum per atom computed straight from the JSON: sum of applicable scored leaf points (these sets have no caps). */
function independentTotals(set: CriteriaSet): Map<string, Dec> {
  const totals = new Map<string, Dec>();
  for (const level of set.levels) {
    const atoms = level.groups?.length ? level.groups.map((g) => `${level.id}/${g.id}`) : [level.id];
    for (const atom of atoms) totals.set(atom, new Dec(0));
  }
  for (const { node: leaf, atoms } of leavesOf(set)) {
    if (leaf.rule?.kind === 'info') continue;
    for (const atom of atoms) {
      const level = atom.split('/')[0]!;
      const p = leaf.points;
      const value = typeof p === 'object' ? p[level] : p;
      totals.set(atom, totals.get(atom)!.plus(value ?? 0));
    }
  }
  return totals;
}

const atomOf = (t: { level: string; group: string | null }): string => (t.group === null ? t.level : `${t.level}/${t.group}`);

describe('diffCriteria: can-tho 2022.1.0 → 2023.1.0 (reference section 4.2)', () => {
  const diff = diffCriteria(y2022, y2023);

  it('stamps both sets with id, version and sha256', () => {
    expect(diff.from).toEqual({ id: 'can-tho', version: '2022.1.0', sha256: criteriaHash(y2022) });
    expect(diff.to).toEqual({ id: 'can-tho', version: '2023.1.0', sha256: criteriaHash(y2023) });
  });

  it('lists exactly the five changes, in 2023 tree order then the removed node', () => {
    expect(diff.nodes.map((n) => [n.change, n.code])).toEqual([
      ['added', 'CQS.3.7'],
      ['changed', 'CQS.7.2'],
      ['renamed', 'KTS.3.5'],
      ['changed', 'XHS.1.1'],
      ['changed', 'XHS.2.2'],
      ['removed', 'CQS.3.2'],
    ]);
    expect(diff.summary).toEqual({ added: 1, removed: 1, renamed: 1, changed: 3 });
    expect(diff.levels).toEqual({ added: [], removed: [], groups: { added: [], removed: [] } });
  });

  it('1. KTS.1.4 → KTS.3.5 is a rename (not removed + added), moved from KTS.1 to KTS.3, same rule and points', () => {
    expect(node(diff, 'KTS.3.5')).toEqual({
      change: 'renamed',
      code: 'KTS.3.5',
      formerCode: 'KTS.1.4',
      kind: 'leaf',
      name: { vi: 'Tỷ lệ doanh nghiệp đang hoạt động sử dụng hóa đơn điện tử', en: 'Share of active businesses using e-invoices' },
      details: {
        name: {
          from: { vi: 'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử', en: 'Share of businesses using e-invoices' },
          to: { vi: 'Tỷ lệ doanh nghiệp đang hoạt động sử dụng hóa đơn điện tử', en: 'Share of active businesses using e-invoices' },
        },
        parent: { from: 'KTS.1', to: 'KTS.3' },
      },
    });
    expect(node(diff, 'KTS.1.4')).toBeUndefined();
  });

  it('2. CQS.3.2 removed, with the points it had', () => {
    expect(node(diff, 'CQS.3.2')).toEqual({
      change: 'removed',
      code: 'CQS.3.2',
      kind: 'leaf',
      name: { vi: 'Kết nối mạng truyền số liệu chuyên dùng', en: "Connected to the government's specialised data network" },
      details: {
        points: [
          { level: 'department', from: '15', to: null },
          { level: 'district', from: '15', to: null },
          { level: 'commune', from: '10', to: null },
        ],
        appliesTo: { added: [], removed: ['department/A', 'department/B', 'department/C', 'district', 'commune'] },
      },
    });
  });

  it('3. CQS.3.7 added: dep 15, dist 15, comm 10, every level and group', () => {
    const added = node(diff, 'CQS.3.7')!;
    expect(added.change).toBe('added');
    expect(added.kind).toBe('leaf');
    expect(added.name.vi).toBe('Tỷ lệ hồ sơ, tài liệu lưu trữ của đơn vị được số hóa');
    expect(added.details).toEqual({
      points: [
        { level: 'department', from: null, to: '15' },
        { level: 'district', from: null, to: '15' },
        { level: 'commune', from: null, to: '10' },
      ],
      appliesTo: { added: ['department/A', 'department/B', 'department/C', 'district', 'commune'], removed: [] },
    });
  });

  it('4. XHS.1.1 commune 70 → 80 and XHS.2.2 commune 30 → 20, nothing else', () => {
    expect(node(diff, 'XHS.1.1')?.details).toEqual({ points: [{ level: 'commune', from: '70', to: '80' }] });
    expect(node(diff, 'XHS.2.2')?.details).toEqual({ points: [{ level: 'commune', from: '30', to: '20' }] });
  });

  it('5. CQS.7.2 target 0.5 → 0.6 is a rule-parameter change', () => {
    expect(node(diff, 'CQS.7.2')?.details).toEqual({
      rule: { from: { kind: 'ratio', target: '0.5' }, to: { kind: 'ratio', target: '0.6' }, kindChanged: false, fields: ['target'] },
    });
  });

  it('totals are unchanged at 1000 / 600 / 500 / 1000 / 1000', () => {
    expect(diff.totals).toEqual([
      { level: 'department', group: 'A', from: '1000', to: '1000' },
      { level: 'department', group: 'B', from: '600', to: '600' },
      { level: 'department', group: 'C', from: '500', to: '500' },
      { level: 'district', group: null, from: '1000', to: '1000' },
      { level: 'commune', group: null, from: '1000', to: '1000' },
    ]);
  });

  it('aggregates whose maximum moved only through their children (district KTS.1 75 → 55, KTS.3 65 → 85, commune XHS.1, XHS.2) are not listed', () => {
    for (const code of ['KTS', 'KTS.1', 'KTS.3', 'XHS', 'XHS.1', 'XHS.2', 'CQS.3']) expect(node(diff, code)).toBeUndefined();
  });

  it('is plain JSON: a round trip through JSON.stringify changes nothing', () => {
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});

describe('diffCriteria: can-tho 2022.1.0 → 2025.1.0 (reference section 5.6)', () => {
  const diff = diffCriteria(y2022, y2025);

  it('the district level and department group C are removed', () => {
    expect(diff.levels).toEqual({ added: [], removed: ['district'], groups: { added: [], removed: [{ level: 'department', group: 'C' }] } });
  });

  it('totals per level: A and B and commune unchanged, C and district gone', () => {
    expect(diff.totals).toEqual([
      { level: 'department', group: 'A', from: '1000', to: '1000' },
      { level: 'department', group: 'B', from: '600', to: '600' },
      { level: 'department', group: 'C', from: '500', to: null },
      { level: 'district', group: null, from: '1000', to: null },
      { level: 'commune', group: null, from: '1000', to: '1000' },
    ]);
  });

  it('new leaves are exactly the "new" rows (department and commune)', () => {
    expect(codes(diff, 'added').sort()).toEqual(['CQS.3.8', 'CQS.5.5', 'CQS.6.6', 'CQS.7.6', 'KTS.3.6', 'KTS.3.7', 'XHS.1.5', 'XHS.2.5']);
    expect(node(diff, 'KTS.3.6')?.details).toEqual({ points: [{ level: 'department', from: null, to: '90' }], appliesTo: { added: ['department/A'], removed: [] } });
    expect(node(diff, 'XHS.1.5')?.details).toEqual({ points: [{ level: 'commune', from: null, to: '80' }], appliesTo: { added: ['commune'], removed: [] } });
    expect(node(diff, 'CQS.3.8')?.details.points).toEqual([
      { level: 'department', from: null, to: '55' },
      { level: 'commune', from: null, to: '40' },
    ]);
  });

  it('retired nodes are exactly those retired since 2022.1.0, CQS.8 with its info leaf included', () => {
    expect(codes(diff, 'removed')).toEqual([
      'CQS.1.2', 'CQS.2.4', 'CQS.3.1', 'CQS.3.2', 'CQS.3.4', 'CQS.3.6', 'CQS.4.3', 'CQS.5.3', 'CQS.5.4', 'CQS.6.3', 'CQS.6.5', 'CQS.8', 'CQS.8.1',
      'KTS.1.2', 'KTS.1.3', 'KTS.1.4', 'KTS.3.3',
      'XHS.1.3', 'XHS.1.4', 'XHS.2.2', 'XHS.3.3', 'XHS.3.5',
    ]);
    expect(node(diff, 'CQS.8')?.kind).toBe('aggregate');
    expect(node(diff, 'CQS.8.1')?.details).toEqual({ appliesTo: { added: [], removed: ['district', 'commune'] } });
    expect(codes(diff, 'renamed')).toEqual([]);
  });

  it('points-only (P) leaves carry exactly their points change on the shared levels', () => {
    expect(node(diff, 'CQS.3.5')?.details).toEqual({ points: [{ level: 'department', from: '20', to: '30' }] });
    expect(node(diff, 'XHS.3.1')?.details).toEqual({ points: [{ level: 'department', from: '50', to: '60' }] });
    expect(node(diff, 'XHS.3.4')?.details).toEqual({
      points: [
        { level: 'department', from: '40', to: '50' },
        { level: 'commune', from: '35', to: '50' },
      ],
    });
    // XHS.1.1 was district 50 in 2022: the district level is gone, so only the commune change shows.
    expect(node(diff, 'XHS.1.1')?.details).toEqual({ points: [{ level: 'commune', from: '70', to: '80' }] });
  });

  it('rule (R) leaves carry their rule change and no points change', () => {
    expect(node(diff, 'CQS.6.2')?.details).toEqual({
      rule: { from: { kind: 'ratio', target: '0.8' }, to: { kind: 'ratio', target: '0.9' }, kindChanged: false, fields: ['target'] },
    });
    expect(node(diff, 'CQS.7.2')?.details).toEqual({
      rule: { from: { kind: 'ratio', target: '0.5' }, to: { kind: 'ratio', target: '0.8' }, kindChanged: false, fields: ['target'] },
    });
    const budget = node(diff, 'CQS.2.3')!;
    expect(budget.change).toBe('changed');
    expect(budget.details.points).toBeUndefined();
    expect(budget.details.rule?.kindChanged).toBe(false);
    expect(budget.details.rule?.fields).toEqual(['bands']);
    const mins = (r: unknown): string[] => (r as { bands: { min: string }[] }).bands.map((b) => b.min);
    expect(mins(budget.details.rule?.from)).toEqual(['0.01', '0.005', '0.001']);
    expect(mins(budget.details.rule?.to)).toEqual(['0.03', '0.015', '0.005']);
    expect(budget.details.name?.to.vi).toBe('Kinh phí bố trí cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số');
  });

  const unchangedDepartmentA = ['CQS.1.1', 'CQS.1.3', 'CQS.1.4', 'CQS.2.1', 'CQS.2.2', 'CQS.3.3', 'CQS.4.1', 'CQS.4.2', 'CQS.5.1', 'CQS.5.2', 'CQS.6.1', 'CQS.6.4', 'CQS.7.1', 'CQS.7.3', 'CQS.7.4', 'KTS.2.1', 'KTS.3.1', 'KTS.3.4', 'XHS.1.2'];
  const unchangedCommune = ['CQS.1.1', 'CQS.1.3', 'CQS.2.1', 'CQS.3.3', 'CQS.4.1', 'CQS.4.2', 'CQS.5.2', 'CQS.6.1', 'CQS.6.4', 'CQS.7.1', 'CQS.7.3', 'CQS.7.4', 'CQS.7.5', 'KTS.1.1', 'KTS.2.1', 'KTS.2.2', 'KTS.3.2', 'XHS.2.1', 'XHS.2.3', 'XHS.2.4', 'XHS.3.2'];

  it.each([...new Set([...unchangedDepartmentA, ...unchangedCommune])])('"=" leaf %s: no rule, name or points change on a level it keeps', (code) => {
    const entry = node(diff, code);
    if (!entry) return;
    expect(entry.change).toBe('changed');
    expect(Object.keys(entry.details).sort()).toEqual(['appliesTo', 'points']);
    expect(entry.details.appliesTo?.added).toEqual([]);
    const lostLevels = new Set(entry.details.appliesTo!.removed.map((atom) => atom.split('/')[0]));
    for (const p of entry.details.points!) {
      expect(p.to).toBeNull();
      expect(lostLevels.has(p.level)).toBe(true);
    }
  });

  it('"=" leaves that no longer apply to a level report exactly that narrowing', () => {
    const narrowed = diff.nodes.filter((n) => n.change === 'changed' && n.details.appliesTo && !n.details.rule && !n.details.name);
    expect(Object.fromEntries(narrowed.map((n) => [n.code, n.details.appliesTo!.removed]))).toEqual({
      'CQS.1.4': ['commune'],
      'CQS.2.2': ['commune'],
      'KTS.1': ['department/A'],
      'KTS.3.1': ['commune'],
      'KTS.3.2': ['department/A'],
      'XHS.1.2': ['commune'],
      'XHS.2.4': ['department/A'],
    });
    expect(node(diff, 'KTS.3.2')?.details.points).toEqual([{ level: 'department', from: '30', to: null }]);
    expect(node(diff, 'KTS.1')?.kind).toBe('aggregate');
  });

  it('the changed nodes are exactly the P, R, narrowed leaves and the two aggregates (CQS.3 renamed in words, KTS.1 narrowed)', () => {
    expect(codes(diff, 'changed')).toEqual(['CQS.1.4', 'CQS.2.2', 'CQS.2.3', 'CQS.3', 'CQS.3.5', 'CQS.6.2', 'CQS.7.2', 'KTS.1', 'KTS.3.1', 'KTS.3.2', 'XHS.1.1', 'XHS.1.2', 'XHS.2.4', 'XHS.3.1', 'XHS.3.4']);
    expect(node(diff, 'CQS.3')?.details).toEqual({
      name: {
        from: { vi: 'Hạ tầng và nền tảng số', en: 'Digital infrastructure and platforms' },
        to: { vi: 'Hạ tầng, nền tảng và dữ liệu số', en: 'Digital infrastructure, platforms and data' },
      },
    });
    expect(diff.summary).toEqual({ added: 8, removed: 22, renamed: 0, changed: 15 });
  });
});

describe('diffCriteria: can-tho 2023.1.0 → 2025.1.0 (the "vs 2023" column)', () => {
  const diff = diffCriteria(y2023, y2025);

  it('the 2023-only leaves retire; XHS.1.1 (80 since 2023) is not listed; CQS.7.2 target 0.6 → 0.8', () => {
    const removed = codes(diff, 'removed');
    expect(removed).toContain('CQS.3.7');
    expect(removed).toContain('KTS.3.5');
    expect(removed).not.toContain('CQS.3.2');
    expect(removed).not.toContain('KTS.1.4');
    expect(node(diff, 'XHS.1.1')).toBeUndefined();
    expect(node(diff, 'CQS.7.2')?.details.rule?.from).toEqual({ kind: 'ratio', target: '0.6' });
    expect(node(diff, 'CQS.7.2')?.details.rule?.to).toEqual({ kind: 'ratio', target: '0.8' });
  });
});

describe('diffCriteria: hand-made fixtures', () => {
  const base = fixture('base.json');

  it('a group added: reported once under levels, its total from null, no node change', () => {
    const diff = diffCriteria(base, fixture('group-added.json'));
    expect(diff.levels).toEqual({ added: [], removed: [], groups: { added: [{ level: 'department', group: 'C' }], removed: [] } });
    expect(diff.nodes).toEqual([]);
    expect(diff.totals).toEqual([
      { level: 'department', group: 'A', from: '100', to: '100' },
      { level: 'department', group: 'B', from: '50', to: '50' },
      { level: 'department', group: 'C', from: null, to: '50' },
      { level: 'commune', group: null, from: '80', to: '80' },
    ]);
    expect(isEmptyDiff(diff)).toBe(false);
    const reverse = diffCriteria(fixture('group-added.json'), base);
    expect(reverse.levels.groups.removed).toEqual([{ level: 'department', group: 'C' }]);
    expect(reverse.totals[2]).toEqual({ level: 'department', group: 'C', from: '50', to: null });
  });

  it('appliesTo narrowed: the atoms lost and the points of the level lost', () => {
    const diff = diffCriteria(base, fixture('applies-narrowed.json'));
    expect(diff.nodes).toEqual([
      {
        change: 'changed',
        code: 'CQS.1.3',
        kind: 'leaf',
        name: { vi: 'Mức độ kết nối nền tảng dùng chung', en: 'Connection to the shared platform' },
        details: { appliesTo: { added: [], removed: ['commune'] }, points: [{ level: 'commune', from: '10', to: null }] },
      },
    ]);
    expect(diff.totals.find((t) => t.level === 'commune')).toEqual({ level: 'commune', group: null, from: '80', to: '70' });
    // The other way round the atoms are gained.
    const widened = diffCriteria(fixture('applies-narrowed.json'), base);
    expect(widened.nodes[0]?.details).toEqual({ appliesTo: { added: ['commune'], removed: [] }, points: [{ level: 'commune', from: null, to: '10' }] });
  });

  it('a node moved to another parent (same code) reports the parents and nothing else', () => {
    const diff = diffCriteria(base, fixture('moved.json'));
    expect(diff.nodes).toEqual([
      { change: 'changed', code: 'CQS.1.2', kind: 'leaf', name: { vi: 'Điểm an toàn thông tin', en: 'Information security score' }, details: { parent: { from: 'CQS.1', to: 'CQS' } } },
    ]);
    expect(diff.totals.every((t) => t.from === t.to)).toBe(true);
  });

  it('a rule kind change lists every differing field; allowNA switched on is its own detail', () => {
    const diff = diffCriteria(base, fixture('rule-kind.json'));
    expect(diff.nodes.map((n) => n.code)).toEqual(['CQS.2.2', 'CQS.2.3']);
    expect(node(diff, 'CQS.2.2')?.details).toEqual({
      rule: {
        from: { kind: 'linear', from: '10', to: '2' },
        to: { kind: 'bands', bands: [{ max: '2', points: '15' }, { max: '5', fraction: '0.5' }], else: '0' },
        kindChanged: true,
        fields: ['bands', 'else', 'from', 'to'],
      },
    });
    expect(node(diff, 'CQS.2.3')?.details).toEqual({ allowNA: { from: false, to: true } });
  });

  it('a cap change on an aggregate is reported and the totals follow it exactly', () => {
    const capped = clone(base) as unknown as { levels: { expectedMax?: unknown }[]; nodes: CriteriaNode[] };
    for (const level of capped.levels) delete level.expectedMax;
    const uncapped = clone(capped);
    (capped.nodes[0]!.children![1] as { cap?: unknown }).cap = { department: '37.5' };
    const a = uncapped as unknown as CriteriaSet;
    const b = capped as unknown as CriteriaSet;
    const diff = diffCriteria(a, b);
    expect(diff.nodes).toEqual([
      { change: 'changed', code: 'CQS.2', kind: 'aggregate', name: { vi: 'Dịch vụ số', en: 'Digital services' }, details: { cap: [{ level: 'department', from: null, to: '37.5' }] } },
    ]);
    // department/A: CQS.1 50 + min(37.5, 50) = 87.5; B has no CQS.2; the cap is not set for communes.
    expect(diff.totals).toEqual([
      { level: 'department', group: 'A', from: '100', to: '87.5' },
      { level: 'department', group: 'B', from: '50', to: '50' },
      { level: 'commune', group: null, from: '80', to: '80' },
    ]);
  });

  it('a leaf of the same code renamed through an alias to a new parent keeps its points comparison', () => {
    const before = fixture('base.json');
    const after = clone(before) as unknown as { version: string; levels: { expectedMax?: unknown }[]; nodes: CriteriaNode[] };
    after.version = '2023.1.0';
    for (const level of after.levels) delete level.expectedMax; // department A goes 100 → 105
    const cqs1 = after.nodes[0]!.children![0]! as unknown as { children: CriteriaNode[] };
    const cqs2 = after.nodes[0]!.children![1]! as unknown as { children: CriteriaNode[] };
    const leaf = cqs1.children.find((c) => c.code === 'CQS.1.1')!;
    cqs1.children = cqs1.children.filter((c) => c.code !== 'CQS.1.1');
    cqs2.children.push({ ...leaf, code: 'CQS.2.9', aliases: ['CQS.1.1'], points: '25' });
    // CQS.1.1 now sits under CQS.2 (department A + commune): department B loses it.
    const diff = diffCriteria(before, after as unknown as CriteriaSet);
    const renamed = node(diff, 'CQS.2.9')!;
    expect(renamed.change).toBe('renamed');
    expect(renamed.formerCode).toBe('CQS.1.1');
    expect(renamed.details).toEqual({
      parent: { from: 'CQS.1', to: 'CQS.2' },
      appliesTo: { added: [], removed: ['department/B'] },
      points: [
        { level: 'department', from: '20', to: '25' },
        { level: 'commune', from: '20', to: '25' },
      ],
    });
  });
});

describe('diffToMarkdown', () => {
  const md = diffToMarkdown(diffCriteria(y2022, y2023));

  it('has the Vietnamese section headings, in order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# So sánh bộ chỉ số (Criteria diff): can-tho@2022.1.0 → can-tho@2023.1.0',
      '## Cấp đánh giá và nhóm (Levels and groups)',
      '## Thêm mới (Added)',
      '## Bỏ (Removed)',
      '## Đổi mã (Renamed)',
      '## Đổi tên, chuyển vị trí (Name and position changes)',
      '## Thay đổi điểm (Points changed)',
      '## Thay đổi quy tắc (Rule changed)',
      '## Phạm vi áp dụng (Applicability changed)',
      '## Tổng điểm tối đa theo cấp (Maximum total by level)',
    ]);
  });

  it('shows the rename, the points, the rule change and the totals as table rows', () => {
    const lines = md.split('\n');
    expect(lines).toContain('| KTS.1.4 → KTS.3.5 | tiêu chí (leaf) | Tỷ lệ doanh nghiệp đang hoạt động sử dụng hóa đơn điện tử | chuyển vị trí (moved), đổi tên (name) |');
    expect(lines).toContain('| `XHS.1.1` | Tỷ lệ ấp, khu vực có Tổ công nghệ số cộng đồng đạt yêu cầu | commune | 70 | 80 |');
    expect(lines).toContain('| `XHS.2.2` | Tỷ lệ hộ gia đình có kết nối Internet cáp quang | commune | 30 | 20 |');
    expect(lines).toContain('| `CQS.7.2` | Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến | tham số (parameters): target | `{"target":"0.5"}` | `{"target":"0.6"}` |');
    expect(lines).toContain('| `KTS.3.5` | vị trí (parent) | KTS.1 | KTS.3 |');
    expect(lines).toContain('| `CQS.3.7` | tiêu chí (leaf) | Tỷ lệ hồ sơ, tài liệu lưu trữ của đơn vị được số hóa | department/A, department/B, department/C, district, commune | department 15 · district 15 · commune 10 |');
    expect(lines).toContain('| department | A | 1000 | 1000 | 0 |');
    expect(lines).toContain(`| Từ (from) | \`can-tho@2022.1.0\` | \`${criteriaHash(y2022)}\` |`);
    expect(md).toContain('Tóm tắt (summary): 1 thêm mới (added) · 1 bỏ (removed) · 1 đổi mã (renamed) · 3 thay đổi (changed).');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('2022 → 2025: levels and groups removed, totals with dashes, a rule change by bands', () => {
    const md25 = diffToMarkdown(diffCriteria(y2022, y2025));
    const lines = md25.split('\n');
    expect(lines).toContain('- Bỏ cấp (level removed): `district`');
    expect(lines).toContain('- Bỏ nhóm (group removed): `department/C`');
    expect(lines).toContain('| department | C | 500 | — | — |');
    expect(lines).toContain('| district | — | 1000 | — | — |');
    expect(lines).toContain('| `CQS.1.4` | Thông tin, tuyên truyền về chuyển đổi số | — | commune |');
    expect(lines.some((l) => l.startsWith('| `CQS.2.3` |') && l.includes('{"bands":[{"fraction":"1","min":"0.01"}'))).toBe(true);
    expect(lines).toContain('| `CQS.8` | chỉ số tổng hợp (aggregate) | Đô thị thông minh (không tính điểm) | district, commune | — |');
  });

  it('English: English labels and names, no Vietnamese heading', () => {
    const en = diffToMarkdown(diffCriteria(y2022, y2023), 'en');
    expect(en.split('\n')[0]).toBe('# Criteria diff: can-tho@2022.1.0 → can-tho@2023.1.0');
    expect(en).toContain('## Points changed');
    expect(en).toContain('| KTS.1.4 → KTS.3.5 | leaf | Share of active businesses using e-invoices | moved, name |');
    expect(en).not.toContain('Thay đổi điểm');
  });

  it('a kind change shows whole rules; allowNA shows as its own row; pipes in text are escaped', () => {
    const after = clone(fixture('rule-kind.json')) as unknown as { nodes: CriteriaNode[] };
    (after.nodes[0]!.children![1]!.children![0] as { name: unknown }).name = { vi: 'Ứng dụng | cổng', en: 'Apps | portal' };
    const md2 = diffToMarkdown(diffCriteria(fixture('base.json'), after as unknown as CriteriaSet));
    const lines = md2.split('\n');
    expect(lines).toContain('| `CQS.2.2` | Thời gian xử lý trung bình (ngày) | loại quy tắc (rule kind): linear → bands | `{"from":"10","kind":"linear","to":"2"}` | `{"bands":[{"max":"2","points":"15"},{"fraction":"0.5","max":"5"}],"else":"0","kind":"bands"}` |');
    expect(lines).toContain('| `CQS.2.3` | Số dịch vụ công trực tuyến toàn trình | cho phép "n/a" (allowNA) | `false` | `true` |');
    expect(lines).toContain('| `CQS.2.1` | tên (name) | Các ứng dụng đã triển khai | Ứng dụng \\| cổng |');
  });

  it('an empty diff renders every section with "Không có" and unchanged totals', () => {
    const empty = diffToMarkdown(diffCriteria(y2025, y2025));
    expect(empty).toContain('_Không thay đổi (no change)._');
    expect(empty.split('\n').filter((l) => l === '_Không có (none)._')).toHaveLength(7);
    expect(empty).toContain('| commune | — | 1000 | 1000 | 0 |');
  });
});

describe('properties', () => {
  const embedded = EMBEDDED_SETS.map((set) => `${set.id}@${set.version}`);

  it.each(embedded)('diff of %s with itself is empty', (ref) => {
    const set = getCriteria(ref);
    const diff = diffCriteria(set, set);
    expect(diff.nodes).toEqual([]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, renamed: 0, changed: 0 });
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it.each(embedded)('totals of %s equal an independent sum of leaf points and the declared expectedMax', (ref) => {
    const set = getCriteria(ref);
    const expected = independentTotals(set);
    const diff = diffCriteria(set, set);
    expect(diff.totals.map(atomOf).sort()).toEqual([...expected.keys()].sort());
    for (const t of diff.totals) {
      expect(t.from).toBe(t.to);
      expect(new Dec(t.to!).eq(expected.get(atomOf(t))!)).toBe(true);
      const level = set.levels.find((l) => l.id === t.level)!;
      const em = level.expectedMax;
      const declared = typeof em === 'object' ? em[t.group!] : em;
      if (declared !== undefined) expect(new Dec(t.to!).eq(declared)).toBe(true);
    }
  });

  /** Rebuilds every object with its keys in a shuffled order. */
  const shuffled = (value: unknown, seeds: readonly number[], at = { i: 0 }): unknown => {
    if (Array.isArray(value)) return value.map((v) => shuffled(v, seeds, at));
    if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      const seed = seeds[at.i++ % seeds.length] ?? 0;
      for (let i = entries.length - 1; i > 0; i--) {
        const j = (seed + i * 7) % (i + 1);
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
      return Object.fromEntries(entries.map(([k, v]) => [k, shuffled(v, seeds, at)]));
    }
    return value;
  };

  it('diff(A, A′) is empty when A′ is A with every object key reordered (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...embedded), fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 16 }), (ref, seeds) => {
        const set = getCriteria(ref);
        const copy = shuffled(JSON.parse(JSON.stringify(set)), seeds) as CriteriaSet;
        const diff = diffCriteria(set, copy);
        expect(isEmptyDiff(diff)).toBe(true);
        expect(diff.to.sha256).toBe(diff.from.sha256);
      }),
      { numRuns: runs },
    );
  });

  it('diff is deterministic: fresh copies give byte-identical JSON and Markdown (fast-check)', () => {
    const canTho = embedded.filter((r) => r.startsWith('can-tho@'));
    fc.assert(
      fc.property(fc.constantFrom(...canTho), fc.constantFrom(...canTho), (ra, rb) => {
        const first = diffCriteria(getCriteria(ra), getCriteria(rb));
        const again = diffCriteria(clone(getCriteria(ra)), clone(getCriteria(rb)));
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        expect(diffToMarkdown(again)).toBe(diffToMarkdown(first));
        expect(diffToMarkdown(again, 'en')).toBe(diffToMarkdown(first, 'en'));
      }),
      { numRuns: runs },
    );
  });

  it('one leaf\'s points changed at one level: exactly that change is reported and the totals move by the exact difference (fast-check)', () => {
    const base = clone(y2022) as unknown as { levels: { expectedMax?: unknown }[] };
    for (const level of base.levels) delete level.expectedMax;
    const before = base as unknown as CriteriaSet;
    const scored = leavesOf(before).filter((l) => l.node.rule?.kind !== 'info' && l.atoms.size > 0);
    fc.assert(
      fc.property(fc.nat({ max: scored.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 4000 }), (li, ai, cents) => {
        const { node: leaf, atoms } = scored[li]!;
        const atomList = [...atoms];
        const level = atomList[ai % atomList.length]!.split('/')[0]!;
        const old = new Dec((leaf.points as Record<string, string>)[level]!);
        const fresh = new Dec(cents).div(100);
        fc.pre(!fresh.eq(old));
        const after = clone(before) as unknown as CriteriaSet;
        const walk = (nodes: readonly CriteriaNode[]): void => {
          for (const n of nodes) {
            if (n.code === leaf.code) (n as { points: Record<string, string> }).points = { ...(n.points as Record<string, string>), [level]: fresh.toString() };
            walk(n.children ?? []);
          }
        };
        walk(after.nodes);
        const result = safeParseCriteria(after);
        fc.pre(result.ok); // a rule worth more than the new points is rejected; skip those
        const diff = diffCriteria(before, after);
        expect(diff.nodes).toHaveLength(1);
        expect(diff.nodes[0]!.code).toBe(leaf.code);
        expect(diff.nodes[0]!.details).toEqual({ points: [{ level, from: old.toString(), to: fresh.toString() }] });
        for (const t of diff.totals) {
          const moved = t.level === level && atoms.has(atomOf(t));
          expect(new Dec(t.to!).minus(t.from!).eq(moved ? fresh.minus(old) : 0)).toBe(true);
        }
      }),
      { numRuns: runs },
    );
  });
});
