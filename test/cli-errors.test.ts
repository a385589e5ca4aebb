// The command line's bad inputs, one row each: wrong flags, missing and unreadable files, malformed
// and inconsistent results, oversized inputs, outputs that would destroy an input, broken pipes and
// internal faults. Every row asserts the exit code, the error codes printed, and that no stack trace is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { COMMANDS } from '../src/cli/commands/index.js';
import { dtiAsync } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dti-cli-errors-'));
const at = (name: string): string => join(dir, name);
const write = (name: string, content: unknown): string => {
  writeFileSync(at(name), typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return at(name);
};

const EXAMPLES = 'examples/can-tho-2022/submissions.json';
const examples = JSON.parse(readFileSync(EXAMPLES, 'utf8')) as { criteria: string; period: string; units: { id: string; level: string; values: Record<string, unknown> }[] };
const honestResults = (await dtiAsync('score', EXAMPLES, '--format', 'json')).out;
const results = write('results.json', honestResults);
const tampered = (edit: (file: { results: { unit: string; points: string }[] }) => void): string => {
  const copy = JSON.parse(honestResults) as { results: { unit: string; points: string }[] };
  edit(copy);
  return JSON.stringify(copy);
};
const criteriaSet = JSON.parse(readFileSync('criteria/can-tho/2022.1.0.json', 'utf8')) as Record<string, unknown>;
const hugeTree = { ...criteriaSet, nodes: [{ code: 'A', name: { vi: 'a' }, children: Array.from({ length: 300_000 }, (_, i) => ({ code: `A.${i}`, name: { vi: 'a' }, rule: { kind: 'boolean' }, points: '1' })) }] };
const manyBad = { ...examples, units: examples.units.map((unit) => ({ ...unit, values: { ...unit.values, 'CQS.2.1': 'maybe' } })) };

const files = {
  results,
  inflated: write('inflated.json', tampered((f) => void (f.results[0]!.points = '5000.00'))),
  twice: write('twice.json', tampered((f) => void f.results.push(structuredClone(f.results[1]!)))),
  notAList: write('not-a-list.json', tampered((f) => void ((f as unknown as { rejected: unknown }).rejected = [{ unit: 'x', position: 0, issues: 'oops' }]))),
  malformed: write('malformed.json', '{ "format": 1, '),
  bom16: write('utf16.json', Buffer.from([0xff, 0xfe, 0x7b, 0x00])),
  folder: (mkdirSync(at('a-folder.json')), at('a-folder.json')),
  submissions: write('submissions.json', examples),
  manyBad: write('many-bad.json', manyBad),
  hugeCriteria: write('huge-criteria.json', hugeTree),
  missing: at('nowhere.json'),
};

interface Row {
  readonly args: readonly string[];
  readonly exit: number;
  /** The codes printed, in order (each `[code]` on standard error, or in the JSON errors). */
  readonly codes: readonly string[];
  /** Text that must appear on standard error (an option named, a suggestion). */
  readonly mentions?: readonly string[];
}

const ROWS: readonly Row[] = [
  // Wrong commands and flags.
  { args: [], exit: 2, codes: [] },
  { args: ['scroe', EXAMPLES], exit: 2, codes: ['cli/unknown-command'], mentions: ['"score"'] },
  { args: ['--verson'], exit: 2, codes: ['cli/unknown-option'], mentions: ['--version?'] },
  { args: ['-v', 'extra'], exit: 2, codes: ['cli/extra-argument'] },
  { args: ['help', 'nothing'], exit: 2, codes: ['cli/unknown-command'] },
  { args: ['validate', 'x.json', '--level', 'foo', '--to', 'bar'], exit: 2, codes: ['cli/unknown-option', 'cli/unknown-option'], mentions: ['--level', '--to'] },
  { args: ['validate', 'x.json', '--fromat', 'json'], exit: 2, codes: ['cli/unknown-option'], mentions: ['--format?'] },
  { args: ['score', EXAMPLES, '--format', 'jsn'], exit: 2, codes: ['cli/bad-choice'], mentions: ['"json"?'] },
  { args: ['score', EXAMPLES, '--criteria'], exit: 2, codes: ['cli/missing-value'] },
  { args: ['score', EXAMPLES, '--criteria', '--format', 'json'], exit: 2, codes: ['cli/missing-value'] },
  { args: ['score', EXAMPLES, '--skip-invalid=yes'], exit: 2, codes: ['cli/unexpected-value'] },
  { args: ['score', EXAMPLES, '--format', 'json', '--format', 'csv'], exit: 2, codes: ['cli/repeated-option'] },
  { args: ['score', EXAMPLES, '-x'], exit: 2, codes: ['cli/unknown-option'] },
  { args: ['score'], exit: 2, codes: ['cli/missing-argument'], mentions: ['<inputs>'] },
  { args: ['score', EXAMPLES, files.submissions], exit: 2, codes: ['cli/extra-argument'] },
  { args: ['validate', 'a.json', 'b.json'], exit: 2, codes: ['cli/extra-argument'] },
  { args: ['score', EXAMPLES, '--max-units', '0'], exit: 2, codes: ['cli/bad-number'] },
  { args: ['score', EXAMPLES, '--max-units', 'many'], exit: 2, codes: ['cli/bad-number'] },
  { args: ['score', EXAMPLES, '--period', '2023'], exit: 1, codes: ['cli/period-conflict'] },
  { args: ['template', '--level', 'commune'], exit: 2, codes: ['cli/missing-option'], mentions: ['--out'] },
  { args: ['migrate', EXAMPLES], exit: 2, codes: ['cli/missing-option'], mentions: ['--to'] },
  { args: ['criteria'], exit: 2, codes: ['cli/missing-command'] },
  { args: ['criteria', 'lst'], exit: 2, codes: ['cli/unknown-command'], mentions: ['"criteria list"?'] },
  { args: ['criteria', 'new', 'can-tho', '--from', '2025.1.0', '--version', '2026.1.0'], exit: 2, codes: ['cli/missing-option'], mentions: ['--title'] },
  { args: ['criteria', 'verify', '--dir'], exit: 2, codes: ['cli/missing-value'] },
  { args: ['report', files.results, '--format', 'xlsx'], exit: 2, codes: ['cli/missing-option'] },
  { args: ['report', files.results, '--date', '2023-02-30'], exit: 2, codes: ['schema/date'] },
  { args: ['report', files.results, '--date', '2023-03-15', '--format', 'xlsx', '--out', 'never-written.xlsx'], exit: 2, codes: ['cli/option-conflict'] },
  // Missing and unreadable files.
  { args: ['score', files.missing], exit: 1, codes: ['input/read'] },
  { args: ['validate', files.missing], exit: 1, codes: ['input/read'] },
  { args: ['validate', files.folder], exit: 1, codes: ['input/read'], mentions: ['it is a folder, not a file'] },
  { args: ['validate', files.bom16], exit: 1, codes: ['input/encoding'] },
  { args: ['report', files.missing], exit: 1, codes: ['input/read'] },
  { args: ['compare', files.missing, files.results], exit: 1, codes: ['input/read'] },
  { args: ['migrate', files.missing, '--to', 'can-tho@2023.1.0'], exit: 1, codes: ['input/read'] },
  { args: ['score', EXAMPLES, '--criteria', files.malformed], exit: 1, codes: ['json/syntax'], mentions: [files.malformed] },
  { args: ['score', EXAMPLES, '--criteria', files.missing], exit: 1, codes: ['input/read'] },
  // Malformed and inconsistent results.
  { args: ['report', files.malformed], exit: 1, codes: ['json/syntax'] },
  { args: ['report', files.inflated], exit: 1, codes: ['results/inconsistent', 'results/points-range', 'results/inconsistent'], mentions: ['points 5000.00 outside 0 to the maximum 940.00'] },
  { args: ['report', files.twice], exit: 1, codes: ['submission/duplicate-unit'] },
  { args: ['report', files.notAList], exit: 1, codes: ['schema/type'] },
  { args: ['compare', files.results, files.twice], exit: 1, codes: ['submission/duplicate-unit'] },
  // Outputs: never over an input, never into a missing folder.
  { args: ['report', files.results, '--out', files.results], exit: 2, codes: ['cli/out-is-input'] },
  { args: ['migrate', files.submissions, '--to', 'can-tho@2023.1.0', '--out', files.submissions], exit: 2, codes: ['cli/out-is-input'] },
  { args: ['report', files.results, '--out', at('no/such/folder/r.html')], exit: 1, codes: ['output/write'], mentions: ['no such file or folder'] },
  { args: ['migrate', files.submissions, '--to', 'can-tho@2023.1.0', '--out', at('no/such/folder/m.json')], exit: 1, codes: ['output/write'] },
  { args: ['template', '--level', 'commune', '--out', at('no/such/folder/t.xlsx')], exit: 1, codes: ['output/write'] },
  // Oversized inputs.
  { args: ['score', EXAMPLES, '--max-units', '10'], exit: 1, codes: ['input/too-large'] },
  { args: ['validate', 'criteria/can-tho/2022.1.0.json', '--max-nodes', '5'], exit: 1, codes: ['input/too-large'] },
  { args: ['validate', files.hugeCriteria], exit: 1, codes: ['input/too-large'] },
  { args: ['score', EXAMPLES, '--criteria', files.hugeCriteria], exit: 1, codes: ['input/too-large'] },
  { args: ['score', files.manyBad, '--max-issues', '3'], exit: 1, codes: ['value/shape', 'value/shape', 'value/shape', 'input/too-many-issues'] },
];

const noStack = (text: string): void => {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/Error:/);
};

