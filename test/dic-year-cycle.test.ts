// docs/guides/dic-year-cycle.md, run as the DIC runs it: every line of its ```sh blocks, in order, by
// bash, in an empty folder where the package is installed as `npm install dti-criteria` installs it
// (test/support/shell-guide.ts: `npx dti` is npm's npx finding the package's bin). What people do
// between the commands is done here as they would do it: the draft edited as the guide's JSON block
// says, the units list written from its CSV block, each unit's form filled in as a person types in
// Excel (test/fixtures/xlsx/workbook-helpers.ts), appraised values typed in columns I and J, and last
// year's results file copied in. The English part must show the same commands and blocks.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { criteriaHash, parseCriteria, type CriteriaNode, type UnitSubmission } from '../src/index.js';
import { edit, layoutOf, sheet, typeEvidence, typeValue } from './fixtures/xlsx/workbook-helpers.js';
import { dtiAsync } from './support/cli.js';
import { Session, commandBlocks, installedBin, section } from './support/shell-guide.js';

const root = resolve(__dirname, '..');
const guide = readFileSync(join(root, 'docs/guides/dic-year-cycle.md'), 'utf8');
const vi = section(guide, '## Tiếng Việt', '## English');
const en = section(guide, '## English');
const examples = JSON.parse(readFileSync(join(root, 'examples/can-tho-2025/submissions.json'), 'utf8')) as { units: UnitSubmission[] };

const fenced = (markdown: string, lang: string): string[] => [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const edits = JSON.parse(fenced(vi, 'json')[0]!) as Record<string, Partial<CriteriaNode>>;
const unitsCsv = fenced(vi, 'text don-vi.csv')[0]!;
const unitIds = unitsCsv.trim().split('\n').slice(1).map((line) => line.split(',')[0]!);

function eachNode(nodes: readonly CriteriaNode[], visit: (node: CriteriaNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.children) eachNode(node.children, visit);
  }
}

/** The draft with the guide's changes: the fields of each listed code replaced. */
function edited(draft: { nodes: CriteriaNode[] }, codes = Object.keys(edits)): typeof draft {
  const copy = JSON.parse(JSON.stringify(draft)) as typeof draft;
  eachNode(copy.nodes, (node) => {
    if (codes.includes(node.code)) Object.assign(node, edits[node.code]);
  });
  return copy;
}

const exampleUnit = (id: string): UnitSubmission => examples.units.find((unit) => unit.id === id)!;

