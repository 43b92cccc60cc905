import type { LanguageRow } from '../syntax/languages.js';
import type { SyntaxNode, SyntaxTree } from '../syntax/parse.js';
import { DECLARATION_HANDLERS } from './declarations.js';
import type { DeclarationContext } from './declarations.js';
import { emptyModel, MODEL_LIMITS } from './model.js';
import type { CodeModel } from './model.js';
import {
  argValue, BOOL_TYPES, callArguments, calleeSegments, COMMENT_TYPES, IDENTIFIER_TYPES, invocationCallee, NUMBER_TYPES, STRING_TYPES, stringContent, tokenTreeArgs,
} from './syntaxValues.js';
import { schemesIn } from './formatTable.js';
import { splitWords } from './words.js';

export interface WalkOptions {
  /** 1-based lines of this side that the commit changed; tokens on them feed the security vocabulary. */
  changedLines: ReadonlySet<number>;
  /** The changed lines and their unchanged neighbours (patchLines.touchedLines): the parts of the tree to read. */
  touchedLines: ReadonlySet<number>;
  /** Every line counts as changed (a file added or deleted whole). */
  allChanged?: boolean;
  /** Which words the format table wants: others are not kept. */
  wantWord: (word: string) => boolean;
}

/** Nodes past this many in one tree are not visited. */
const MAX_NODES = 600_000;

const CALL_TYPES: ReadonlySet<string> = new Set(['call_expression', 'call', 'method_invocation', 'macro_invocation', 'new_expression', 'object_creation_expression']);
const MEMBER_READ_TYPES: ReadonlySet<string> = new Set(['member_expression', 'subscript_expression', 'subscript']);
const TYPE_CONTAINERS: ReadonlySet<string> = new Set(['class_definition', 'class_declaration', 'impl_item', 'trait_item', 'interface_declaration', 'struct_item']);
const FUNCTION_CONTAINERS: ReadonlySet<string> = new Set(['function_item', 'function_definition', 'function_declaration', 'method_declaration', 'method_definition']);
/** Object names that hold the environment (`process.env`, `os.environ`, `import.meta.env`, Ruby-style `ENV`). */
const ENV_OBJECTS: ReadonlySet<string> = new Set(['env', 'environ', 'ENV', 'Env']);

interface Container {
  kind: 'type' | 'function';
  name: string;
}

/**
 * One walk over the parts of a tree that hold a changed line (the whole tree for a file added or deleted): calls,
 * decorators, environment reads, declarations, format words, changed tokens, `unsafe`. What lies wholly on
 * unchanged lines is the same on both sides, so it is not read: the work follows the size of the change.
 */
