// docs/guides/commune-officer.md: its Linux commands run as printed (bash, a home folder of their own,
// the package installed as npm installs it: test/support/shell-guide.ts), its Windows commands checked
// against them (the same commands and options, the same paths written the Windows way), and its error
// lines produced here by the command itself, from Phường An Bình's form with one mistake each, so that
// they are what the program prints today. UPDATE_GUIDES=1 writes the lines printed into the guide.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCriteria, type EvidenceEntry, type UnitSubmission } from '../src/index.js';
import { canTho2022, canTho2023, canTho2025 } from '../src/sets/index.js';
import { buildTemplate } from '../src/xlsx/index.js';
import { columnOf, edit, evidenceRowOf, layoutOf, open, put, sheet, typeEvidence, typeValue } from './fixtures/xlsx/workbook-helpers.js';
import { dtiAsync } from './support/cli.js';
import { Session, commandBlocks, installedBin, section } from './support/shell-guide.js';

const root = resolve(__dirname, '..');
const file = join(root, 'docs/guides/commune-officer.md');
const guide = readFileSync(file, 'utf8');
const vi = section(guide, '## Tiếng Việt', '## English');
const en = section(guide, '## English');

const examples = JSON.parse(readFileSync(join(root, 'examples/can-tho-2025/submissions.json'), 'utf8')) as { units: UnitSubmission[] };
const unit = examples.units.find((u) => u.id === 'phuong-an-binh')!;

/** Phường An Bình's form, filled in with its example values as a person types them. */
async function filledForm(): Promise<Uint8Array> {
  const template = await buildTemplate(canTho2025, { level: 'commune', unit: { id: unit.id, name: unit.name! }, period: '2025' });
  return edit(template, (workbook) => {
    const form = sheet(workbook, layoutOf(workbook).sheetNames.form);
    for (const [code, value] of Object.entries(unit.values)) typeValue(form, canTho2025, code, value);
  });
}

const plan = (extra: Partial<EvidenceEntry> = {}): EvidenceEntry => ({ kind: 'document', number: '12/KH-UBND', issuer: 'UBND phường An Bình', title: 'Kế hoạch chuyển đổi số năm 2025', ...extra });
const formSheet = (workbook: ExcelJS.Workbook): ExcelJS.Worksheet => sheet(workbook, layoutOf(workbook).sheetNames.form);
const evidenceCell = (workbook: ExcelJS.Workbook, role: 'number' | 'date', code: string): ExcelJS.Cell => {
  const evidence = layoutOf(workbook).evidence!;
  return sheet(workbook, evidence.sheet).getCell(`${evidence.columns[role]}${evidenceRowOf(workbook, code)}`);
};

/** The guide's mistakes, each as the officer makes it in the form. */
const MISTAKES: Record<string, (workbook: ExcelJS.Workbook) => void> = {
  numerator: (workbook) => {
    const form = formSheet(workbook);
    put(form, 'CQS.1.3', columnOf(form, 'value'), 15);
    put(form, 'CQS.1.3', columnOf(form, 'denominator'), 12);
  },
  text: (workbook) => void put(formSheet(workbook), 'CQS.4.1', columnOf(formSheet(workbook), 'value'), 'khoảng 20'),
  percent: (workbook) => void put(formSheet(workbook), 'CQS.7.3', columnOf(formSheet(workbook), 'value'), '120'),
  option: (workbook) => void put(formSheet(workbook), 'CQS.4.2', columnOf(formSheet(workbook), 'value'), 'Có'),
  formula: (workbook) => void put(formSheet(workbook), 'CQS.6.1', columnOf(formSheet(workbook), 'value'), { formula: 'B3*2', result: 40 }),
  date: (workbook) => {
    typeEvidence(workbook, 'CQS.2.1', [plan()]);
    evidenceCell(workbook, 'date', 'CQS.2.1').value = '31/02/2025';
  },
  lines: (workbook) => {
    typeEvidence(workbook, 'CQS.2.1', [plan(), plan({ number: '15/QĐ-UBND', title: 'Quyết định kiện toàn Ban Chỉ đạo' })]);
    evidenceCell(workbook, 'number', 'CQS.2.1').value = '12/KH-UBND';
  },
  url: (workbook) => typeEvidence(workbook, 'CQS.2.1', [{ kind: 'link', url: 'www.phuonganbinh.gov.vn/ke-hoach' }]),
};

/** What `dti score phuong-an-binh.xlsx` prints on standard error for a form, run in its own folder. */
async function printedFor(form: Uint8Array, dir: string): Promise<{ code: number; lines: string[] }> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'phuong-an-binh.xlsx'), form);
  const before = process.cwd();
  process.chdir(dir);
  try {
    const { code, err } = await dtiAsync('score', 'phuong-an-binh.xlsx');
    return { code, lines: err.split('\n').filter((line) => line !== '' && !line.startsWith('bộ tiêu chí / criteria:')) };
  } finally {
    process.chdir(before);
  }
}

/** The guide's error blocks: `<!-- error: name -->` then a ```text block. */
const ERROR_BLOCK = /<!-- error: ([a-z]+) -->\n```text\n([\s\S]*?)\n```/g;
const errorBlocks = (markdown: string): [string, string][] => [...markdown.matchAll(ERROR_BLOCK)].map((m) => [m[1]!, m[2]!]);

