import { DtiError, makeIssue, type Issue, type Result } from '../errors.js';
import { closest } from '../text/similar.js';
import { COMMANDS } from './commands/index.js';
import { commandHelp, overviewHelp, usageLine } from './help.js';
import { printIssues, type Io } from './output.js';
import { parseCommandLine } from './parse-command-line.js';
import type { CommandSpec } from './spec.js';

/** How `run` behaves beyond its arguments. */
export interface RunOptions {
  /** Print the stack of an internal error (the `DEBUG=dti` environment variable). */
  readonly debug?: boolean;
}

/** The first words of the commands that are groups (`criteria` of `criteria new`). */
const GROUPS = new Set(COMMANDS.filter((spec) => spec.name.includes(' ')).map((spec) => spec.name.split(' ')[0]!));
const TOP_NAMES = [...new Set(COMMANDS.map((spec) => spec.name.split(' ')[0]!)), 'help'];

/** The commands of a group (`criteria`), by their second word. */
const groupCommands = (group: string): CommandSpec[] => COMMANDS.filter((spec) => spec.name.startsWith(`${group} `));

/** What the words at the start of `argv` name: a command (with the rest of `argv`), or a group alone. */
type Found = { readonly spec: CommandSpec; readonly rest: readonly string[] } | { readonly group: string; readonly rest: readonly string[] };

function findCommand(argv: readonly string[]): Result<Found> {
  const [first = '', second] = argv;
  if (GROUPS.has(first)) {
    if (second === undefined || second.startsWith('-')) return { ok: true, value: { group: first, rest: argv.slice(1) } };
    const spec = COMMANDS.find((s) => s.name === `${first} ${second}`);
    if (spec) return { ok: true, value: { spec, rest: argv.slice(2) } };
    const suggestion = closest(second, groupCommands(first).map((s) => s.name.slice(first.length + 1)));
    return { ok: false, issues: [makeIssue('cli/unknown-command', second, { command: `${first} ${second}`, ...(suggestion !== undefined ? { suggestion: `${first} ${suggestion}` } : {}) })] };
  }
  const spec = COMMANDS.find((s) => s.name === first);
  if (spec) return { ok: true, value: { spec, rest: argv.slice(1) } };
  if (first.startsWith('-')) {
    const suggestion = closest(first.replace(/^-+/, ''), ['help', 'version']);
    return { ok: false, issues: [makeIssue('cli/unknown-option', first, { option: first, command: 'dti', ...(suggestion !== undefined ? { suggestion: `--${suggestion}` } : {}) })] };
  }
  const suggestion = closest(first, TOP_NAMES);
  return { ok: false, issues: [makeIssue('cli/unknown-command', first, { command: first, ...(suggestion !== undefined ? { suggestion } : {}) })] };
}

function usageError(io: Io, issues: readonly Issue[], usage?: string): number {
  printIssues(io, issues, 'text');
  if (usage !== undefined) io.err(`cách dùng / usage: ${usage}\n`);
  return 2;
}

/** `dti help [command]`: the overview, a group's commands, or one command's help. */
function help(io: Io, words: readonly string[]): number {
  if (words.length === 0) {
    io.out(overviewHelp(COMMANDS));
    return 0;
  }
  const found = findCommand(words);
  if (!found.ok) return usageError(io, found.issues);
  if ('group' in found.value) {
    io.out(overviewHelp(groupCommands(found.value.group), found.value.group));
    return 0;
  }
  io.out(commandHelp(found.value.spec));
  return 0;
}

/** A fault while running: a `DtiError` is the input's (exit 1); anything else is ours (one coded line, exit 3). */
function fault(io: Io, spec: CommandSpec, error: unknown, options: RunOptions): number {
  if (error instanceof DtiError) {
    printIssues(io, error.issues, 'text');
    return 1;
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  printIssues(io, [makeIssue('internal/error', `dti ${spec.name}`, { command: `dti ${spec.name}`, detail })], 'text');
  if (options.debug === true && error instanceof Error && error.stack !== undefined) io.err(`${error.stack}\n`);
  return 3;
}

/**
 * Runs the `dti` command line with `argv` (without node and script); returns
 * the exit code: 0 success, 1 invalid input or criteria, 2 usage error,
 * 3 internal error. Every command is parsed strictly against its spec.
 *
 * @example
 * ```ts
 * import { run } from './run.js';
 * let err = '';
 * const io = { out: () => undefined, err: (text: string) => { err += text; } };
 * console.log(run(['validate', 'x.json', '--levle', 'commune'], io, '0.1.0')); // 2
 * console.log(err.split('\n')[0]?.endsWith('[cli/unknown-option]')); // true
 * ```
 */
export function run(argv: readonly string[], io: Io, version: string, options: RunOptions = {}): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(overviewHelp(COMMANDS));
    return 2;
  }
  if (first === '--version' || first === '-v') {
    if (rest.length > 0) return usageError(io, [makeIssue('cli/extra-argument', rest[0]!, { command: `dti ${first}`, argument: rest[0]! })]);
    io.out(`${version}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h') {
    io.out(overviewHelp(COMMANDS));
    return 0;
  }
  if (first === 'help') return help(io, rest);
  const found = findCommand(argv);
  if (!found.ok) return usageError(io, found.issues);
  if ('group' in found.value) {
    const { group, rest: tail } = found.value;
    if (tail[0] === '--help' || tail[0] === '-h') {
      io.out(overviewHelp(groupCommands(group), group));
      return 0;
    }
    const names = groupCommands(group).map((spec) => spec.name.slice(group.length + 1));
    return usageError(io, [makeIssue('cli/missing-command', group, { command: `dti ${group}`, commands: names })]);
  }
  const { spec, rest: tail } = found.value;
  const parsed = parseCommandLine(spec, tail);
  if (!parsed.ok) return usageError(io, parsed.issues, `${usageLine(spec)} — dti ${spec.name} --help`);
  if (parsed.value.help) {
    io.out(commandHelp(spec));
    return 0;
  }
  try {
    const code = spec.run({ ...parsed.value, io });
    return typeof code === 'number' ? code : code.catch((error: unknown) => fault(io, spec, error, options));
  } catch (error) {
    return fault(io, spec, error, options);
  }
}
