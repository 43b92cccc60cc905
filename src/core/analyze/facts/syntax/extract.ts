import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { DefinitionKind } from '../types.js';
import type { Found, LanguageDefinitions, Scope } from './definitionSpec.js';
import { namedChildren } from './definitionSpec.js';
import { isHeaderPath } from './languages.js';
import type { LanguageRow } from './languages.js';

/** One definition on one side of a change. */
export interface SideDefinition {
  kind: DefinitionKind;
  name: string;
  container?: string;
  public: boolean;
  /** 1-based. */
  line: number;
  /** 0-based, in UTF-16 units (orders definitions that share a line). */
  column: number;
  /** The text before the body, whitespace collapsed, at most SIGNATURE_CHARS. */
  signature: string;
  /** The body's text, whitespace collapsed ('' for definitions whose members carry their changes). */
  body: string;
  /** A function or method declared without a body (a C prototype, a TS overload, a trait method signature). */
  declaration: boolean;
  /** A variant of an enum matched exhaustively outside (Rust without `#[non_exhaustive]`). */
  exhaustive?: boolean;
}

/** One test function on one side. */
export interface SideTest {
  name: string;
  line: number;
  /** The test's text, at most TEST_TEXT_CHARS (which definitions it names). */
  text: string;
}

export interface SideFacts {
  definitions: SideDefinition[];
  tests: SideTest[];
}

export const SIGNATURE_CHARS = 300;
/** Names (of definitions, containers, tests) longer than this are cut: they end up in reports. */
const NAME_CHARS = 200;
const TEST_TEXT_CHARS = 64 * 1024;
/** Containers nest at most this deep (a hostile file cannot make the walk recurse without end). */
const MAX_DEPTH = 24;
/** At most this many definitions per file side. */
const MAX_DEFINITIONS = 5000;

const TYPE_KINDS = new Set<DefinitionKind>(['class', 'struct', 'enum', 'interface', 'trait']);

/** Whitespace runs to one space, trimmed: layout changes are not changes. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads every definition and test of a parsed file; `text` is the text that was parsed. */
export function extractSide(tree: Tree, language: LanguageRow, path: string, text: string): SideFacts {
  const spec = language.definitions;
  const exported = spec.exportedNames?.(tree.rootNode) ?? new Set<string>();
  const facts: SideFacts = { definitions: [], tests: [] };
  const scope: Scope = {
    inType: false, containerPublic: true, exported: false, header: isHeaderPath(language, path),
    testFile: spec.isTestPath?.(path) ?? false, suites: [],
  };
  walk(tree.rootNode, scope, 0, { spec, exported, facts, text });
  facts.tests.sort((a, b) => a.line - b.line);
  return facts;
}

interface WalkState {
  spec: LanguageDefinitions;
  exported: Set<string>;
  facts: SideFacts;
  text: string;
}

function walk(parent: Node, outer: Scope, depth: number, state: WalkState): void {
  if (depth > MAX_DEPTH) return;
  let scope = outer;
  for (const node of namedChildren(parent)) {
    if (state.facts.definitions.length >= MAX_DEFINITIONS) return;
    const access = state.spec.accessOf?.(node);
    if (access) {
      scope = { ...scope, access };
      continue;
    }
    const through = state.spec.transparent[node.type];
    if (through) {
      walk(node, through === true ? scope : through(node, scope) ?? scope, depth + 1, state);
      continue;
    }
    const rule = state.spec.nodes[node.type];
    if (!rule) continue;
    const result = rule(node, scope);
    for (const found of Array.isArray(result) ? result : result ? [result] : []) {
      record(node, found, scope, depth, state);
    }
  }
}

function record(node: Node, found: Found, scope: Scope, depth: number, state: WalkState): void {
  const definition = found.node ?? node;
  if (found.test !== undefined) {
    const name = [...scope.suites, found.test].join(' > ').slice(0, NAME_CHARS);
    state.facts.tests.push({ name, line: definition.startPosition.row + 1, text: definition.text.slice(0, TEST_TEXT_CHARS) });
    return;
  }
  if (found.suite !== undefined) {
    if (found.members) walk(found.members, { ...scope, suites: [...scope.suites, found.suite] }, depth + 1, state);
    return;
  }
  let isPublic = found.public ?? state.spec.isPublic(found, node, scope);
  if (!scope.inType && !scope.container && state.exported.has(found.name)) isPublic = true;
  const container = (found.container ?? scope.container)?.slice(0, NAME_CHARS);
  const name = found.name.slice(0, NAME_CHARS);
  if (!found.hidden) {
    const body = found.members ? found.members : found.body === undefined ? definition.childForFieldName('body') : found.body;
    const signatureEnd = body ? body.startIndex : definition.endIndex;
    state.facts.definitions.push({
      kind: found.kind,
      name,
      container,
      public: isPublic,
      line: definition.startPosition.row + 1,
      column: definition.startPosition.column,
      signature: collapseWhitespace(state.text.slice(definition.startIndex, signatureEnd)).slice(0, SIGNATURE_CHARS),
      body: body && !found.members ? collapseWhitespace(body.text) : '',
      declaration: !body && (found.kind === 'function' || found.kind === 'method'),
      ...(found.exhaustive ? { exhaustive: true } : {}),
    });
  }
  if (found.members) {
    const inner: Scope = {
      ...scope,
      container: found.hidden ? container : name,
      containerKind: found.hidden ? scope.containerKind ?? found.kind : found.kind,
      inType: TYPE_KINDS.has(found.kind),
      containerPublic: isPublic,
      exported: false,
      access: found.memberAccess,
    };
    walk(found.members, inner, depth + 1, state);
  }
}
