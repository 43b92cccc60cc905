import type { LanguageId } from '../syntax/languages.js';
import type { SyntaxNode } from '../syntax/parse.js';
import { MODEL_LIMITS } from './model.js';
import type { ArgValue, CodeModel } from './model.js';
import { isLiteral, literalText, STRING_TYPES, stringContent, tokenTreeArgs } from './syntaxValues.js';
import { serdeRename } from './words.js';

export interface DeclarationContext {
  model: CodeModel;
  language: LanguageId;
  /** The innermost class, impl, struct or interface being walked. */
  typeName: () => string | undefined;
  /** The innermost function or method being walked. */
  functionName: () => string | undefined;
  /** Whether lines first..last (1-based) hold a changed line: members of a container are read only where they changed. */
  touches: (first: number, last: number) => boolean;
}

function touched(context: DeclarationContext, node: SyntaxNode, from: SyntaxNode = node): boolean {
  return context.touches(from.startPosition.row + 1, node.endPosition.row + 1);
}

/** A Rust item or field changed, it or the attributes written above it (`#[arg(long)]` added to a field). */
export function touchedWithAttributes(context: DeclarationContext, node: SyntaxNode): boolean {
  let first: SyntaxNode = node;
  for (let sibling = node.previousNamedSibling; sibling?.type === 'attribute_item'; sibling = sibling.previousNamedSibling) first = sibling;
  return touched(context, node, first);
}

type Handler = (node: SyntaxNode, context: DeclarationContext) => void;

/** Types whose fields are settings users write: their field names are config keys. */
export const CONFIG_TYPE_NAME = /(?:Options|Config|Configuration|Settings|Preferences|Prefs)$/;
/** Functions whose struct literals are the defaults of that struct (`impl Default`, `DefaultOptions()`, `new`). */
const DEFAULTS_FUNCTION = /^(?:default|new|New|Default)(?:_?[A-Z_a-z0-9]*)?$/;
const UPPER_CONSTANT = /^[A-Z][A-Z0-9_]*$/;

function bind(context: DeclarationContext, name: string, valueNode: SyntaxNode | null, line: number): void {
  if (!valueNode || !isLiteral(valueNode) || context.model.literals.length >= MODEL_LIMITS.literals) return;
  context.model.literals.push({ name, value: literalText(valueNode), line });
}

function scoped(context: DeclarationContext, name: string): string {
  const type = context.typeName();
  return type ? `${type}.${name}` : name;
}

function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

function addConfigKey(context: DeclarationContext, key: string, line: number, container: string): void {
  if (key !== '' && context.model.configFields.length < MODEL_LIMITS.fields) context.model.configFields.push({ key, line, container });
}

/** The attribute items written just before a Rust item or field (`#[serde(…)] #[arg(…)]`), nearest last. */
export function attributesBefore(node: SyntaxNode): { name: string; args: ArgValue[] }[] {
  const found: { name: string; args: ArgValue[] }[] = [];
  let sibling = node.previousNamedSibling;
  for (let count = 0; sibling && count < 24; count += 1, sibling = sibling.previousNamedSibling) {
    if (sibling.type === 'line_comment' || sibling.type === 'block_comment') continue;
    if (sibling.type !== 'attribute_item') break;
    const attribute = sibling.namedChildren.find((child) => child?.type === 'attribute');
    const tokens = attribute?.childForFieldName('arguments');
    if (attribute) found.unshift({ name: attribute.namedChild(0)?.text ?? '', args: tokens?.type === 'token_tree' ? tokenTreeArgs(tokens) : [] });
  }
  return found;
}

function keywordOf(attributes: { name: string; args: ArgValue[] }[], attribute: string, keyword: string): ArgValue | undefined {
  for (const item of attributes) if (item.name === attribute) for (const arg of item.args) if (arg.keyword === keyword) return arg;
  return undefined;
}