export function buildModel(tree: SyntaxTree, language: LanguageRow, options: WalkOptions): CodeModel {
  const model = emptyModel();
  const containers: Container[] = [];
  const innermost = (kind: Container['kind']): string | undefined => {
    for (let index = containers.length - 1; index >= 0; index -= 1) if (containers[index]!.kind === kind) return containers[index]!.name;
    return undefined;
  };
  const changed = new LineRanges(options.touchedLines);
  const context: DeclarationContext = {
    model, language: language.id, typeName: () => innermost('type'), functionName: () => innermost('function'),
    touches: (first, last) => options.allChanged === true || changed.intersects(first, last),
  };
  const decoratorCalls = new Set<number>();
  const cursor = tree.walk();
  const pushedAt: boolean[] = [];
  let visited = 0;
  try {
    outer: for (;;) {
      visited += 1;
      if (visited > MAX_NODES) break;
      const type = cursor.nodeType;
      const line = cursor.startPosition.row + 1;
      let descend = true;
      let pushed = false;
      if (!options.allChanged && !changed.intersects(line, cursor.endPosition.row + 1)) {
        // Nothing here changed: what it declares is on both sides alike and would cancel out.
        descend = false;
      } else if (COMMENT_TYPES.has(type)) {
        descend = false;
      } else if (!cursor.nodeIsNamed) {
        // Punctuation and keywords: `unsafe` is read from the tree as sites, not as a word.
      } else if (IDENTIFIER_TYPES.has(type)) {
        const text = cursor.nodeText;
        noteWords(model, options, text, line, false);
        if (changedLine(options, line)) pushChanged(model, { text, kind: 'identifier', line });
      } else if (STRING_TYPES.has(type) || type === 'char_literal') {
        const text = stringContent(cursor.nodeText);
        noteWords(model, options, text, line, true);
        if (changedLine(options, line)) pushChanged(model, { text, kind: 'string', line });
        descend = type === 'template_string' || type === 'string'; // Substitutions and f-string interpolations hold code.
      } else if (NUMBER_TYPES.has(type)) {
        if (changedLine(options, line)) pushChanged(model, { text: cursor.nodeText, kind: 'number', line });
      } else if (BOOL_TYPES.has(type) && type !== 'boolean_literal') {
        if (changedLine(options, line)) pushChanged(model, { text: cursor.nodeText, kind: 'identifier', line });
      } else {
        const node = cursor.currentNode;
        if (CALL_TYPES.has(type) && !decoratorCalls.has(node.startIndex)) recordCall(model, node, line);
        else if (type === 'decorator' || type === 'annotation' || type === 'attribute_item') recordDecorator(model, node, line, decoratorCalls);
        else if (MEMBER_READ_TYPES.has(type)) recordMemberRead(model, node, line);
        DECLARATION_HANDLERS.get(type)?.(node, context);
        if (type === 'unsafe_block') model.unsafe.push({ what: `unsafe block in ${innermost('function') ?? innermost('type') ?? 'module scope'}`, line });
        const container = containerOf(node, type);
        if (container) {
          containers.push(container);
          pushed = true;
          const unsafe = unsafeDefinition(node, type, container.name);
          if (unsafe) model.unsafe.push({ what: unsafe, line });
        }
      }
      if (descend && cursor.gotoFirstChild()) {
        pushedAt.push(pushed);
        continue;
      }
      if (pushed) containers.pop();
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) break outer;
        if (pushedAt.pop()) containers.pop();
      }
    }
  } finally {
    cursor.delete();
  }
  return model;
}

/** Sorted changed lines, asked whether a node's line range holds one (binary search). */
class LineRanges {
  private readonly lines: number[];

  constructor(lines: ReadonlySet<number>) {
    this.lines = [...lines].sort((a, b) => a - b);
  }

  intersects(first: number, last: number): boolean {
    let low = 0;
    let high = this.lines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.lines[middle]! < first) low = middle + 1;
      else high = middle;
    }
    return low < this.lines.length && this.lines[low]! <= last;
  }
}

function changedLine(options: WalkOptions, line: number): boolean {
  return options.allChanged === true || options.changedLines.has(line);
}

function pushChanged(model: CodeModel, token: CodeModel['changed'][number]): void {
  if (model.changed.length < MODEL_LIMITS.changed) model.changed.push(token);
}

function noteWords(model: CodeModel, options: WalkOptions, text: string, line: number, inString: boolean): void {
  if (model.words.length >= MODEL_LIMITS.words) return;
  const capitalised = !inString && /^[A-Z]/.test(text);
  for (const word of splitWords(text)) if (options.wantWord(word)) model.words.push({ word, line, inString, capitalised });
  if (inString) for (const scheme of schemesIn(text)) model.words.push({ word: scheme, line, inString, capitalised });
}

function recordCall(model: CodeModel, node: SyntaxNode, line: number): void {
  if (model.calls.length >= MODEL_LIMITS.calls) return;
  const type = node.type;
  if (type === 'macro_invocation') {
    const tokens = node.namedChildren.find((child) => child?.type === 'token_tree');
    model.calls.push({ callee: calleeSegments(node.childForFieldName('macro')), args: tokens ? tokenTreeArgs(tokens) : [], line, macro: true });
    return;
  }
  const callee =
    type === 'new_expression' ? calleeSegments(node.childForFieldName('constructor'))
      : type === 'object_creation_expression' ? calleeSegments(node.childForFieldName('type'))
        : invocationCallee(node);
  model.calls.push({ callee, args: callArguments(node), line });
}

