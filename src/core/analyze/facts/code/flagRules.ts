import type { LanguageId } from '../syntax/languages.js';
import type { ArgValue, AttributedField, CallSite } from './model.js';
import { kebabCase } from './words.js';

/** A flag as a rule reads it: the name a user types and, when the declaration gives one, its default. */
export interface FlagSighting {
  name: string;
  framework: string;
  default?: string;
}

/** One row per command-line framework: which calls declare a flag and how to read its name and default. */
export interface FlagRule {
  framework: string;
  languages: readonly LanguageId[];
  read: (call: CallSite) => FlagSighting[];
}

const last = (call: CallSite): string => call.callee[call.callee.length - 1] ?? '';
const receiver = (call: CallSite): string => (call.callee[call.callee.length - 2] ?? '').replace(/\(\)$/, '');
const strings = (args: readonly ArgValue[]): string[] => args.filter((arg) => arg.kind === 'string' && arg.keyword === undefined).map((arg) => arg.text);
const keyword = (args: readonly ArgValue[], name: string): ArgValue | undefined => args.find((arg) => arg.keyword === name);
const FLAG_NAME = /^--?[A-Za-z0-9][A-Za-z0-9_.:-]{0,60}$/;

/** The long form of a dashed option list (`-v`, `--verbose`), else its short form. */
function preferLong(names: string[]): string | undefined {
  const valid = names.filter((name) => FLAG_NAME.test(name));
  return valid.find((name) => name.startsWith('--')) ?? valid[0];
}

function sighting(name: string | undefined, framework: string, fallbackDefault?: ArgValue): FlagSighting[] {
  if (name === undefined) return [];
  return [{ name, framework, ...(fallbackDefault && fallbackDefault.kind !== 'other' ? { default: fallbackDefault.text } : {}) }];
}

/** `"-p, --port <number>"` (commander) → `--port`. */
function commanderFlags(spec: string): string | undefined {
  return preferLong(spec.split(/[\s,|]+/).filter((part) => part.startsWith('-')));
}

/** Go flag functions: `String`, `StringP`, `StringVar`, `StringVarP`, `BoolFunc`, … of cobra, pflag and the standard library. */
const GO_FLAG_FUNCTION = /^(?:Bool|String|Int|Int8|Int16|Int32|Int64|Uint|Uint8|Uint16|Uint32|Uint64|Float32|Float64|Duration|StringSlice|StringArray|IntSlice|BoolSlice|StringToString|StringToInt|Count|IP|IPNet|IPSlice|BytesHex|BytesBase64|Text|Func|BoolFunc|)(Var)?(P)?$/;

function goFlag(call: CallSite): FlagSighting[] {
  const name = last(call);
  const match = GO_FLAG_FUNCTION.exec(name);
  if (!match || name === '' || name === 'P') return [];
  const owner = receiver(call);
  const cobra = call.callee.some((segment) => /Flags\(\)$/.test(segment)) || owner === 'pflag';
  if (!cobra && owner !== 'flag' && !/^(fs|flags|flagSet|flagset)$/i.test(owner)) return [];
  const isVar = match[1] === 'Var' || name === 'Var' || name === 'VarP' || name === 'TextVar';
  const nameIndex = isVar ? 1 : 0;
  const flag = call.args[nameIndex];
  if (flag?.kind !== 'string') return [];
  const defaultIndex = nameIndex + (match[2] === 'P' ? 2 : 1);
  return sighting(`${cobra ? '--' : '-'}${flag.text}`, cobra ? 'cobra' : 'flag', call.args[defaultIndex]);
}

/** git's parse-options macros whose long name is fixed by the macro (`OPT__VERBOSE(&v, N_("…"))` is `--verbose`). */
const PARSE_OPTIONS_FIXED: ReadonlyMap<string, string> = new Map([
  ['OPT__VERBOSE', '--verbose'], ['OPT__QUIET', '--quiet'], ['OPT__DRY_RUN', '--dry-run'], ['OPT__FORCE', '--force'],
  ['OPT__ABBREV', '--abbrev'], ['OPT__COLOR', '--color'], ['OPT__SUPER_PREFIX', '--super-prefix'], ['OPT__NO_ABBREV', '--no-abbrev'],
]);
const PARSE_OPTIONS_NOT_FLAGS: ReadonlySet<string> = new Set(['OPT_END', 'OPT_GROUP', 'OPT_SUBCOMMAND_F', 'OPT_PATHSPEC_FROM_FILE', 'OPT_PATHSPEC_FILE_NUL']);

