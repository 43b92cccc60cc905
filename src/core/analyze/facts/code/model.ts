/**
 * What the interface rules read from one side of one file, the same shape whether it came from a syntax tree or,
 * for a file without a grammar, from the lexed lines of its patch. Lines are 1-based on that side.
 */

export type ArgKind = 'string' | 'number' | 'bool' | 'null' | 'char' | 'ident' | 'other';

export interface ArgValue {
  kind: ArgKind;
  /** The value: a string's content without quotes, a number or identifier as written; bounded. */
  text: string;
  /** `name=` of a keyword argument (Python, Java annotations, Rust attribute `key = value`). */
  keyword?: string;
}

export interface CallSite {
  /** The callee as segments: `parser.add_argument` → [parser, add_argument]; `cmd.Flags().Bool` → [cmd, Flags(), Bool]. */
  callee: string[];
  args: ArgValue[];
  line: number;
  /** Written as a decorator (Python), an annotation (Java) or an attribute (Rust) on the next definition. */
  decorator?: boolean;
  /** A Rust macro invocation (`env!`), its arguments read from the token tree. */
  macro?: boolean;
  /** The callee as written when it is a plain name or path of up to three parts (`LockSupport.parkNanos`, `hex::encode`). */
  written?: string;
}

/** A read of a member or key: `process.env.HOME` → object [process, env], key HOME; `os.environ["X"]` likewise. */
export interface MemberRead {
  object: string[];
  key: string;
  line: number;
}

/** A Rust struct field or enum variant with its attribute arguments (`#[arg(long, env = "X")]`). */
export interface AttributedField {
  /** The field's name (`foo_bar`) and the struct or enum it is in. */
  name: string;
  container: string;
  /** Each attribute: its name (`arg`, `clap`, `serde`) and its arguments as keyword/value or bare words. */
  attributes: { name: string; args: ArgValue[] }[];
  /** Attributes of the container itself (`#[serde(rename_all = "kebab-case")]`). */
  containerAttributes: { name: string; args: ArgValue[] }[];
  /** A Go struct tag (`json:"name,omitempty"`), raw. */
  tag?: string;
  /** A variant of a Rust enum (a clap subcommand when the enum derives `Subcommand`), not a struct field. */
  variant?: boolean;
  line: number;
}

/** A name bound to a literal: a module constant, a parameter default, a struct field default. */
export interface LiteralBinding {
  /** `DEFAULT_TIMEOUT`, `Options.repeat_penalty`, `connect.timeout`. */
  name: string;
  value: string;
  line: number;
}

/** A word seen in an identifier or a string, for the format table. */
export interface WordSighting {
  word: string;
  line: number;
  /** Seen in a string literal (not an identifier). */
  inString: boolean;
  /** The identifier starts with a capital (a type or variant: `Zip`, `ZipArchive`). */
  capitalised: boolean;
}

/** An identifier, string or number on a changed line, for the security vocabulary. */
export interface ChangedToken {
  text: string;
  kind: 'identifier' | 'string' | 'number' | 'keyword';
  line: number;
}

/** A Rust `unsafe` block, function, impl or trait, keyed by what it is in. */
export interface UnsafeSite {
  /** `unsafe block in read_header`, `unsafe fn from_raw`, `unsafe impl Send for Handle`. */
  what: string;
  line: number;
}

export interface CodeModel {
  calls: CallSite[];
  members: MemberRead[];
  fields: AttributedField[];
  /** Config keys a struct, class or interface of options declares (already converted to how users write them). */
  configFields: { key: string; line: number; container: string }[];
  literals: LiteralBinding[];
  words: WordSighting[];
  changed: ChangedToken[];
  /** The callees (as written) of calls on changed lines: what the change starts or stops calling. */
  calledNames: ChangedToken[];
  /** Subcommands declared other than by a call (cobra's `&cobra.Command{Use: "agent"}`). */
  commands: { name: string; framework: string; line: number }[];
  unsafe: UnsafeSite[];
}

export function emptyModel(): CodeModel {
  return { calls: [], members: [], fields: [], configFields: [], literals: [], words: [], changed: [], calledNames: [], commands: [], unsafe: [] };
}

/** Bounds on what one file's model holds: hostile files cannot make the rules' work grow without limit. */
export const MODEL_LIMITS = {
  calls: 20_000,
  members: 5_000,
  fields: 5_000,
  literals: 10_000,
  words: 50_000,
  changed: 20_000,
  argText: 200,
  args: 24,
} as const;
