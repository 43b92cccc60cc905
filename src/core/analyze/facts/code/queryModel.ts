import type { Language, Query } from '@vscode/tree-sitter-wasm';
import type { LanguageRow } from '../syntax/languages.js';
import { treeSitter } from '../syntax/runtime.js';
import type { SyntaxNode, SyntaxTree } from '../syntax/parse.js';
import { DECLARATION_HANDLERS } from './declarations.js';
import { SUBCOMMAND_HANDLERS } from './subcommands.js';
import type { DeclarationContext } from './declarations.js';
import { emptyModel, MODEL_LIMITS } from './model.js';
import { patchModel } from './patchModel.js';
import type { CodeModel } from './model.js';
import {
  CALL_TYPES, containerOf, FUNCTION_CONTAINERS, functionName, isDocstring, LineRanges, MEMBER_READ_TYPES, noteWords, pushChanged,
  recordCall, recordDecorator, recordMemberRead, TYPE_CONTAINERS, unsafeDefinition,
} from './records.js';
import { BOOL_TYPES, CHAR_TYPES, COMMENT_TYPES, IDENTIFIER_TYPES, NUMBER_TYPES, STRING_TYPES, stringContent } from './syntaxValues.js';

export interface WalkOptions {
  /** 1-based lines of this side that the commit changed: their identifiers, strings and numbers are read. */
  changedLines: ReadonlySet<number>;
  /** The changed lines and their unchanged neighbours (patchLines.touchedLines): where structure is read. */
  touchedLines: ReadonlySet<number>;
  /** Every line counts as changed (a file added or deleted whole). */
  allChanged?: boolean;
  /** Which words the format table wants: others are not kept. */
  wantWord: (word: string) => boolean;
}

const DECORATOR_TYPES: ReadonlySet<string> = new Set(['decorator', 'annotation', 'attribute_item']);
const UNSAFE_OWNERS: ReadonlySet<string> = new Set(['function_item', 'impl_item', 'trait_item']);
const STRUCTURE_TYPES: readonly string[] = [...new Set([
  ...CALL_TYPES, ...DECORATOR_TYPES, ...MEMBER_READ_TYPES, ...DECLARATION_HANDLERS.keys(), ...SUBCOMMAND_HANDLERS.keys(), 'unsafe_block', ...UNSAFE_OWNERS,
])];
const LEAF_TYPES: readonly string[] = [...new Set([...IDENTIFIER_TYPES, ...STRING_TYPES, ...CHAR_TYPES, ...NUMBER_TYPES, 'true', 'false'])];
/** Captures past this many per query run are not read. */
const MAX_CAPTURES = 100_000;
/** Changed-line ranges closer than this are read as one. */
const RANGE_GAP = 4;

type QueryConstructor = new (language: Language, source: string) => Query;
const queries = new Map<string, { structure: Query; leaves: Query; comments: Query }>();

/** The two queries of a language: the node types it has among those the rules read (a query naming a type the grammar lacks does not compile). */
async function queriesFor(language: Language, id: string): Promise<{ structure: Query; leaves: Query; comments: Query }> {
  const ready = queries.get(id);
  if (ready) return ready;
  // The runtime's own instance (runtime.ts): the Language came from it.
  const QueryClass = (await treeSitter()).Query as unknown as QueryConstructor;
  const pattern = (types: readonly string[]): string => `[${types.filter((type) => language.idForNodeType(type, true) !== null).map((type) => `(${type})`).join(' ')}] @n`;
  const made = {
    structure: new QueryClass(language, pattern(STRUCTURE_TYPES)),
    leaves: new QueryClass(language, pattern(LEAF_TYPES)),
    comments: new QueryClass(language, pattern([...COMMENT_TYPES])),
  };
  queries.set(id, made);
  return made;
}

/** Sorted lines as ranges of 0-based rows, near ones merged. */
function rowRanges(lines: ReadonlySet<number>): [number, number][] {
  const sorted = [...lines].filter((line) => line >= 1).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && line - 1 - last[1] <= RANGE_GAP) last[1] = line - 1;
    else ranges.push([line - 1, line - 1]);
  }
  return ranges;
}