function parseOptionsFlag(call: CallSite): FlagSighting[] {
  const macro = call.callee.length === 1 ? call.callee[0]! : '';
  if (!macro.startsWith('OPT_') || PARSE_OPTIONS_NOT_FLAGS.has(macro)) return [];
  const fixed = PARSE_OPTIONS_FIXED.get(macro);
  if (fixed) return [{ name: fixed, framework: 'parse-options' }];
  if (macro === 'OPT_SUBCOMMAND') return [];
  const [short, long] = call.args;
  if (long?.kind === 'string') return sighting(`--${long.text}`, 'parse-options');
  if (short?.kind === 'char' && /^[A-Za-z0-9]$/.test(short.text)) return sighting(`-${short.text}`, 'parse-options');
  return [];
}

function argparseFlag(call: CallSite): FlagSighting[] {
  if (call.decorator || last(call) !== 'add_argument') return [];
  return sighting(preferLong(strings(call.args).filter((text) => text.startsWith('-'))), 'argparse', keyword(call.args, 'default'));
}

function clickFlag(call: CallSite): FlagSighting[] {
  const name = last(call);
  const isClick = call.decorator && name === 'option' && (call.callee.length === 1 || receiver(call) === 'click');
  const isTyper = !call.decorator && name === 'Option' && (call.callee.length === 1 || receiver(call) === 'typer');
  if (!isClick && !isTyper) return [];
  const names = strings(call.args).flatMap((text) => text.split('/')).map((text) => text.trim()).filter((text) => text.startsWith('-'));
  return sighting(preferLong(names), isClick ? 'click' : 'typer', keyword(call.args, 'default'));
}

function commanderFlag(call: CallSite): FlagSighting[] {
  const name = last(call);
  const first = call.args[0];
  if (first?.kind !== 'string') return [];
  if ((name === 'option' || name === 'requiredOption') && call.callee.length >= 2) {
    if (first.text.startsWith('-')) return sighting(commanderFlags(first.text), 'commander', call.args[2]);
    // yargs: `.option('port', { alias: 'p' })`, the name without dashes.
    if (/^[A-Za-z][\w-]{0,60}$/.test(first.text) && call.args[1]?.kind === 'other') return sighting(`--${first.text}`, 'yargs');
    return [];
  }
  if (name === 'Option' && call.callee.length === 1 && first.text.startsWith('-')) return sighting(commanderFlags(first.text), 'commander', call.args[2]);
  return [];
}

function clapBuilderFlag(call: CallSite): FlagSighting[] {
  const first = call.args[0];
  if (call.decorator || last(call) !== 'long' || call.callee.length < 2 || call.args.length !== 1 || first?.kind !== 'string') return [];
  return sighting(`--${first.text}`, 'clap');
}

