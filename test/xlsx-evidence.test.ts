// The evidence sheet of a filled-in workbook (issue #14 item 4): documents typed one per line,
// read back into the unit's `evidence` (spec §12), every problem at its cell; evidence the set
// requires is marked on the form and lacking evidence shows in the results.
import { describe, expect, it } from 'vitest';
import type { Workbook } from 'exceljs';
import { parseCriteria, safeScoreBatch, type CriteriaNode, type CriteriaSet, type Issue } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { buildTemplate, safeReadWorkbook, XLSX_SHEETS } from '../src/xlsx/index.js';
import { edit, evidenceRowOf, layoutOf, open, sheet, typeEvidence, workbookFor } from './fixtures/xlsx/workbook-helpers.js';

const criteria = getCriteria('can-tho@2022.1.0');
const unit = { id: 'xa-nhon-ai', name: 'Xã Nhơn Ái', level: 'commune', values: { 'CQS.2.1': true } } as const;
const HASH = 'cc89b8bf6eaf0f0908b915c57776429a67447c5679b8fc032ef16efa89ee9bd5';

/** The unit's form with `change` made on its evidence sheet (`cell(code, role)` finds a cell). */
async function withEvidence(change: (cell: (code: string, role: 'code' | 'number' | 'date' | 'issuer' | 'summary' | 'link') => { value: unknown }, workbook: Workbook) => void, set: CriteriaSet = criteria): Promise<Uint8Array> {
  return edit(await workbookFor(set, unit, { period: '2022' }), (workbook) => {
    const evidence = layoutOf(workbook).evidence!;
    const ws = sheet(workbook, evidence.sheet);
    change((code, role) => ws.getCell(`${evidence.columns[role]}${evidenceRowOf(workbook, code)}`) as unknown as { value: unknown }, workbook);
  });
}

async function read(bytes: Uint8Array, set: CriteriaSet = criteria) {
  return safeReadWorkbook(bytes, { criteria: set, name: 'nhon-ai.xlsx' });
}

function issuesOf(result: Awaited<ReturnType<typeof read>>): readonly Issue[] {
  if (result.ok) throw new Error('expected the workbook to be refused');
  return result.issues;
}