/** A decorator (Python), annotation (Java, TypeScript) or attribute (Rust) recorded as a call marked `decorator`. */
function recordDecorator(model: CodeModel, node: SyntaxNode, line: number, decoratorCalls: Set<number>): void {
  if (model.calls.length >= MODEL_LIMITS.calls) return;
  if (node.type === 'annotation') {
    const list = node.childForFieldName('arguments');
    const args = list ? list.namedChildren.filter((child): child is SyntaxNode => child !== null).slice(0, MODEL_LIMITS.args).map((child) => argValue(child)) : [];
    model.calls.push({ callee: calleeSegments(node.childForFieldName('name')), args, line, decorator: true });
    return;
  }
  if (node.type === 'attribute_item') {
    const attribute = node.namedChildren.find((child) => child?.type === 'attribute');
    if (!attribute) return;
    const path = attribute.namedChild(0);
    const tokens = attribute.childForFieldName('arguments');
    model.calls.push({ callee: calleeSegments(path), args: tokens?.type === 'token_tree' ? tokenTreeArgs(tokens) : [], line, decorator: true, macro: true });
    return;
  }
  const inner = node.namedChildren.find((child) => child !== null && !COMMENT_TYPES.has(child.type));
  if (!inner) return;
  if (inner.type === 'call' || inner.type === 'call_expression') {
    decoratorCalls.add(inner.startIndex);
    model.calls.push({ callee: invocationCallee(inner), args: callArguments(inner), line, decorator: true });
  } else {
    model.calls.push({ callee: calleeSegments(inner), args: [], line, decorator: true });
  }
}

/** `process.env.X`, `process.env["X"]`, `os.environ["X"]`, `import.meta.env.X`: an environment read by key. */
function recordMemberRead(model: CodeModel, node: SyntaxNode, line: number): void {
  if (model.members.length >= MODEL_LIMITS.members) return;
  const object = node.childForFieldName('object') ?? node.childForFieldName('value');
  if (!object || object.endIndex - object.startIndex > 80) return;
  const segments = calleeSegments(object);
  if (!ENV_OBJECTS.has(segments[segments.length - 1]!)) return;
  const key = node.childForFieldName('property') ?? node.childForFieldName('index') ?? node.childForFieldName('subscript');
  if (!key) return;
  const text = STRING_TYPES.has(key.type) ? stringContent(key.text) : IDENTIFIER_TYPES.has(key.type) && node.type === 'member_expression' ? key.text : undefined;
  if (text) model.members.push({ object: segments, key: text, line });
}

function containerOf(node: SyntaxNode, type: string): Container | undefined {
  if (TYPE_CONTAINERS.has(type)) {
    const name = node.childForFieldName(type === 'impl_item' ? 'type' : 'name');
    return name ? { kind: 'type', name: name.text.replace(/<.*$/s, '').slice(0, 100) } : undefined;
  }
  if (FUNCTION_CONTAINERS.has(type)) {
    const name = functionName(node);
    return name ? { kind: 'function', name } : undefined;
  }
  return undefined;
}

/** A function's name; C and C++ keep it inside nested declarators. */
export function functionName(node: SyntaxNode): string | undefined {
  const name = node.childForFieldName('name');
  if (name) return name.text.slice(0, 100);
  let declarator = node.childForFieldName('declarator');
  for (let depth = 0; declarator && depth < 6; depth += 1) {
    if (IDENTIFIER_TYPES.has(declarator.type) || declarator.type === 'qualified_identifier' || declarator.type === 'field_identifier') return declarator.text.slice(0, 100);
    declarator = declarator.childForFieldName('declarator');
  }
  return undefined;
}

/** `unsafe fn`, `unsafe impl`, `unsafe trait` (Rust): the modifiers hold the keyword. */
function unsafeDefinition(node: SyntaxNode, type: string, name: string): string | undefined {
  if (type === 'function_item') {
    const modifiers = node.namedChildren.find((child) => child?.type === 'function_modifiers');
    return modifiers && /\bunsafe\b/.test(modifiers.text) ? `unsafe fn ${name}` : undefined;
  }
  if ((type === 'impl_item' || type === 'trait_item') && node.child(0)?.type === 'unsafe') {
    const trait = node.childForFieldName('trait');
    return type === 'impl_item' ? `unsafe impl ${trait ? `${trait.text} for ` : ''}${name}` : `unsafe trait ${name}`;
  }
  return undefined;
}