function hasBare(attributes: { name: string; args: ArgValue[] }[], attribute: string, word: string): boolean {
  return attributes.some((item) => item.name === attribute && item.args.some((arg) => arg.keyword === undefined && arg.text === word));
}

/** `#[derive(Deserialize)]` (or `serde::Deserialize`) or a `#[serde(...)]` container attribute. */
function deserialised(attributes: { name: string; args: ArgValue[] }[]): boolean {
  return attributes.some((item) => item.name === 'serde' || (item.name === 'derive' && item.args.some((arg) => /(?:^|::)Deserialize$/.test(arg.text))));
}

function rustStruct(node: SyntaxNode, context: DeclarationContext): void {
  const name = node.childForFieldName('name')?.text;
  const body = node.childForFieldName('body');
  if (!name || body?.type !== 'field_declaration_list') return;
  const containerAttributes = attributesBefore(node);
  const renameAll = keywordOf(containerAttributes, 'serde', 'rename_all')?.text;
  // Read from a file only when serde deserialises it: an internal `*Options` struct holds no user setting.
  const isConfig = CONFIG_TYPE_NAME.test(name) && deserialised(containerAttributes);
  for (const field of body.namedChildren) {
    if (field?.type !== 'field_declaration' || context.model.fields.length >= MODEL_LIMITS.fields) continue;
    const fieldName = field.childForFieldName('name')?.text;
    if (!fieldName) continue;
    const attributes = attributesBefore(field);
    if (!touchedWithAttributes(context, field)) continue;
    context.model.fields.push({ name: fieldName, container: name, attributes, containerAttributes, line: lineOf(field) });
    if (isConfig && !hasBare(attributes, 'serde', 'skip') && !hasBare(attributes, 'serde', 'flatten')) {
      addConfigKey(context, keywordOf(attributes, 'serde', 'rename')?.text ?? serdeRename(fieldName, renameAll), lineOf(field), name);
    }
  }
}

function rustStructLiteral(node: SyntaxNode, context: DeclarationContext): void {
  const fn = context.functionName();
  if (!fn || !DEFAULTS_FUNCTION.test(fn)) return;
  let type = node.childForFieldName('name')?.text ?? '';
  if (type === 'Self') type = context.typeName() ?? type;
  const body = node.childForFieldName('body');
  for (const child of body?.namedChildren ?? []) {
    if (child?.type !== 'field_initializer' || !touched(context, child)) continue;
    const field = child.childForFieldName('field')?.text;
    if (field) bind(context, `${type.replace(/^.*::/, '')}.${field}`, child.childForFieldName('value'), lineOf(child));
  }
}

function goTag(tag: string): string | undefined {
  const raw = stringContent(tag);
  for (const key of ['json', 'yaml', 'toml', 'mapstructure']) {
    const at = raw.indexOf(`${key}:"`);
    if (at === -1 || (at > 0 && raw[at - 1] !== ' ')) continue;
    const value = raw.slice(at + key.length + 2, raw.indexOf('"', at + key.length + 2));
    return value.split(',')[0];
  }
  return undefined;
}

function goTypeSpec(node: SyntaxNode, context: DeclarationContext): void {
  const name = node.childForFieldName('name')?.text;
  const type = node.childForFieldName('type');
  if (!name || type?.type !== 'struct_type') return;
  const list = type.namedChildren.find((child) => child?.type === 'field_declaration_list');
  for (const field of list?.namedChildren ?? []) {
    if (field?.type !== 'field_declaration' || !touched(context, field)) continue;
    const tag = field.childForFieldName('tag')?.text;
    for (const fieldName of field.childrenForFieldName('name')) {
      if (!fieldName || context.model.fields.length >= MODEL_LIMITS.fields) continue;
      context.model.fields.push({ name: fieldName.text, container: name, attributes: [], containerAttributes: [], ...(tag ? { tag } : {}), line: lineOf(field) });
      if (!CONFIG_TYPE_NAME.test(name) || !/^[A-Z]/.test(fieldName.text)) continue;
      const key = tag === undefined ? fieldName.text : goTag(tag) ?? fieldName.text;
      if (key !== '-') addConfigKey(context, key === '' ? fieldName.text : key, lineOf(field), name);
    }
  }
}