describe('the evidence sheet, read back', () => {
  it('reads several documents of one criterion line by line, with their kinds', async () => {
    const entries = [
      { kind: 'document', number: '58/KH-UBND', date: '2022-06-20', issuer: 'UBND xã Nhơn Ái', title: 'Kế hoạch chuyển đổi số năm 2022' },
      { kind: 'link', url: 'https://postmart.vn/gian-hang/htx-nhon-ai' },
      { kind: 'file', title: 'Danh sách hộ kinh doanh.xlsx', date: '2023-01-10', sha256: HASH },
      { kind: 'document', title: 'Biên bản họp Ban Chỉ đạo' },
      { kind: 'document', number: '12/QĐ-UBND', url: 'https://nhonai.cantho.gov.vn/qd-12' },
    ] as const;
    const bytes = await edit(await workbookFor(criteria, unit, { period: '2022' }), (workbook) => typeEvidence(workbook, 'CQS.2.1', entries));
    const result = await read(bytes);
    if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.path} [${issue.code}]`).join('\n'));
    expect(result.value.unit.evidence).toEqual({ 'CQS.2.1': entries });
  });

  it('reads a date as a date cell, as dd/mm/yyyy text (day first) or as an ISO date', async () => {
    for (const [typed, iso] of [
      [new Date('2022-03-01T00:00:00Z'), '2022-03-01'],
      // Excel's own form of a date: a serial number in the cell's date format.
      [44621, '2022-03-01'],
      ['01/03/2022', '2022-03-01'],
      ['1/3/2022', '2022-03-01'],
      ['1.3.2022', '2022-03-01'],
      ['2022-03-01', '2022-03-01'],
    ] as const) {
      const result = await read(await withEvidence((cell) => {
        cell('CQS.2.1', 'number').value = '58/KH-UBND';
        cell('CQS.2.1', 'date').value = typed;
      }));
      if (!result.ok) throw new Error(`${String(typed)}: ${result.issues.map((issue) => issue.code).join(', ')}`);
      expect(result.value.unit.evidence?.['CQS.2.1']?.[0]?.date).toBe(iso);
    }
  });

  it('refuses a date it cannot read as one, an impossible date and a two-digit year, at the date cell', async () => {
    for (const typed of ['tháng 3/2022', '31/02/2022', '03/01/22', '2022/03/01']) {
      const bytes = await withEvidence((cell) => {
        cell('CQS.2.1', 'number').value = '58/KH-UBND';
        cell('CQS.2.1', 'date').value = typed;
      });
      const row = evidenceRowOf(await open(bytes), 'CQS.2.1');
      const issues = issuesOf(await read(bytes));
      expect(issues.map((issue) => [issue.code, issue.path, issue.node])).toEqual([['value/date', `nhon-ai.xlsx!Minh chứng!E${row}`, 'CQS.2.1']]);
    }
  });

  it('never takes a javascript: or data: link, and says so at the link cell', async () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,<b>x</b>', ' javascript:alert(1)', 'www.example.vn/no-scheme']) {
      const bytes = await withEvidence((cell) => { cell('CQS.2.1', 'link').value = link; });
      const row = evidenceRowOf(await open(bytes), 'CQS.2.1');
      const issues = issuesOf(await read(bytes));
      expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([['evidence/url', `Minh chứng!H${row}`]]);
    }
  });

  it('refuses cells whose lines do not pair up, naming the row and the counts', async () => {
    const bytes = await withEvidence((cell) => {
      cell('CQS.2.1', 'number').value = '58/KH-UBND\n59/KH-UBND';
      cell('CQS.2.1', 'summary').value = 'Kế hoạch chuyển đổi số năm 2022';
    });
    const row = evidenceRowOf(await open(bytes), 'CQS.2.1');
    const [issue, ...rest] = issuesOf(await read(bytes));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'xlsx/evidence-lines', path: `nhon-ai.xlsx!Minh chứng!D${row}:H${row}`, params: { code: 'CQS.2.1', lines: ['D: 2', 'G: 1'] }, node: 'CQS.2.1' });
    expect(issue!.message.vi).toContain('mỗi văn bản một dòng');
  });

  it('refuses entries under an unknown code, an aggregate, a code given twice and a row without a code', async () => {
    const bytes = await withEvidence((cell, workbook) => {
      const evidence = layoutOf(workbook).evidence!;
      const ws = sheet(workbook, evidence.sheet);
      const first = evidenceRowOf(workbook, 'CQS.1.1');
      ws.getCell(`A${first}`).value = 'CQS.9.9';
      ws.getCell(`D${first}`).value = '1/KH-UBND';
      ws.getCell(`A${first + 1}`).value = 'CQS';
      ws.getCell(`D${first + 1}`).value = '2/KH-UBND';
      ws.getCell(`A${first + 2}`).value = null;
      ws.getCell(`D${first + 2}`).value = '4/KH-UBND';
      cell('CQS.2.1', 'number').value = '58/KH-UBND';
      const again = ws.rowCount + 1;
      ws.getCell(`A${again}`).value = 'CQS.2.1';
      ws.getCell(`D${again}`).value = '3/KH-UBND';
    });
    const issues = issuesOf(await read(bytes));
    expect(issues.map((issue) => issue.code).sort()).toEqual(['schema/required', 'submission/not-a-leaf', 'submission/unknown-leaf', 'xlsx/duplicate-row'].sort());
    expect(issues.every((issue) => issue.cell?.startsWith('Minh chứng!A'))).toBe(true);
  });

  it('refuses evidence for a criterion that does not apply to the unit, at its row', async () => {
    // CQS.3.4 is not a commune criterion of the 2022 set: its row, typed under the commune's last one.
    expect(evidenceRowOrUndefined(await open(await buildTemplate(criteria, { level: 'commune' })), 'CQS.3.4')).toBeUndefined();
    let row = 0;
    const bytes = await withEvidence((_cell, workbook) => {
      const ws = sheet(workbook, layoutOf(workbook).evidence!.sheet);
      row = ws.rowCount + 1;
      ws.getCell(`A${row}`).value = 'CQS.3.4';
      ws.getCell(`D${row}`).value = '5/KH-UBND';
    });
    const issues = issuesOf(await read(bytes));
    expect(issues.map((issue) => [issue.code, issue.cell, issue.node])).toEqual([['submission/leaf-not-applicable', `Minh chứng!D${row}:H${row}`, 'CQS.3.4']]);
  });

  it('reports an Excel error in an evidence cell, and a deleted evidence sheet', async () => {
    const bytes = await withEvidence((cell) => { cell('CQS.2.1', 'issuer').value = { error: '#REF!' }; });
    expect(issuesOf(await read(bytes)).map((issue) => [issue.code, issue.params.reason])).toEqual([['value/shape', 'cell-error']]);
    const without = await edit(await workbookFor(criteria, unit), (workbook) => workbook.removeWorksheet(sheet(workbook, XLSX_SHEETS.evidence).id));
    expect(issuesOf(await read(without)).map((issue) => [issue.code, issue.params.sheet])).toEqual([['xlsx/missing-sheet', 'Minh chứng']]);
  });

  it('keeps incomplete or late documents as flags of the results, not refusals', async () => {
    const bytes = await withEvidence((cell) => {
      cell('CQS.2.1', 'issuer').value = 'UBND xã Nhơn Ái';
      cell('CQS.2.1', 'date').value = '15/01/2023';
    });
    const result = await read(bytes);
    if (!result.ok) throw new Error(result.issues.map((issue) => issue.code).join(', '));
    const scored = safeScoreBatch(criteria, { period: '2022', units: [result.value.unit] });
    if (!scored.ok) throw new Error('not scored');
    expect(scored.value.results[0]?.evidence?.flags.map((flag) => flag.code).sort()).toEqual(['evidence/after-period', 'evidence/incomplete']);
  });
});

describe('evidence the set requires, on the form', () => {
  const required = parseCriteria({
    ...JSON.parse(JSON.stringify(criteria)),
    version: '2022.9.0', status: 'draft',
    nodes: criteria.nodes.map(function mark(node: CriteriaNode): CriteriaNode {
      if (node.code === 'CQS.2.1') return { ...node, evidenceRequired: true };
      return node.children ? { ...node, children: node.children.map(mark) } : node;
    }),
  });

  it('is marked on the evidence sheet in words and in bold, in both languages', async () => {
    for (const [lang, mark] of [['vi', 'Bắt buộc'], ['en', 'Required'], ['both', 'Bắt buộc / Required']] as const) {
      const workbook = await open(await buildTemplate(required, { level: 'commune', lang }));
      const ws = sheet(workbook, layoutOf(workbook).evidence!.sheet);
      const row = evidenceRowOf(workbook, 'CQS.2.1');
      expect(String(ws.getCell(`C${row}`).value).startsWith(mark)).toBe(true);
      expect(ws.getCell(`C${row}`).font?.bold).toBe(true);
      const other = evidenceRowOf(workbook, 'CQS.1.1');
      expect(String(ws.getCell(`C${other}`).value ?? '')).not.toContain(mark);
    }
  });

  it('is lacking in the results until the evidence sheet gives a complete document', async () => {
    const score = async (bytes: Uint8Array) => {
      const result = await read(bytes, required);
      if (!result.ok) throw new Error(result.issues.map((issue) => issue.code).join(', '));
      const scored = safeScoreBatch(required, { period: '2022', units: [result.value.unit] });
      if (!scored.ok) throw new Error('not scored');
      return scored.value.results[0]!.evidence?.lacking;
    };
    expect(await score(await workbookFor(required, unit, { period: '2022' }))).toEqual(['CQS.2.1']);
    expect(await score(await withEvidence((cell) => { cell('CQS.2.1', 'number').value = '58/KH-UBND'; }, required))).toEqual([]);
  });
});

function evidenceRowOrUndefined(workbook: Workbook, code: string): number | undefined {
  try {
    return evidenceRowOf(workbook, code);
  } catch {
    return undefined;
  }
}