describe('the command line on bad input: exit code, coded errors, no stack trace', () => {
  it.each(ROWS.map((row) => [row.args.join(' ').replaceAll(dir, '…'), row] as const))('dti %s', async (_, row) => {
    const result = await dtiAsync(...row.args);
    expect(result.code, result.err).toBe(row.exit);
    const printed = [...result.err.matchAll(/\[([a-z]+\/[a-z0-9-]+)\]$/gm)].map((m) => m[1]);
    expect(printed, result.err).toEqual(row.codes);
    for (const text of row.mentions ?? []) expect(result.err).toContain(text);
    noStack(result.err);
  });

  it('--out over an input leaves the input as it was', async () => {
    await dtiAsync('report', files.results, '--out', files.results);
    expect(readFileSync(files.results, 'utf8')).toBe(honestResults);
  });

  it('usage errors are coded data in both languages, never Node\'s parser text', async () => {
    const { err } = await dtiAsync('validate', 'x.json', '--levle');
    expect(err.split('\n')[0]).toBe('--levle: lệnh "dti validate" không có tùy chọn --levle; xem "dti validate --help" / "dti validate" takes no option --levle; see "dti validate --help" [cli/unknown-option]');
    expect(err).not.toMatch(/Unknown option|ERR_PARSE_ARGS|^\$:/m);
  });
});

