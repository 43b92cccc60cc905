import type { ClassifiedFile, FileKind } from './fileClasses.js';
import { anyGlob } from './globs.js';
import { BUILD_FILE } from '../verdict/typeRules.js';
import type { CommitFacts } from './commitFacts.js';
import type {
  CiFact, CodeFacts, ConfigKeyFact, DefaultFact, DefinitionFact, DependencyFact, EnvFact, FlagFact, FormatFact, RouteFact,
  ReferenceFact, SecurityFact, TestFact, VersionFact,
} from './types.js';

/** File kinds whose facts say nothing about the product: tests, vendored and generated code, docs. */
const NOT_PRODUCT: ReadonlySet<FileKind> = new Set(['test', 'vendored', 'generated', 'docs']);

/** Definitions that run (behaviour), as opposed to types, fields and constants. */
export const CALLABLE_KINDS: ReadonlySet<string> = new Set(['function', 'method']);

/**
 * A commit's code facts sorted for the verdict and the prose: what is in the product's code (tests, vendored,
 * generated and docs files apart), by change. Built once per commit from CodeFacts and the commit's file classes.
 */
export interface CodeView {
  code: CodeFacts;
  added: DefinitionFact[];
  removed: DefinitionFact[];
  renamed: DefinitionFact[];
  moved: DefinitionFact[];
  signature: DefinitionFact[];
  body: DefinitionFact[];
  /** Definitions in test files (helpers, fixtures), any change. */
  testDefinitions: DefinitionFact[];
  flags: FlagFact[];
  env: EnvFact[];
  config: ConfigKeyFact[];
  defaults: DefaultFact[];
  routes: RouteFact[];
  formats: FormatFact[];
  dependencies: DependencyFact[];
  ci: CiFact[];
  security: SecurityFact[];
  tests: TestFact[];
  /** The project's own versions that moved. */
  versions: VersionFact[];
  /** Names the product's changed lines start or stop referring to. */
  references: ReferenceFact[];
  /** Names of definitions changed in this commit that a test of this commit names. */
  covered: ReadonlySet<string>;
  /** Paths whose facts came from the patch only (a ParseNote), by reason. */
  unparsed: ReadonlyMap<string, string>;
  /** The kind of a changed path (new or old path), when it has one. */
  kindOf: (path: string) => FileKind | undefined;
  /** isUserFacingPath for this commit's files: interface facts elsewhere (CI, build, scripts) are told, never judged. */
  userFacing: (path: string) => boolean;
}

/** Paths whose definitions are never anyone's API: internal packages, test helpers, examples, tools, benchmarks. */
export const NEVER_API_GLOBS: readonly string[] = [
  '**/internal/**', '**/_internal/**', '**/private/**', '**/testutil*/**', '**/testhelper*/**', '**/testing/**',
  '**/*mock*/**', '**/*mock*.*', '**/fixtures/**', '**/examples/**', '**/example/**', '**/bench/**', '**/benches/**',
  '**/benchmarks/**', '**/scripts/**', '**/tools/**', '**/cmd/**', '**/bin/**', '**/build/**',
];
/** Folders of CI, packaging and automation: what their files say is no user's interface. */
export const AUTOMATION_GLOBS: readonly string[] = [
  '.ci/**', 'ci/**', '.github/**', '.gitlab/**', '.buildkite/**', '.circleci/**', 'docker/**', 'contrib/**', 'hack/**', 'dev/**',
];
export const isNeverApi = anyGlob(NEVER_API_GLOBS, { dot: true, nocase: true });
const isAutomation = anyGlob(AUTOMATION_GLOBS, { dot: true, nocase: true });
const NOT_USER_FACING_KINDS: ReadonlySet<FileKind> = new Set(['ci', 'test', 'docs', 'vendored', 'generated', 'lockfile']);

/**
 * Whether a flag, setting, route, format or default found at `path` is something users of the project rely on: not
 * in tests, CI, build files, scripts, tools, examples or internal folders. (`cmd/` is Go's folder of commands, whose
 * flags are user-facing: only definitions treat it as never API, through NEVER_API_GLOBS.)
 */
export function isUserFacingPath(path: string, files: readonly ClassifiedFile[]): boolean {
  if ((isNeverApi(path) && !/(^|\/)cmd\//.test(path)) || isAutomation(path) || BUILD_FILE.test(path)) return false;
  const file = files.find((item) => item.file.path === path || item.file.oldPath === path);
  return file?.kind === undefined || !NOT_USER_FACING_KINDS.has(file.kind);
}

export function codeView(code: CodeFacts, facts: Pick<CommitFacts, 'files'>): CodeView {
  const kinds = new Map<string, FileKind | undefined>();
  for (const { file, kind } of facts.files) {
    kinds.set(file.path, kind);
    if (file.oldPath !== undefined && !kinds.has(file.oldPath)) kinds.set(file.oldPath, kind);
  }
  const kindOf = (path: string): FileKind | undefined => kinds.get(path);
  const inProduct = (path: string): boolean => {
    const kind = kindOf(path);
    return kind === undefined || !NOT_PRODUCT.has(kind);
  };
  const view: CodeView = {
    code, added: [], removed: [], renamed: [], moved: [], signature: [], body: [], testDefinitions: [],
    flags: code.flags.filter((fact) => inProduct(fact.path)),
    env: code.env.filter((fact) => inProduct(fact.path)),
    config: code.config.filter((fact) => inProduct(fact.path)),
    defaults: code.defaults.filter((fact) => inProduct(fact.path)),
    routes: code.routes.filter((fact) => inProduct(fact.path)),
    formats: code.formats.filter((fact) => inProduct(fact.path)),
    dependencies: code.dependencies,
    ci: code.ci,
    security: code.security.filter((fact) => inProduct(fact.path)),
    tests: code.tests,
    versions: code.versions ?? [],
    references: (code.references ?? []).filter((fact) => inProduct(fact.path)),
    covered: new Set(code.tests.flatMap((test) => test.covers)),
    unparsed: new Map(code.notes.map((note) => [note.path, note.reason])),
    kindOf,
    userFacing: (path) => isUserFacingPath(path, facts.files),
  };
  for (const fact of code.definitions) {
    if (kindOf(fact.path) === 'test') view.testDefinitions.push(fact);
    else if (inProduct(fact.path)) view[fact.change].push(fact);
  }
  return view;
}

/** True when the view holds no fact at all about the product's code, dependencies or CI. */
export function isEmptyView(view: CodeView): boolean {
  return view.added.length + view.removed.length + view.renamed.length + view.moved.length + view.signature.length +
    view.body.length + view.flags.length + view.env.length + view.config.length + view.defaults.length +
    view.routes.length + view.formats.length + view.dependencies.length + view.ci.length + view.security.length +
    view.versions.length === 0;
}

/** A definition as the prose names it: `Container.name`, `name()` for functions and methods. */
export function definitionLabel(fact: Pick<DefinitionFact, 'name' | 'container' | 'defKind'>): string {
  const base = fact.container !== undefined && fact.defKind === 'method' ? `${fact.container}.${fact.name}` : fact.name;
  return fact.defKind === 'function' || fact.defKind === 'method' || fact.defKind === 'macro' ? `${base}()` : base;
}