function goValueSpec(node: SyntaxNode, context: DeclarationContext): void {
  if (node.type === 'var_spec' && context.functionName()) return;
  const names = node.childrenForFieldName('name');
  const values = node.childForFieldName('value')?.namedChildren ?? [];
  names.forEach((name, index) => {
    if (name) bind(context, name.text, values[index] ?? null, lineOf(name));
  });
}

function goCompositeLiteral(node: SyntaxNode, context: DeclarationContext): void {
  const fn = context.functionName();
  if (!fn || !DEFAULTS_FUNCTION.test(fn)) return;
  const type = (node.childForFieldName('type')?.text ?? '').replace(/^.*\./, '');
  const body = node.childForFieldName('body');
  for (const element of body?.namedChildren ?? []) {
    if (element?.type !== 'keyed_element' || !touched(context, element)) continue;
    const key = element.childForFieldName('key') ?? element.namedChild(0);
    let value = element.childForFieldName('value') ?? element.namedChild(1);
    if (value?.type === 'literal_element') value = value.namedChild(0);
    if (key) bind(context, `${type}.${key.text.slice(0, 80)}`, value, lineOf(element));
  }
}

function pythonAssignment(node: SyntaxNode, context: DeclarationContext): void {
  if (context.language !== 'python') return;
  const left = node.childForFieldName('left');
  if (left?.type !== 'identifier') return;
  const statement = node.parent;
  const scope = statement?.type === 'expression_statement' ? statement.parent : null;
  if (scope?.type === 'module') {
    if (UPPER_CONSTANT.test(left.text)) bind(context, left.text, node.childForFieldName('right'), lineOf(node));
    return;
  }
  const owner = scope?.type === 'block' ? scope.parent : null;
  if (owner?.type !== 'class_definition' || left.text.startsWith('_')) return;
  const className = owner.childForFieldName('name')?.text ?? '';
  bind(context, `${className}.${left.text}`, node.childForFieldName('right'), lineOf(node));
  if (CONFIG_TYPE_NAME.test(className) && left.text !== 'model_config') addConfigKey(context, left.text, lineOf(node), className);
}

function parameterDefault(nameField: string, valueField: string): Handler {
  return (node, context) => {
    const fn = context.functionName();
    const name = node.childForFieldName(nameField);
    if (!fn || !name || (node.type === 'assignment_pattern' && node.parent?.type !== 'formal_parameters')) return;
    bind(context, `${fn}.${name.text.slice(0, 80)}`, node.childForFieldName(valueField), lineOf(node));
  };
}

function jsDeclarator(node: SyntaxNode, context: DeclarationContext): void {
  const declaration = node.parent;
  const scope = declaration?.parent;
  const topLevel = scope?.type === 'program' || (scope?.type === 'export_statement' && scope.parent?.type === 'program');
  if (declaration?.type !== 'lexical_declaration' || !topLevel || declaration.child(0)?.type !== 'const') return;
  const name = node.childForFieldName('name');
  const value = node.childForFieldName('value');
  if (name?.type !== 'identifier' || !value) return;
  if (value.type === 'object' && /default/i.test(name.text)) {
    for (const pair of value.namedChildren) {
      const key = pair?.type === 'pair' && touched(context, pair) ? pair.childForFieldName('key') : null;
      if (pair && key) bind(context, `${name.text}.${STRING_TYPES.has(key.type) ? stringContent(key.text) : key.text}`, pair.childForFieldName('value'), lineOf(pair));
    }
    return;
  }
  bind(context, name.text, value, lineOf(node));
}