describe('help', () => {
  it('dti help <command> and dti <command> --help print that command, in both languages, from its spec', async () => {
    for (const spec of COMMANDS) {
      const viaHelp = await dtiAsync('help', ...spec.name.split(' '));
      const viaFlag = await dtiAsync(...spec.name.split(' '), '--help');
      expect(viaHelp.code).toBe(0);
      expect(viaFlag.out).toBe(viaHelp.out);
      expect(viaHelp.out.startsWith(`dti ${spec.name} — ${spec.summary.vi} / ${spec.summary.en}\n`)).toBe(true);
      for (const option of spec.options) {
        expect(viaHelp.out).toContain(`  --${option.name}`);
        expect(viaHelp.out).toContain(option.help.vi);
        expect(viaHelp.out).toContain(option.help.en);
      }
      for (const example of spec.examples) expect(viaHelp.out).toContain(`  ${example.command}\n`);
    }
    expect((await dtiAsync('score', '-h')).out).toBe((await dtiAsync('help', 'score')).out);
    expect((await dtiAsync('criteria', '--help')).out).toContain('  criteria new ');
  });

  it('dti --help (and dti help) shows the examples the specs mark for the overview, in both languages; dti criteria --help those of its commands', async () => {
    const overview = COMMANDS.flatMap((spec) => spec.examples.filter((example) => example.overview === true).map((example) => ({ spec, example })));
    // A year's work: at least a criteria version, a form, scoring, a report and the audit.
    for (const name of ['score', 'validate', 'template', 'report', 'verify-results', 'criteria new', 'criteria publish', 'criteria diff']) {
      expect(overview.some(({ spec }) => spec.name === name), name).toBe(true);
    }
    const help = (await dtiAsync('--help')).out;
    expect((await dtiAsync('help')).out).toBe(help);
    const shown = help.slice(help.indexOf('\nVí dụ / examples:\n'));
    expect(shown.length).toBeGreaterThan(20);
    let from = 0;
    for (const { example } of overview) {
      const at = shown.indexOf(`\n  ${example.command}\n      ${example.help.vi}\n      ${example.help.en}\n`, from);
      expect(at, example.command).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    const group = (await dtiAsync('criteria', '--help')).out;
    for (const { spec, example } of overview) expect(group.includes(`  ${example.command}\n`), example.command).toBe(spec.name.startsWith('criteria '));
  });

  it('-v and --version print the version only; no short flag means two things', async () => {
    expect((await dtiAsync('-v')).out).toBe('0.0.0-test\n');
    expect((await dtiAsync('--version')).out).toBe('0.0.0-test\n');
    for (const spec of COMMANDS) {
      const names = spec.options.map((option) => option.name);
      expect(new Set(names).size, spec.name).toBe(names.length);
      expect(names, spec.name).not.toContain('help');
    }
  });

  it('docs/guides/command-line.md holds the reference generated from the specs (npx tsx scripts/docs-cli.ts)', async () => {
    const { withReference } = await import('./support/command-line-doc.js');
    const guide = readFileSync('docs/guides/command-line.md', 'utf8');
    expect(guide).toBe(withReference(guide));
    for (const spec of COMMANDS) expect(guide).toContain(`### \`dti ${spec.name}\``);
  });

  it('every example in the specs parses against its own command', async () => {
    for (const spec of COMMANDS) {
      for (const example of spec.examples) {
        const words = example.command.split(' > ')[0]!.match(/"[^"]*"|\S+/g)!.map((w) => w.replace(/^"|"$/g, ''));
        expect(words.slice(0, 1 + spec.name.split(' ').length).join(' '), example.command).toBe(`dti ${spec.name}`);
        const { parseCommandLine } = await import('../src/cli/parse-command-line.js');
        const parsed = parseCommandLine(spec, words.slice(1 + spec.name.split(' ').length));
        expect(parsed.ok ? [] : parsed.issues.map((i) => i.code), example.command).toEqual([]);
      }
    }
  });
});

describe('faults of the program itself', () => {
  it('an unexpected exception is one coded line and exit 3; the stack only under DEBUG=dti', async () => {
    const failing = (debug: boolean): Promise<{ code: number; err: string }> => {
      let err = '';
      const io = { out: (): void => { throw new TypeError('the output went away'); }, err: (t: string): void => { err += t; } };
      return Promise.resolve(run(['score', EXAMPLES], io, '0', { debug })).then((code) => ({ code, err }));
    };
    const quiet = await failing(false);
    expect(quiet.code).toBe(3);
    expect(quiet.err.trimEnd().split('\n').filter((line) => line.includes('[internal/error]'))).toHaveLength(1);
    expect(quiet.err).toContain('TypeError: the output went away');
    expect(quiet.err).not.toMatch(/^\s+at /m);
    const loud = await failing(true);
    expect(loud.code).toBe(3);
    expect(loud.err).toMatch(/^\s+at /m);
  });

  it('a reader that closes the pipe early (| head) ends the command quietly with exit 0', () => {
    for (const command of [`score ${EXAMPLES} --format json`, `report ${files.results} --format md`]) {
      const shell = spawnSync('bash', ['-c', `node --import tsx src/cli/main.ts ${command} | head -c 10 > /dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
      expect(shell.stderr, command).toMatch(/exit=0\n$/);
      expect(shell.stderr).not.toMatch(/EPIPE|^\s+at /m);
    }
  }, 60_000);
});
