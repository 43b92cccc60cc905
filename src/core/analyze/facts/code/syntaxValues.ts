import type { SyntaxNode } from '../syntax/parse.js';
import { MODEL_LIMITS } from './model.js';
import type { ArgKind, ArgValue } from './model.js';

/** Node types of the supported grammars, by what they are (one table for all languages; names rarely clash). */
export const STRING_TYPES: ReadonlySet<string> = new Set([
  'string', 'string_literal', 'interpreted_string_literal', 'raw_string_literal', 'template_string', 'text_block',
]);
export const CHAR_TYPES: ReadonlySet<string> = new Set(['char_literal', 'character_literal']);
export const NUMBER_TYPES: ReadonlySet<string> = new Set([
  'integer', 'float', 'number', 'integer_literal', 'float_literal', 'number_literal', 'int_literal',
  'decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal',
  'decimal_floating_point_literal', 'hex_floating_point_literal', 'imaginary_literal',
]);
export const BOOL_TYPES: ReadonlySet<string> = new Set(['true', 'false', 'boolean_literal']);
export const NULL_TYPES: ReadonlySet<string> = new Set(['none', 'null', 'nil', 'null_literal', 'undefined']);
export const IDENTIFIER_TYPES: ReadonlySet<string> = new Set([
  'identifier', 'field_identifier', 'property_identifier', 'type_identifier', 'package_identifier',
  'shorthand_property_identifier', 'namespace_identifier', 'this', 'self', 'super', 'constant',
]);
export const COMMENT_TYPES: ReadonlySet<string> = new Set(['comment', 'line_comment', 'block_comment']);

/** For each member-access node type: the field holding the object and the field holding the member's name. */
const MEMBER_FIELDS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['member_expression', ['object', 'property']],
  ['attribute', ['object', 'attribute']],
  ['selector_expression', ['operand', 'field']],
  ['scoped_identifier', ['path', 'name']],
  ['qualified_identifier', ['scope', 'name']],
  ['field_access', ['object', 'field']],
  ['scoped_type_identifier', ['path', 'name']],
]);

function cut(text: string): string {
  return text.length > MODEL_LIMITS.argText ? text.slice(0, MODEL_LIMITS.argText) : text;
}

/** The callee of a call as segments; a call in the chain ends its segment with `()`, anything else is `?`. */
export function calleeSegments(node: SyntaxNode | null, depth = 0): string[] {
  if (!node || depth > 16) return ['?'];
  if (IDENTIFIER_TYPES.has(node.type)) return [cut(node.text)];
  const fields = MEMBER_FIELDS.get(node.type);
  if (fields) {
    const name = node.childForFieldName(fields[1]);
    return [...calleeSegments(node.childForFieldName(fields[0]), depth + 1), name ? cut(name.text) : '?'];
  }
  if (node.type === 'field_expression') {
    // Rust names the object `value`, C and C++ name it `argument`.
    const object = node.childForFieldName('value') ?? node.childForFieldName('argument');
    const field = node.childForFieldName('field');
    return [...calleeSegments(object, depth + 1), field ? cut(field.text) : '?'];
  }
  if (node.type === 'call_expression' || node.type === 'call' || node.type === 'method_invocation') {
    const inner = invocationCallee(node, depth + 1);
    inner[inner.length - 1] = `${inner[inner.length - 1]}()`;
    return inner;
  }
  if (node.type === 'generic_function' || node.type === 'template_function') return calleeSegments(node.namedChild(0), depth + 1);
  return ['?'];
}

/** The callee segments of a call node of any grammar (Java's method_invocation keeps object and name apart). */
export function invocationCallee(node: SyntaxNode, depth = 0): string[] {
  if (node.type === 'method_invocation') {
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('name');
    return [...(object ? calleeSegments(object, depth) : []), name ? cut(name.text) : '?'];
  }
  return calleeSegments(node.childForFieldName('function'), depth);
}

/** A callee written as a plain path (`isatty`, `subprocess.call`, `LockSupport.parkNanos`, `hex::encode`), else undefined. */
const PLAIN_CALLEE = /^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*){0,2}$/;

/** The callee of a call node as written, when it is a plain path of up to three parts (no calls, generics or spaces). */
export function writtenCallee(node: SyntaxNode): string | undefined {
  // Lengths first: a callee that is a whole function expression (an IIFE) is not copied out to be refused.
  const short = (part: SyntaxNode | null | undefined): string | undefined =>
    part && part.endIndex - part.startIndex <= MAX_CALLEE_CHARS ? part.text : undefined;
  let text: string | undefined;
  if (node.type === 'method_invocation') {
    const object = node.childForFieldName('object');
    const name = short(node.childForFieldName('name'));
    text = name === undefined ? undefined : object ? (short(object) === undefined ? undefined : `${object.text}.${name}`) : name;
  } else {
    const callee = node.childForFieldName('function') ?? node.childForFieldName('constructor') ?? node.childForFieldName('type');
    // `new IdentityHashMap<>()` is a call of `IdentityHashMap`.
    text = short(callee?.type === 'generic_type' ? callee.namedChild(0) : callee);
  }
  return text !== undefined && text.length <= MAX_CALLEE_CHARS && PLAIN_CALLEE.test(text) ? text : undefined;
}

