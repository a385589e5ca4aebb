import type { Io } from './output.js';

/** A text in Vietnamese and English. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** A positional argument of a command. */
export interface ArgSpec {
  /** Shown as `<name>` in the usage line and the issues. */
  readonly name: string;
  readonly help: Bilingual;
  /** May be left out (default: required). */
  readonly optional?: boolean;
  /** Takes every remaining argument (one or more, or none when optional). Last only. */
  readonly variadic?: boolean;
}

/** One option of a command (always long: `--name`; no short forms but `-h`). */
export interface OptionSpec {
  readonly name: string;
  /** `flag`: a switch; `text`: a value; `integer`: a positive whole number. */
  readonly type: 'flag' | 'text' | 'integer';
  /** The value's placeholder in help and issues (`<ref>`); default from `choices` or `<value>`. */
  readonly value?: string;
  /** The values a `text` option accepts. */
  readonly choices?: readonly string[];
  /** Must be given (`cli/missing-option` otherwise). */
  readonly required?: boolean;
  /** The value used when the option is not given (shown in help). */
  readonly default?: string;
  readonly help: Bilingual;
}

/** One example of a command, as typed, with what it does. */
export interface CommandExample {
  readonly command: string;
  readonly help: Bilingual;
  /**
   * Also shown by `dti --help` (and by the help of the command's group, such
   * as `dti criteria --help`): the examples of a year's work, one or two per
   * command, so that the overview shows how the commands are used.
   */
  readonly overview?: boolean;
}

/** The options and arguments of one run of a command, already checked against its spec. */
export interface ParsedCommand {
  readonly args: readonly string[];
  /** A `text` option's value (its `default` when not given). */
  text(name: string): string | undefined;
  /** A `text` option with `choices`: its value or its `default`. */
  choice<T extends string>(name: string): T;
  /** Whether a `flag` was given. */
  flag(name: string): boolean;
  /** Whether the option was given on the command line (not only its default). */
  given(name: string): boolean;
  /** An `integer` option's value. */
  integer(name: string): number | undefined;
}

/** What a command's `run` gets: where to write, and its parsed command line. */
export interface CommandContext extends ParsedCommand {
  readonly io: Io;
}

/**
 * One command of `dti`: its name (`score`, `criteria new`), what it does, its
 * arguments, options and examples, and what it runs. Parsing, help and the
 * command-line guide are all generated from the specs.
 */
export interface CommandSpec {
  readonly name: string;
  readonly summary: Bilingual;
  readonly args: readonly ArgSpec[];
  readonly options: readonly OptionSpec[];
  readonly examples: readonly CommandExample[];
  /** Returns the exit code: 0 success, 1 invalid input, 2 usage error. */
  readonly run: (context: CommandContext) => number | Promise<number>;
}

/** The placeholder an option's value is shown with. */
export function valueOf(option: OptionSpec): string {
  if (option.value !== undefined) return option.value;
  if (option.choices !== undefined) return `<${option.choices.join('|')}>`;
  return option.type === 'integer' ? '<n>' : '<value>';
}
