import type { Node } from '@vscode/tree-sitter-wasm';
import type { DefinitionKind } from '../types.js';

/**
 * How a language's definitions are read from its syntax tree. The walker (extract.ts) visits the named children of
 * the root and of every container body; a node whose type is in `transparent` is looked through (export
 * statements, preprocessor blocks, templates), and a node whose type has a rule in `nodes` may define something.
 * Function bodies are never entered, so nested helpers and locals are not definitions.
 */

export type Access = 'public' | 'private' | 'protected';

/** Where the walker is. */
export interface Scope {
  /** The enclosing class, struct, impl, trait, interface, enum or namespace. */
  container?: string;
  containerKind?: DefinitionKind;
  /** Members of a type (methods, fields) rather than free definitions. */
  inType: boolean;
  /** Whether the container is public (its members are at most as public). */
  containerPublic: boolean;
  /** TS/JS: under an `export`. */
  exported: boolean;
  /** C++/TS: the access section or modifier in force (C++ `public:` lines). */
  access?: Access;
  /** C/C++: the file is a header. */
  header: boolean;
  /** The path looks like a test file (Python test_*.py, Go *_test.go, *.test.ts, tests/…). */
  testFile: boolean;
  /** JS/TS: the describe() blocks around a test, outermost first. */
  suites: string[];
}

/** What a rule found at one node. */
export interface Found {
  kind: DefinitionKind;
  name: string;
  /** The node whose text is the definition (signature and body come from it); defaults to the visited node. */
  node?: Node;
  /** Overrides the scope's container (Go receivers, C++ `Foo::bar`, Rust impl types). */
  container?: string;
  /** Decided by the rule; otherwise the language's `isPublic`. */
  public?: boolean;
  /** The body, when it is not the `body` field (signature = the text before it). */
  body?: Node | null;
  /** Walk these nodes' named children as the members of this definition. */
  members?: Node | null;
  /** The scope members start in (C++ class: private; struct: public). */
  memberAccess?: Access;
  /** The definition is a test function: this is its test name, and no definition is reported for it. */
  test?: string;
  /** A test suite (JS/TS `describe('name', …)`): nothing is reported for it; `members` are walked inside it. */
  suite?: string;
  /** Not a definition itself, only a holder of members (a Rust `impl`, a C `extern "C"` block). */
  hidden?: boolean;
  /** A variant of an enum that code outside may match exhaustively (Rust without `#[non_exhaustive]`). */
  exhaustive?: boolean;
}

export type Rule = (node: Node, scope: Scope) => Found[] | Found | undefined;

export interface LanguageDefinitions {
  /** Node types looked through; the function may change the scope inside (e.g. `export` makes it exported). */
  transparent: Readonly<Record<string, true | ((node: Node, scope: Scope) => Scope | undefined)>>;
  nodes: Readonly<Record<string, Rule>>;
  /** Public when the rule did not say: export, pub, public, a capitalised Go name, a header declaration… */
  isPublic(found: Found, node: Node, scope: Scope): boolean;
  /** An access section marker among a type's members (C++ `public:`): the access it sets for what follows. */
  accessOf?(node: Node): Access | undefined;
  /** Names made public elsewhere in the file (TS/JS `export { a, b }`). */
  exportedNames?(root: Node): Set<string>;
  /** Whether a path is a test file for this language. */
  isTestPath?(path: string): boolean;
}

/** The text of a node's `name` field (or another field), undefined when absent. */
export function fieldText(node: Node, field = 'name'): string | undefined {
  return node.childForFieldName(field)?.text;
}

/** Named children of a node (tree-sitter may leave holes; they are skipped). */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

/** The first named child of one of the given types. */
export function childOfType(node: Node, ...types: string[]): Node | undefined {
  return namedChildren(node).find((child) => types.includes(child.type));
}

/** The longest modifier keyword looked for (`protected`): longer children are not read. */
const MAX_WORD = 12;

/**
 * Whether a node has a child whose text is exactly one of `words` (modifiers: `static`, `public`), a keyword
 * itself or a one-keyword node such as C's storage_class_specifier.
 */
export function hasWord(node: Node, ...words: string[]): boolean {
  for (let index = 0; index < node.childCount; index++) {
    const child = node.child(index);
    if (child && child.childCount <= 1 && child.endIndex - child.startIndex <= MAX_WORD && words.includes(child.text)) return true;
  }
  return false;
}

const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|spec|testing)\/|(?:^|\/)test_[^/]*$|_tests?\.[a-z]+$|\.(?:test|spec)\.[a-z]+$|(?:^|\/)conftest\.py$/i;

/** A path that holds tests in most ecosystems. */
export function looksLikeTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}