describe('docs/guides/dic-year-cycle.md', () => {
  const blocks = commandBlocks(vi, 'sh');

  it('the English part shows the same commands, JSON and CSV as the Vietnamese part', () => {
    expect(commandBlocks(en, 'sh')).toEqual(blocks);
    expect(fenced(en, 'json')).toEqual(fenced(vi, 'json'));
    expect(fenced(en, 'text don-vi.csv')).toEqual(fenced(vi, 'text don-vi.csv'));
    const lines = blocks.flat();
    expect(lines.length).toBeGreaterThanOrEqual(18);
    for (const line of lines) expect(line, line).toMatch(/^(npx dti |mkdir |cd |npm install dti-criteria$)/);
  });

  it(`every command runs as printed, with the package installed (its bin: ${installedBin()})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-dic-year-'));
    const home = join(dir, 'home');
    mkdirSync(home);
    const session = new Session(dir, home);
    const at = (name: string): string => join(session.cwd, name);
    const criteriaFile = (): string => at('criteria/can-tho/2026.1.0.json');
    let setOf2026: ReturnType<typeof parseCriteria> | undefined;
    const set2026 = (): ReturnType<typeof parseCriteria> => (setOf2026 ??= parseCriteria(JSON.parse(readFileSync(criteriaFile(), 'utf8'))));

    // What people do before some commands, the first time the command comes (or the second).
    const before: { readonly line: RegExp; readonly nth: number; readonly act: () => Promise<void> | void }[] = [
      {
        line: /^npx dti validate criteria\/can-tho\/2026\.1\.0\.json$/, nth: 1, act: () => {
          // The guide's claim first: with only the first change, a commune's maximum is no longer 1000.
          const draft = JSON.parse(readFileSync(criteriaFile(), 'utf8'));
          writeFileSync(at('half-edited.json'), JSON.stringify(edited(draft, ['CQS.2.1']), null, 2));
          writeFileSync(criteriaFile(), `${JSON.stringify(edited(draft), null, 2)}\n`);
        },
      },
      { line: /^npx dti template /, nth: 1, act: () => writeFileSync(at('don-vi.csv'), unitsCsv) },
      {
        line: /^npx dti score da-nop\//, nth: 1, act: async () => {
          // Each unit fills in its own form: its 2025 example values, and its plan as evidence for CQS.2.1
          // (all but one that said yes; a "no" is a value of its own and lacks evidence too).
          mkdirSync(at('da-nop'));
          for (const file of readdirSync(at('bieu-mau-2026'))) {
            const unit = exampleUnit(file.replace(/\.xlsx$/, ''));
            const filled = await edit(readFileSync(at(`bieu-mau-2026/${file}`)), (workbook) => {
              const form = sheet(workbook, layoutOf(workbook).sheetNames.form);
              for (const [code, value] of Object.entries(unit.values)) typeValue(form, set2026(), code, value);
              if (unit.values['CQS.2.1'] === true && unit.id !== 'xa-phong-dien') {
                typeEvidence(workbook, 'CQS.2.1', [{ kind: 'document', number: '12/KH-UBND', date: '2026-01-20', issuer: unit.name!, title: 'Kế hoạch chuyển đổi số năm 2026' }]);
              }
            });
            writeFileSync(at(`da-nop/${file}`), filled);
          }
        },
      },
      {
        line: /^npx dti score da-nop\//, nth: 2, act: async () => {
          // The appraisal team types its values into columns I and J of the units it appraises.
          for (const id of unitIds) {
            const appraisal = exampleUnit(id).appraisal;
            if (!appraisal) continue;
            const file = at(`da-nop/${id}.xlsx`);
            writeFileSync(file, await edit(readFileSync(file), (workbook) => {
              const form = sheet(workbook, layoutOf(workbook).sheetNames.form);
              for (const [code, entry] of Object.entries(appraisal)) typeValue(form, set2026(), code, entry.value, 'appraised');
            }));
          }
        },
      },
      {
        line: /^npx dti compare ket-qua-2025\.json /, nth: 1, act: async () => {
          // Last year's published results, copied into the folder.
          const lastYear = await dtiAsync('score', join(root, 'examples/can-tho-2025/submissions.json'), '--format', 'json');
          expect(lastYear.code).toBe(0);
          writeFileSync(at('ket-qua-2025.json'), lastYear.out);
        },
      },
    ];
    const seen = new Map<RegExp, number>();
    const printed = new Map<string, string[]>();

    for (const line of blocks.flat()) {
      for (const step of before) {
        if (!step.line.test(line)) continue;
        const count = (seen.get(step.line) ?? 0) + 1;
        seen.set(step.line, count);
        if (count === step.nth) await step.act();
      }
      const { code, out, err } = session.run(line);
      expect(code, `${line}\n${err}`).toBe(0);
      printed.set(line, [...(printed.get(line) ?? []), out]);
    }
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(before.length);

    // 0. The package's own version.
    expect(printed.get('npx dti --version')![0]).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);

    // 1. The version: published with the guide's changes; its maximum stays 1000 (the half edit does not).
    const published = JSON.parse(readFileSync(criteriaFile(), 'utf8'));
    expect(published).toMatchObject({ status: 'published', version: '2026.1.0', effective: { from: '2026-01-01' } });
    eachNode(published.nodes, (node: CriteriaNode) => {
      if (edits[node.code]) expect(node).toMatchObject(edits[node.code]!);
    });
    expect(set2026().evidencePolicy ?? 'flag').toBe('flag');
    const halfEdited = await dtiAsync('validate', at('half-edited.json'));
    expect(halfEdited.code).toBe(1);
    expect(halfEdited.err).toContain('[criteria/expected-max-mismatch]');
    const diff = readFileSync(at('thay-doi-2026.md'), 'utf8');
    expect(diff).toContain('can-tho@2026.1.0');
    expect(diff).toContain('CQS.2.3');
    expect(diff).not.toContain('evidenceRequired');

    // 2. A form per unit of the list, named after its id.
    expect(readdirSync(at('bieu-mau-2026')).sort()).toEqual(unitIds.map((id) => `${id}.xlsx`).sort());

    // 3-4. The trial scores: every unit ranked; units lacking CQS.2.1's evidence listed; the appraisal moves points.
    const [trial, appraised] = printed.get('npx dti score da-nop/ --criteria can-tho@2026.1.0')!;
    for (const id of unitIds) expect(trial).toContain(exampleUnit(id).name!);
    expect(trial).toMatch(/Thiếu minh chứng bắt buộc[^\n]*\n\s+Xã Phong Điền: CQS\.2\.1/);
    expect(appraised).not.toBe(trial);

    // 5. The official results: the 2026 set, all eight units, appraisals kept beside the self-assessment, input stamps.
    const results = JSON.parse(readFileSync(at('ket-qua-2026.json'), 'utf8'));
    expect(results.criteria).toMatchObject({ id: 'can-tho', version: '2026.1.0' });
    expect(results.results.map((unit: { unit: string }) => unit.unit).sort()).toEqual([...unitIds].sort());
    const appraisedIds = unitIds.filter((id) => exampleUnit(id).appraisal);
    expect(appraisedIds.length).toBeGreaterThan(0);
    for (const id of appraisedIds) expect(results.results.find((unit: { unit: string }) => unit.unit === id).difference).toMatch(/^-/);
    expect(results.results.find((unit: { unit: string }) => unit.unit === 'xa-phong-dien').evidence.lacking).toEqual(['CQS.2.1']);
    expect(results.input.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(results.criteria.sha256).toBe(criteriaHash(set2026()));
    expect(results.period).toBe('2026');
    expect(results.generator.name).toBe('dti-criteria');
    for (const unit of results.results) expect(unit.input.sha256, unit.unit).toMatch(/^[0-9a-f]{64}$/);
    expect(printed.get('npx dti verify-results ket-qua-2026.json --submissions da-nop/')![0]).toContain('giống hệt / identical');

    // 6. The reports: HTML with charts and the appraisal section, the workbook with its sheets, Markdown, the comparison.
    const html = readFileSync(at('bao-cao-2026.html'), 'utf8');
    expect(html).toContain('can-tho@2026.1.0');
    expect(html).toContain('<svg');
    expect(html).toContain('Kết quả thẩm định');
    expect(html).toContain('thiếu minh chứng bắt buộc');
    const markdown = readFileSync(at('bao-cao-2026.md'), 'utf8');
    expect(markdown).toContain('## Kết quả thẩm định');
    expect(markdown).toContain('Không ghi lý do');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(at('ket-qua-2026.xlsx')) as unknown as ArrayBuffer);
    const sheets = workbook.worksheets.map((ws) => ws.name);
    expect(sheets[0]).toBe('Thông tin');
    expect(sheets.filter((name) => name.startsWith('Xếp hạng'))).toHaveLength(3);
    expect(sheets.slice(-2)).toEqual(['Điểm chi tiết', 'Thẩm định']);
    const comparison = readFileSync(at('so-sanh-2025-2026.md'), 'utf8');
    expect(comparison).toContain('can-tho@2025.1.0');
    expect(comparison).toContain('can-tho@2026.1.0');
    rmSync(dir, { recursive: true, force: true });
  }, 600_000);

  it('reads the units list as a Vietnamese Excel saves it (CSV UTF-8: a BOM, semicolons, CRLF)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-dic-units-'));
    const excel = `\uFEFF${unitsCsv.trim().split('\n').map((line) => line.replaceAll(',', ';')).join('\r\n')}\r\n`;
    writeFileSync(join(dir, 'don-vi.csv'), excel);
    mkdirSync(join(dir, 'bieu-mau'));
    const made = await dtiAsync('template', '--criteria', 'can-tho@2025.1.0', '--units', join(dir, 'don-vi.csv'), '--period', '2025', '--out', join(dir, 'bieu-mau'));
    expect(made.code, made.err).toBe(0);
    expect(readdirSync(join(dir, 'bieu-mau')).sort()).toEqual(unitIds.map((id) => `${id}.xlsx`).sort());
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
