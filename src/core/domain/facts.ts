/**
 * The facts of the offline analysis: what a commit's diff changed, each fact with the file and line where it
 * is. Facts are observations, never guesses: every one names what was seen. The verdict (type, importance,
 * breaking, security) and the prose are made from them.
 */

/** Where a fact is: the path in the commit (the new path; the old one for removed things) and a 1-based line. */
export interface FactLocation {
  path: string;
  /** 1-based line in the new file, or in the old file when the thing was removed. */
  line?: number;
  /** Which side `line` counts in. */
  side?: 'old' | 'new';
}

/** The kinds of definition the parsers report (the report's schema and the fact links read this list). */
export const DEFINITION_KINDS = [
  'function', 'method', 'class', 'struct', 'enum', 'interface', 'trait', 'type', 'constant', 'module', 'macro', 'field',
  'variant',
] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

export type DefinitionChange = 'added' | 'removed' | 'renamed' | 'moved' | 'signature' | 'body';

export interface DefinitionFact extends FactLocation {
  kind: 'definition';
  change: DefinitionChange;
  defKind: DefinitionKind;
  /** The definition's own name, e.g. `write_pack`. */
  name: string;
  /** The enclosing class, impl, struct or namespace, when there is one, e.g. `PackWriter`. */
  container?: string;
  /** Exported, `pub`, `public`, a capitalised Go name, or declared in a header. */
  public: boolean;
  language: string;
  /** For renamed: the old name. */
  oldName?: string;
  /** For moved: the old path. */
  oldPath?: string;
  /** For signature: the old and new signature text, one line each, bounded. */
  oldSignature?: string;
  signature?: string;
  /**
   * For signature: the old side's visibility, when it differs from `public` (a definition made private, or
   * exported). Added and removed facts carry their own signature (`signature`, `oldSignature`) when it has one.
   */
  oldPublic?: boolean;
  /** A variant of an enum that code outside may match exhaustively (Rust, no `#[non_exhaustive]`): adding one breaks those matches. */
  exhaustive?: boolean;
}

export type AddedRemoved = 'added' | 'removed';

export interface FlagFact extends FactLocation {
  kind: 'flag';
  change: AddedRemoved;
  /** As a user types it: `--cert`, `-v`. */
  name: string;
  /** clap, argparse, click, commander, cobra, parse-options, … */
  framework: string;
}

export interface EnvFact extends FactLocation {
  kind: 'env';
  change: AddedRemoved;
  /** The variable name, e.g. `UV_CERT`. */
  name: string;
}

export interface ConfigKeyFact extends FactLocation {
  kind: 'config';
  change: AddedRemoved;
  key: string;
  /** The options struct, class or interface that declares the key, when it came from one (`Options`). */
  container?: string;
}

export interface DefaultFact extends FactLocation {
  kind: 'default';
  /** The setting, field, parameter or constant whose literal changed. */
  name: string;
  old: string;
  new: string;
}

export interface RouteFact extends FactLocation {
  kind: 'route';
  change: AddedRemoved;
  method?: string;
  route: string;
}

export interface FormatFact extends FactLocation {
  kind: 'format';
  change: AddedRemoved;
  /** A file format, compression, URL scheme or protocol name, e.g. `bz2`, `s3://`. */
  name: string;
}

export type DependencyScope = 'runtime' | 'dev' | 'build' | 'optional' | 'ci';
export type DependencyChange = 'added' | 'removed' | 'bumped';

export interface DependencyFact extends FactLocation {
  kind: 'dependency';
  change: DependencyChange;
  name: string;
  old?: string;
  new?: string;
  scope: DependencyScope;
  /** cargo, npm, go, pip, meson, cmake, actions, … */
  ecosystem: string;
  /** True when only a lock file shows it (a bump, not a feature). */
  lockOnly?: boolean;
}

export type CiFactWhat = 'trigger' | 'permission' | 'secret' | 'unpinned-action';

export interface CiFact extends FactLocation {
  kind: 'ci';
  what: CiFactWhat;
  change: AddedRemoved;
  /** What was seen: `pull_request_target`, `contents: write`, `secrets.NPM_TOKEN`, `foo/bar@main`. */
  detail: string;
}

export const SECURITY_AREAS = [
  'tls', 'auth', 'crypto', 'secret', 'permission', 'sandbox', 'path', 'exec', 'deserialize', 'unsafe', 'input',
] as const;
export type SecurityArea = (typeof SECURITY_AREAS)[number];

export interface SecurityFact extends FactLocation {
  kind: 'security';
  area: SecurityArea;
  change: AddedRemoved | 'changed';
  /** The identifier, call or token that was seen, e.g. `md5`, `verify_mode`, `unsafe`. */
  evidence: string;
  /** The vocabulary entry the evidence matched, e.g. `md5` for `Md5Hasher`, `token` for `auth_token`. */
  term?: string;
}

export interface TestFact extends FactLocation {
  kind: 'test';
  change: AddedRemoved;
  name: string;
  /** Names of definitions changed in this commit that the test's text names. */
  covers: string[];
}

/** The project's own version moved in its manifest (`version = "8.5.0.dev"`): a release, not a dependency. */
export interface VersionFact extends FactLocation {
  kind: 'version';
  /** The package whose version it is, as its manifest names it. */
  name: string;
  old: string;
  new: string;
}

/**
 * A name the commit's changed lines start or stop referring to (a function now called, a constant now read, a key
 * or flag now written), from the tokens of the changed lines: `added` when only the new side's changed lines hold it.
 */
export interface ReferenceFact extends FactLocation {
  kind: 'reference';
  change: AddedRemoved;
  name: string;
}

/** Facts an analysis keeps at most (Analysis.facts). */
export const MAX_STORED_FACTS = 40;

/** A fact as a report keeps it (Analysis.facts): every kind but references, which are many and tell little alone. */
export type StoredFact =
  | DefinitionFact
  | FlagFact
  | EnvFact
  | ConfigKeyFact
  | DefaultFact
  | RouteFact
  | FormatFact
  | DependencyFact
  | CiFact
  | SecurityFact
  | TestFact
  | VersionFact;