const MAX_CALLEE_CHARS = 60;

/** A string literal's content: prefixes (r, b, f, u8, L), quotes, `r#"…"#` hashes and triple quotes removed. */
export function stringContent(raw: string): string {
  const text = raw.length > 4_000 ? raw.slice(0, 4_000) : raw;
  const open = text.search(/["'`]/);
  if (open === -1) return cut(text);
  let start = open;
  const quote = text[open]!;
  while (text[start] === quote && start - open < 3) start += 1;
  const quotes = start - open;
  // One quote then `""`: an empty string, not a triple quote.
  const width = quotes === 2 ? 1 : quotes;
  let end = text.length;
  while (end > start && text[end - 1] === '#') end -= 1;
  end -= width;
  return cut(text.slice(open + width, Math.max(open + width, end)));
}

/** A node as a call argument, a keyword argument, or an attribute value. */
export function argValue(node: SyntaxNode): ArgValue {
  if (node.type === 'keyword_argument' || node.type === 'element_value_pair' || node.type === 'pair') {
    const key = node.childForFieldName('name') ?? node.childForFieldName('key');
    const value = node.childForFieldName('value');
    const parsed = value ? argValue(value) : { kind: 'other' as const, text: '' };
    return { ...parsed, keyword: key ? stringOrText(key) : '' };
  }
  return { kind: literalKind(node), text: literalText(node) };
}

function stringOrText(node: SyntaxNode): string {
  return STRING_TYPES.has(node.type) ? stringContent(node.text) : cut(node.text);
}

export function literalKind(node: SyntaxNode): ArgKind {
  const type = node.type;
  if (STRING_TYPES.has(type)) return type === 'template_string' && node.namedChildCount > 0 && hasSubstitution(node) ? 'other' : 'string';
  if (CHAR_TYPES.has(type)) return 'char';
  if (NUMBER_TYPES.has(type)) return 'number';
  if (BOOL_TYPES.has(type)) return 'bool';
  if (NULL_TYPES.has(type)) return 'null';
  if (IDENTIFIER_TYPES.has(type)) return 'ident';
  if ((type === 'unary_expression' || type === 'unary_operator' || type === 'negative_literal') && /^-\s*[\d.]/.test(node.text)) return 'number';
  return 'other';
}

function hasSubstitution(node: SyntaxNode): boolean {
  return node.namedChildren.some((child) => child?.type === 'template_substitution');
}

export function literalText(node: SyntaxNode): string {
  const kind = literalKind(node);
  if (kind === 'string' || kind === 'char') return stringContent(node.text);
  return cut(node.text.replace(/\s+/g, ' '));
}

/** Whether a node is a literal a default can be: string, number, bool, null, char (a negative number too). */
export function isLiteral(node: SyntaxNode): boolean {
  const kind = literalKind(node);
  return kind !== 'ident' && kind !== 'other';
}

/** The arguments of a call node (`arguments` field in every grammar), bounded. */
export function callArguments(node: SyntaxNode): ArgValue[] {
  const list = node.childForFieldName('arguments');
  if (!list) return [];
  if (list.type === 'token_tree') return tokenTreeArgs(list);
  const args: ArgValue[] = [];
  for (const child of list.namedChildren) {
    if (!child || COMMENT_TYPES.has(child.type)) continue;
    if (args.length >= MODEL_LIMITS.args) break;
    args.push(argValue(child));
  }
  return args;
}

/**
 * A Rust token tree (`(long, short = 'c', env = "X", default_value_t = 3)`) as arguments: items split at top-level
 * commas; `key = value` gives a keyword argument, a lone word a bare identifier, anything else its text.
 */
export function tokenTreeArgs(tree: SyntaxNode): ArgValue[] {
  const args: ArgValue[] = [];
  let item: SyntaxNode[] = [];
  const flush = (): void => {
    if (item.length === 0 || args.length >= MODEL_LIMITS.args) {
      item = [];
      return;
    }
    const equals = item.findIndex((node) => node.type === '=');
    if (equals === 1 && item.length === 4 && item[2]!.type === '-' && NUMBER_TYPES.has(item[3]!.type)) {
      args.push({ kind: 'number', text: `-${item[3]!.text}`, keyword: item[0]!.text });
    } else if (equals === 1 && item.length >= 3) {
      const value = item.length === 3 ? argValue(item[2]!) : { kind: 'other' as const, text: cut(item.slice(2).map((node) => node.text).join('')) };
      args.push({ ...value, keyword: item[0]!.text });
    } else if (item.length === 1) {
      args.push(argValue(item[0]!));
    } else {
      args.push({ kind: 'other', text: cut(item.map((node) => node.text).join('')), keyword: item[0]!.text });
    }
    item = [];
  };
  const count = tree.childCount;
  for (let index = 0; index < count; index += 1) {
    const child = tree.child(index);
    if (!child) continue;
    if (child.type === ',') flush();
    else if (child.type !== '(' && child.type !== ')' && child.type !== '[' && child.type !== ']' && !COMMENT_TYPES.has(child.type)) item.push(child);
  }
  flush();
  return args;
}
