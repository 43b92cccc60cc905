import type { SyntaxNode } from '../syntax/parse.js';
import { schemesIn } from './formatTable.js';
import { MODEL_LIMITS } from './model.js';
import type { CodeModel } from './model.js';
import { argValue, callArguments, calleeSegments, COMMENT_TYPES, IDENTIFIER_TYPES, invocationCallee, STRING_TYPES, stringContent, tokenTreeArgs, writtenCallee } from './syntaxValues.js';
import { splitWords } from './words.js';

/** What the tree readers record of a node: calls, decorators, environment reads, containers, `unsafe`, words. */

export const CALL_TYPES: ReadonlySet<string> = new Set(['call_expression', 'call', 'method_invocation', 'macro_invocation', 'new_expression', 'object_creation_expression']);
export const MEMBER_READ_TYPES: ReadonlySet<string> = new Set(['member_expression', 'subscript_expression', 'subscript']);
export const TYPE_CONTAINERS: ReadonlySet<string> = new Set(['class_definition', 'class_declaration', 'impl_item', 'trait_item', 'interface_declaration', 'struct_item']);
export const FUNCTION_CONTAINERS: ReadonlySet<string> = new Set(['function_item', 'function_definition', 'function_declaration', 'method_declaration', 'method_definition']);
/** Object names that hold the environment (`process.env`, `os.environ`, `import.meta.env`, Ruby-style `ENV`). */
export const ENV_OBJECTS: ReadonlySet<string> = new Set(['env', 'environ', 'ENV', 'Env']);

export interface Container {
  kind: 'type' | 'function';
  name: string;
}

export function isDocstring(node: SyntaxNode): boolean {
  return node.namedChildCount === 1 && node.namedChild(0)?.type === 'string';
}

/** Sorted changed lines, asked whether a node's line range holds one (binary search). */
export class LineRanges {
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

export function pushChanged(model: CodeModel, token: CodeModel['changed'][number]): void {
  if (model.changed.length < MODEL_LIMITS.changed) model.changed.push(token);
}

export function noteWords(model: CodeModel, wantWord: (word: string) => boolean, text: string, line: number, inString: boolean): void {
  if (model.words.length >= MODEL_LIMITS.words) return;
  const capitalised = !inString && /^[A-Z]/.test(text);
  for (const word of splitWords(text)) if (wantWord(word)) model.words.push({ word, line, inString, capitalised });
  if (inString) for (const scheme of schemesIn(text)) model.words.push({ word: scheme, line, inString, capitalised });
}

export function recordCall(model: CodeModel, node: SyntaxNode, line: number): void {
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
  const written = writtenCallee(node);
  model.calls.push({ callee, args: callArguments(node), line, ...(written === undefined ? {} : { written }) });
}

/** A decorator (Python), annotation (Java, TypeScript) or attribute (Rust) recorded as a call marked `decorator`. */
export function recordDecorator(model: CodeModel, node: SyntaxNode, line: number, decoratorCalls: Set<number>): void {
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
export function recordMemberRead(model: CodeModel, node: SyntaxNode, line: number): void {
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

export function containerOf(node: SyntaxNode, type: string): Container | undefined {
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
export function unsafeDefinition(node: SyntaxNode, type: string, name: string): string | undefined {
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