function tsConfigType(node: SyntaxNode, context: DeclarationContext): void {
  const name = node.childForFieldName('name')?.text;
  if (!name || !CONFIG_TYPE_NAME.test(name)) return;
  const body = node.childForFieldName('body') ?? node.childForFieldName('value');
  for (const member of body?.namedChildren ?? []) {
    if (member?.type !== 'property_signature' || !touched(context, member)) continue;
    const key = member.childForFieldName('name');
    if (key) addConfigKey(context, STRING_TYPES.has(key.type) ? stringContent(key.text) : key.text, lineOf(member), name);
  }
}

function classField(node: SyntaxNode, context: DeclarationContext): void {
  const name = node.childForFieldName('name') ?? node.childForFieldName('property');
  if (name) bind(context, scoped(context, name.text), node.childForFieldName('value'), lineOf(node));
}

const LITERAL_MACRO = /^(?:-?\d[\w.]*|"[^"\n]{0,200}"|'[^'\n]{0,4}')$/;

function cDefine(node: SyntaxNode, context: DeclarationContext): void {
  const name = node.childForFieldName('name')?.text;
  const value = node.childForFieldName('value')?.text.trim();
  if (!name || value === undefined || !LITERAL_MACRO.test(value) || context.model.literals.length >= MODEL_LIMITS.literals) return;
  context.model.literals.push({ name, value: value.startsWith('"') ? value.slice(1, -1) : value, line: lineOf(node) });
}

function cConstDeclaration(node: SyntaxNode, context: DeclarationContext): void {
  if (context.functionName() || (context.language !== 'c' && context.language !== 'cpp')) return;
  const qualified = node.namedChildren.some((child) => child?.type === 'type_qualifier' && /^(const|constexpr)$/.test(child.text));
  if (!qualified) return;
  for (const declarator of node.childrenForFieldName('declarator')) {
    if (declarator?.type !== 'init_declarator') continue;
    const name = declarator.childForFieldName('declarator');
    if (name?.type === 'identifier') bind(context, scoped(context, name.text), declarator.childForFieldName('value'), lineOf(declarator));
  }
}

function javaField(node: SyntaxNode, context: DeclarationContext): void {
  if (context.language !== 'java') return;
  const modifiers = node.namedChildren.find((child) => child?.type === 'modifiers');
  if (!modifiers || !/\bfinal\b/.test(modifiers.text.replace(/@\w+(\([^)]*\))?/g, ''))) return;
  for (const declarator of node.childrenForFieldName('declarator')) {
    const name = declarator?.childForFieldName('name');
    if (declarator && name) bind(context, scoped(context, name.text), declarator.childForFieldName('value'), lineOf(declarator));
  }
}

function rustConst(node: SyntaxNode, context: DeclarationContext): void {
  const name = node.childForFieldName('name');
  if (name) bind(context, scoped(context, name.text), node.childForFieldName('value'), lineOf(node));
}

/** One handler per declaration node type; node type names are distinct enough across the grammars to share a table. */
export const DECLARATION_HANDLERS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['const_item', rustConst],
  ['static_item', rustConst],
  ['struct_item', rustStruct],
  ['struct_expression', rustStructLiteral],
  ['type_spec', goTypeSpec],
  ['const_spec', goValueSpec],
  ['var_spec', goValueSpec],
  ['composite_literal', goCompositeLiteral],
  ['assignment', pythonAssignment],
  ['default_parameter', parameterDefault('name', 'value')],
  ['typed_default_parameter', parameterDefault('name', 'value')],
  ['required_parameter', parameterDefault('pattern', 'value')],
  ['optional_parameter', parameterDefault('pattern', 'value')],
  ['assignment_pattern', parameterDefault('left', 'right')],
  ['variable_declarator', jsDeclarator],
  ['interface_declaration', tsConfigType],
  ['type_alias_declaration', tsConfigType],
  ['public_field_definition', classField],
  ['field_definition', classField],
  ['preproc_def', cDefine],
  ['declaration', cConstDeclaration],
  ['field_declaration', javaField],
]);