function captured(query: Query, root: SyntaxNode, ranges: [number, number][] | undefined, seen: Set<string>): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  for (const range of ranges ?? [undefined]) {
    const options = range ? { startPosition: { row: range[0], column: 0 }, endPosition: { row: range[1] + 1, column: 0 } } : {};
    for (const capture of query.captures(root, options)) {
      const key = `${capture.node.startIndex}:${capture.node.endIndex}:${capture.node.typeId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      nodes.push(capture.node);
      if (nodes.length >= MAX_CAPTURES) return nodes;
    }
  }
  return nodes;
}

/** The file's lines with every comment replaced by spaces (line breaks kept, so lines keep their numbers). */
function uncommentedLines(root: SyntaxNode, comments: Query): { line: number; text: string }[] {
  const text = root.text;
  const parts: string[] = [];
  let at = 0;
  for (const capture of comments.captures(root).slice(0, MAX_CAPTURES)) {
    const { startIndex, endIndex } = capture.node;
    if (startIndex < at) continue;
    parts.push(text.slice(at, startIndex), text.slice(startIndex, endIndex).replace(/[^\n]/g, ' '));
    at = endIndex;
  }
  parts.push(text.slice(at));
  return parts.join('').split('\n').slice(0, 100_000).map((line, index) => ({ line: index + 1, text: line }));
}

/** The innermost function and type around a node, found by walking its parents (only when a rule asks). */
function enclosing(node: SyntaxNode): { fn?: string; type?: string } {
  const found: { fn?: string; type?: string } = {};
  let depth = 0;
  for (let parent = node.parent; parent && depth < 64; parent = parent.parent, depth += 1) {
    if (found.fn === undefined && FUNCTION_CONTAINERS.has(parent.type)) found.fn = functionName(parent);
    if (found.type === undefined && TYPE_CONTAINERS.has(parent.type)) found.type = containerOf(parent, parent.type)?.name;
    if (found.fn !== undefined && found.type !== undefined) break;
  }
  return found;
}

/**
 * One side's model from its tree, read through two queries run natively over the changed regions only (the whole
 * tree for a file added or deleted): the structure query (calls, decorators, environment reads, declarations,
 * `unsafe`) over the touched lines, the leaves query (identifiers, strings, numbers) over the changed lines. What
 * lies wholly on unchanged lines is the same on both sides, so it is not read: the work follows the change.
 */
export async function buildModel(tree: SyntaxTree, language: LanguageRow, options: WalkOptions): Promise<CodeModel> {
  const model = emptyModel();
  const { structure, leaves, comments } = await queriesFor(tree.language, language.id);
  const root = tree.rootNode;
  const touched = new LineRanges(options.touchedLines);
  const seen = new Set<string>();
  const decoratorCalls = new Set<number>();
  const structureRanges = options.allChanged ? undefined : rowRanges(options.touchedLines);
  for (const node of captured(structure, root, structureRanges, seen)) {
    const type = node.type;
    const line = node.startPosition.row + 1;
    let around: { fn?: string; type?: string } | undefined;
    const context: DeclarationContext = {
      model, language: language.id,
      typeName: () => (around ??= enclosing(node)).type,
      functionName: () => (around ??= enclosing(node)).fn,
      touches: (first, last) => options.allChanged === true || touched.intersects(first, last),
    };
    if (CALL_TYPES.has(type)) {
      if (!decoratorCalls.has(node.startIndex)) recordCall(model, node, line);
    } else if (DECORATOR_TYPES.has(type)) {
      recordDecorator(model, node, line, decoratorCalls);
    } else if (MEMBER_READ_TYPES.has(type)) {
      recordMemberRead(model, node, line);
    }
    DECLARATION_HANDLERS.get(type)?.(node, context);
    SUBCOMMAND_HANDLERS.get(type)?.(node, context);
    if (type === 'unsafe_block') {
      const where = enclosing(node);
      model.unsafe.push({ what: `unsafe block in ${where.fn ?? where.type ?? 'module scope'}`, line });
    } else if (UNSAFE_OWNERS.has(type)) {
      const name = containerOf(node, type)?.name;
      const unsafe = name === undefined ? undefined : unsafeDefinition(node, type, name);
      if (unsafe) model.unsafe.push({ what: unsafe, line });
    }
  }
  for (const call of model.calls) {
    if (call.written === undefined || call.decorator === true || model.calledNames.length >= MODEL_LIMITS.changed) continue;
    if (options.allChanged === true || options.changedLines.has(call.line)) model.calledNames.push({ text: call.written, kind: 'identifier', line: call.line });
  }
  if (options.allChanged) {
    // A whole file's words: lexed from its text with its comments blanked (the tree's every leaf would cost a node
    // each; its comments are few). `unsafe` comes from the tree as sites, not as a word.
    const lexed = patchModel(uncommentedLines(root, comments));
    model.changed.push(...lexed.changed.filter((token) => token.kind !== 'keyword'));
    model.words.push(...lexed.words);
    return model;
  }
  const leafRanges = rowRanges(options.changedLines);
  for (const node of leafRanges.length === 0 ? [] : captured(leaves, root, leafRanges, seen)) {
    const line = node.startPosition.row + 1;
    if (!options.changedLines.has(line)) continue;
    if (model.changed.length >= MODEL_LIMITS.changed && model.words.length >= MODEL_LIMITS.words) break;
    const type = node.type;
    if (IDENTIFIER_TYPES.has(type)) {
      const text = node.text;
      noteWords(model, options.wantWord, text, line, false);
      pushChanged(model, { text, kind: 'identifier', line });
    } else if (STRING_TYPES.has(type) || CHAR_TYPES.has(type)) {
      // A Python docstring is prose, like a comment: its words are not code.
      if (language.id === 'python' && node.parent?.type === 'expression_statement' && isDocstring(node.parent)) continue;
      const text = stringContent(node.text);
      noteWords(model, options.wantWord, text, line, true);
      pushChanged(model, { text, kind: 'string', line });
    } else if (NUMBER_TYPES.has(type)) {
      pushChanged(model, { text: node.text, kind: 'number', line });
    } else if (BOOL_TYPES.has(type)) {
      pushChanged(model, { text: node.text, kind: 'identifier', line });
    }
  }
  return model;
}