function picocliFlag(call: CallSite): FlagSighting[] {
  if (!call.decorator || last(call) !== 'Option') return [];
  const names = keyword(call.args, 'names')?.text ?? '';
  return sighting(preferLong([...names.matchAll(/"(-{1,2}[^"]{1,60})"/g)].map((match) => match[1]!)), 'picocli');
}

/** C functions that compare an argument against an option spelled out (`!strcmp(arg, "--force")`, `skip_prefix(arg, "--x=", &v)`). */
const ARGV_COMPARES: ReadonlySet<string> = new Set(['strcmp', 'skip_prefix', 'starts_with', 'strncmp', 'istarts_with', 'skip_to_optional_arg', 'match_opt']);
const SPELLED_OPTION = /^(--?[A-Za-z][A-Za-z0-9-]{0,60})=?$/;

function argvCompareFlag(call: CallSite): FlagSighting[] {
  if (call.callee.length !== 1 || !ARGV_COMPARES.has(call.callee[0]!)) return [];
  for (const arg of call.args) {
    const match = arg.kind === 'string' ? SPELLED_OPTION.exec(arg.text) : null;
    if (match) return [{ name: match[1]!, framework: 'argv' }];
  }
  return [];
}

/** A subcommand as users type it: `add`, `update-shell`, `refs:create` (a flag without dashes, in the facts). */
export const COMMAND_NAME = /^[a-z][a-z0-9]*(?:[-_:][a-z0-9]+){0,4}$/;

/**
 * Subcommands: argparse `subparsers.add_parser("name")`, commander `.command('name <arg>')`, click
 * `@cli.command("name")` / `@cli.group("name")` (a named one: an unnamed one takes the function's name).
 */
function subcommand(call: CallSite): FlagSighting[] {
  const name = last(call);
  const first = call.args[0];
  if (first?.kind !== 'string' || first.keyword !== undefined || call.callee.length < 2) return [];
  const word = first.text.trim().split(/\s+/)[0] ?? '';
  if (!COMMAND_NAME.test(word)) return [];
  if (!call.decorator && name === 'add_parser') return [{ name: word, framework: 'argparse' }];
  if (!call.decorator && name === 'command' && !/^(?:vscode|commands|cmd|exec|execa)$/.test(receiver(call))) return [{ name: word, framework: 'commander' }];
  if (call.decorator && (name === 'command' || name === 'group')) return [{ name: word, framework: 'click' }];
  return [];
}

export const FLAG_RULES: readonly FlagRule[] = [
  { framework: 'argparse', languages: ['python'], read: subcommand },
  { framework: 'commander', languages: ['javascript', 'typescript', 'tsx'], read: subcommand },
  { framework: 'argparse', languages: ['python'], read: argparseFlag },
  { framework: 'click', languages: ['python'], read: clickFlag },
  { framework: 'commander', languages: ['javascript', 'typescript', 'tsx'], read: commanderFlag },
  { framework: 'cobra', languages: ['go'], read: goFlag },
  { framework: 'clap', languages: ['rust'], read: clapBuilderFlag },
  { framework: 'parse-options', languages: ['c', 'cpp'], read: parseOptionsFlag },
  { framework: 'argv', languages: ['c', 'cpp'], read: argvCompareFlag },
  { framework: 'picocli', languages: ['java'], read: picocliFlag },
];

/** Attributes that make a Rust struct field a command-line argument (clap derive, structopt, argh). */
const CLAP_ATTRIBUTES: ReadonlySet<string> = new Set(['arg', 'clap', 'structopt', 'argh', 'option']);

/** clap derive: `#[arg(long)]` → `--field-name`, `#[arg(long = "x")]` → `--x`, `short` alone → `-f`; positional fields are not flags. */
export function clapFieldFlag(field: AttributedField): (FlagSighting & { env?: string }) | undefined {
  if (field.variant === true) return clapSubcommand(field);
  let long: string | undefined;
  let short: string | undefined;
  let env: string | undefined;
  let defaultValue: string | undefined;
  for (const attribute of field.attributes) {
    if (!CLAP_ATTRIBUTES.has(attribute.name)) continue;
    for (const arg of attribute.args) {
      const key = arg.keyword ?? (arg.kind === 'ident' ? arg.text : '');
      if (key === 'long') long = arg.keyword === undefined ? kebabCase(field.name) : arg.text;
      else if (key === 'short') short = arg.keyword === undefined ? field.name.replace(/^r#/, '').charAt(0) : arg.text;
      else if (key === 'env') env = arg.keyword === undefined ? kebabCase(field.name).replace(/-/g, '_').toUpperCase() : arg.text;
      else if (key.startsWith('default_value') && arg.keyword !== undefined) defaultValue = arg.text;
    }
  }
  const name = long !== undefined ? `--${long}` : short !== undefined ? `-${short}` : undefined;
  if (name === undefined && env === undefined) return undefined;
  return { name: name ?? '', framework: 'clap', ...(defaultValue === undefined ? {} : { default: defaultValue }), ...(env === undefined ? {} : { env }) };
}

/** Variant attributes that make no subcommand of their own: a flattened group, the catch-all, a skipped one. */
const NOT_A_SUBCOMMAND = /^(?:flatten|external_subcommand|skip)$/;

/** clap derive: a variant of a `#[derive(Subcommand)]` enum is the subcommand `kebab-case(Variant)`, or its `name = "…"`. */
function clapSubcommand(field: AttributedField): FlagSighting | undefined {
  let name = kebabCase(field.name);
  for (const attribute of field.attributes) {
    if (attribute.name !== 'command' && attribute.name !== 'clap') continue;
    for (const arg of attribute.args) {
      if (arg.keyword === undefined && NOT_A_SUBCOMMAND.test(arg.text)) return undefined;
      if (arg.keyword === 'name' && arg.kind === 'string') name = arg.text;
    }
  }
  return COMMAND_NAME.test(name) ? { name, framework: 'clap' } : undefined;
}