/** Splits a command line into words: double quotes (both shells), bash's single quotes. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** A path's segments below the user's home (or the drive's root), for comparing a Windows path with a Linux one. */
function pathSegments(path: string, windows: boolean): string[] | undefined {
  if (windows) {
    if (path.includes('/') || !/^[A-Za-z]:\\/.test(path)) return undefined;
    return path.replace(/^[A-Za-z]:\\(Users\\[^\\]+\\)?/, '').split('\\');
  }
  if (path.includes('\\') || !/^(~|\$HOME)\//.test(path)) return undefined;
  return path.replace(/^(~|\$HOME)\//, '').split('/');
}

describe('docs/guides/commune-officer.md', () => {
  const windowsBlocks = commandBlocks(vi, 'text windows');
  const linuxBlocks = commandBlocks(vi, 'sh');

  it('the English part shows the same commands and error lines as the Vietnamese part', () => {
    expect(commandBlocks(en, 'text windows')).toEqual(windowsBlocks);
    expect(commandBlocks(en, 'sh')).toEqual(linuxBlocks);
    expect(errorBlocks(en)).toEqual(errorBlocks(vi));
  });

  it('each Windows block is its Linux block written for Windows: the same commands, options and paths', () => {
    expect(windowsBlocks.length).toBeGreaterThanOrEqual(2);
    expect(windowsBlocks.map((block) => block.length)).toEqual(linuxBlocks.map((block) => block.length));
    windowsBlocks.forEach((block, b) => block.forEach((windows, l) => {
      const linux = linuxBlocks[b]![l]!;
      const [w, x] = [words(windows), words(linux).filter((word, i) => !(i === 1 && word === '-p' && words(linux)[0] === 'mkdir'))];
      expect(w.length, `${windows} | ${linux}`).toBe(x.length);
      w.forEach((word, i) => {
        const [wp, xp] = [pathSegments(word, true), pathSegments(x[i]!, false)];
        if (wp === undefined && xp === undefined) expect(word, `${windows} | ${linux}`).toBe(x[i]);
        else expect(wp?.map((s) => s.toLowerCase()), `${windows} | ${linux}`).toEqual(xp?.map((s) => s.toLowerCase()));
      });
    }));
    // Command Prompt and PowerShell both read these lines the same way: no `cd /d`, no `&&`, no `$`.
    for (const line of windowsBlocks.flat()) expect(line).not.toMatch(/\/d\b|&&|\$/);
  });

  it(`the Linux commands run as printed, with the package installed (its bin: ${installedBin()}), and check the filled form`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-officer-'));
    const home = join(dir, 'home');
    mkdirSync(join(home, 'Documents', 'DTI 2025'), { recursive: true });
    writeFileSync(join(home, 'Documents', 'DTI 2025', 'phuong-an-binh.xlsx'), await filledForm());
    const session = new Session(dir, home);
    const printed: string[] = [];
    for (const line of linuxBlocks.flat()) {
      const { code, out, err } = session.run(line);
      expect(code, `${line}\n${err}`).toBe(0);
      printed.push(out);
    }
    expect(session.cwd).toBe(join(home, 'dti'));
    const score = printed.at(-1)!;
    expect(score).toContain('Phường An Bình');
    expect(score).toContain('can-tho@2025.1.0');
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it('the error lines are what dti score prints for the form with each mistake (UPDATE_GUIDES=1 writes them)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-officer-errors-'));
    const good = await filledForm();
    expect((await printedFor(good, join(dir, 'good'))).code).toBe(0);
    const printed = new Map<string, string>();
    for (const [name, mistake] of Object.entries(MISTAKES)) {
      const { code, lines } = await printedFor(await edit(good, mistake), join(dir, name));
      expect(code, name).toBe(1);
      expect(lines, name).toHaveLength(1);
      printed.set(name, lines[0]!);
    }
    // A form made for a set this computer does not have (the DIC's new version).
    const next = parseCriteria({ ...JSON.parse(JSON.stringify(canTho2025)), version: '2026.1.0', effective: { from: '2026-01-01', to: null } });
    const newer = await printedFor(await buildTemplate(next, { level: 'commune', unit: { id: unit.id, name: unit.name! }, period: '2026' }), join(dir, 'criteria'));
    expect(newer.code).toBe(1);
    expect(newer.lines).toHaveLength(1);
    printed.set('criteria', newer.lines[0]!);
    expect(printed.get('url')).toMatch(/\[evidence\/url\]$/);

    const shown = errorBlocks(vi);
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(shown.length).toBeLessThanOrEqual(8);
    if (process.env['UPDATE_GUIDES'] === '1') {
      writeFileSync(file, guide.replace(ERROR_BLOCK, (_all, name: string) => `<!-- error: ${name} -->\n\`\`\`text\n${printed.get(name)}\n\`\`\``));
    } else {
      for (const [name, line] of shown) expect(line, `${name} (UPDATE_GUIDES=1 npx vitest run test/commune-officer-guide.test.ts writes it)`).toBe(printed.get(name));
    }
    // What the guide says of the forms: the evidence columns the "lines" mistake names, an empty criterion scores 0.
    expect(layoutOf(await open(good)).evidence!.columns).toMatchObject({ number: 'D', issuer: 'F', summary: 'G' });
    for (const set of [canTho2022, canTho2023, canTho2025]) expect(set.missing, `${set.id}@${set.version}`).toBe('zero');
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
