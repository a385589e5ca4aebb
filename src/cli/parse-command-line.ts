import { parseArgs } from 'node:util';
import { makeIssue, type Issue, type Result } from '../errors.js';
import { closest } from '../text/similar.js';
import { valueOf, type CommandSpec, type OptionSpec, type ParsedCommand } from './spec.js';

/** A command line checked against a command's spec: its values, or `help` when `--help` / `-h` was given. */
export type CommandLine = { readonly help: true } | ({ readonly help: false } & ParsedCommand);

const WHOLE = /^[1-9][0-9]*$/;

/** The issues of one option token, or its checked value. */
function checkValue(option: OptionSpec, raw: string | undefined, inline: boolean): Issue | string | true {
  const flag = `--${option.name}`;
  if (option.type === 'flag') return inline ? makeIssue('cli/unexpected-value', flag, { option: flag }) : true;
  // A value that starts with "-" right after the option is the next option, not a value (write --x=-y).
  if (raw === undefined || (!inline && raw.startsWith('-'))) return makeIssue('cli/missing-value', flag, { option: flag, value: valueOf(option) });
  if (option.type === 'integer' && (!WHOLE.test(raw) || !Number.isSafeInteger(Number(raw)))) return makeIssue('cli/bad-number', flag, { option: flag, value: raw });
  if (option.choices !== undefined && !option.choices.includes(raw)) {
    const suggestion = closest(raw, option.choices);
    return makeIssue('cli/bad-choice', flag, { option: flag, value: raw, choices: option.choices, ...(suggestion !== undefined ? { suggestion } : {}) });
  }
  return raw;
}

/**
 * Checks `argv` (what follows the command's name) against one command's
 * spec, strictly: an option the command does not take (with the closest one
 * it does take), a missing or unexpected value, a value outside the choices,
 * an option given twice and a missing or extra argument are each a coded
 * `cli/…` issue naming the option or argument. Never Node's parser text.
 *
 * @example
 * ```ts
 * import { parseCommandLine } from './parse-command-line.js';
 * const spec = { name: 'dti validate', summary: { vi: '', en: '' }, args: [{ name: 'file', help: { vi: '', en: '' } }], options: [{ name: 'format', type: 'text', choices: ['text', 'json'], default: 'text', help: { vi: '', en: '' } }], examples: [], run: () => 0 } as const;
 * const ok = parseCommandLine(spec, ['x.json', '--format', 'json']);
 * console.log(ok.ok && !ok.value.help ? [ok.value.args, ok.value.choice('format')] : ''); // [["x.json"],"json"]
 * const typo = parseCommandLine(spec, ['x.json', '--fromat', 'json']);
 * console.log(typo.ok ? '' : typo.issues.map((i) => `${i.code} ${i.params.suggestion}`)); // ["cli/unknown-option --format"]
 * ```
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): Result<CommandLine> {
  const byName = new Map(spec.options.map((option) => [option.name, option]));
  const { tokens } = parseArgs({
    args: [...argv],
    options: { ...Object.fromEntries(spec.options.map((o) => [o.name, { type: o.type === 'flag' ? ('boolean' as const) : ('string' as const) }])), help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return { ok: true, value: { help: true } };
  const issues: Issue[] = [];
  const values = new Map<string, string | true>();
  const args: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') args.push(token.value);
    if (token.kind !== 'option') continue;
    const option = token.rawName.startsWith('--') ? byName.get(token.name) : undefined;
    if (option === undefined) {
      const suggestion = closest(token.name, spec.options.map((o) => o.name));
      issues.push(makeIssue('cli/unknown-option', token.rawName, { option: token.rawName, command: `dti ${spec.name}`, ...(suggestion !== undefined ? { suggestion: `--${suggestion}` } : {}) }));
      continue;
    }
    if (values.has(option.name)) {
      issues.push(makeIssue('cli/repeated-option', token.rawName, { option: token.rawName }));
      continue;
    }
    const checked = checkValue(option, token.value, token.inlineValue === true);
    if (typeof checked === 'object') issues.push(checked);
    else values.set(option.name, checked);
  }
  const command = `dti ${spec.name}`;
  for (const option of spec.options) {
    if (option.required === true && !values.has(option.name)) issues.push(makeIssue('cli/missing-option', `--${option.name}`, { option: `--${option.name} ${valueOf(option)}`, command }));
  }
  if (issues.length > 0) return { ok: false, issues };
  const required = spec.args.filter((arg) => arg.optional !== true);
  if (args.length < required.length) {
    return { ok: false, issues: [makeIssue('cli/missing-argument', `<${required[args.length]!.name}>`, { command, argument: `<${required[args.length]!.name}>` })] };
  }
  if (spec.args.at(-1)?.variadic !== true && args.length > spec.args.length) {
    return { ok: false, issues: args.slice(spec.args.length).map((arg) => makeIssue('cli/extra-argument', arg, { command, argument: arg })) };
  }
  const fallback = (name: string): string | undefined => byName.get(name)?.default;
  const own = (name: string, type: OptionSpec['type']): void => {
    if (byName.get(name)?.type !== type) throw new Error(`dti ${spec.name} declares no ${type} option --${name}`);
  };
  const text = (name: string): string | undefined => {
    own(name, 'text');
    const value = values.get(name);
    return typeof value === 'string' ? value : fallback(name);
  };
  return {
    ok: true,
    value: {
      help: false,
      args,
      text,
      choice: <T extends string>(name: string): T => text(name) as T,
      given(name) {
        if (!byName.has(name)) throw new Error(`dti ${spec.name} declares no option --${name}`);
        return values.has(name);
      },
      flag(name) {
        own(name, 'flag');
        return values.get(name) === true;
      },
      integer(name) {
        own(name, 'integer');
        const value = values.get(name);
        return typeof value === 'string' ? Number(value) : fallback(name) === undefined ? undefined : Number(fallback(name));
      },
    },
  };
}
