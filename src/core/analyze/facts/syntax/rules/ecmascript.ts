import type { Node } from '@vscode/tree-sitter-wasm';
import type { Access, Found, LanguageDefinitions, Rule, Scope } from '../definitionSpec.js';
import { childOfType, fieldText, looksLikeTestPath, namedChildren } from '../definitionSpec.js';

/** TypeScript, TSX and JavaScript: ES modules (public = exported), classes, interfaces, enums, `it()`/`test()`. */

const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
const TEST_CALLS = new Set(['it', 'test']);
const SUITE_CALLS = new Set(['describe', 'suite', 'context']);

const named = (kind: Found['kind'], members?: 'body'): Rule => (node) => {
  const name = fieldText(node);
  if (!name) return undefined;
  return { kind, name, members: members ? node.childForFieldName(members) : undefined, memberAccess: 'public' };
};

function accessOfMember(node: Node): Access {
  const modifier = childOfType(node, 'accessibility_modifier')?.text;
  if (modifier === 'private' || modifier === 'protected') return modifier;
  const name = node.childForFieldName('name') ?? node.childForFieldName('property');
  return name?.type === 'private_property_identifier' ? 'private' : 'public';
}

const member = (kind: Found['kind']): Rule => (node) => {
  const name = fieldText(node) ?? fieldText(node, 'property');
  if (!name) return undefined;
  return { kind: name === 'constructor' ? 'method' : kind, name, public: undefined, memberAccess: accessOfMember(node) };
};

/** `const f = () => …` is a function; another module-level `const` is a constant; `let`/`var` define nothing. */
function variables(node: Node, scope: Scope): Found[] {
  if (scope.inType) return [];
  const isConst = node.child(0)?.text === 'const';
  const found: Found[] = [];
  for (const declarator of namedChildren(node)) {
    if (declarator.type !== 'variable_declarator') continue;
    const name = declarator.childForFieldName('name');
    if (name?.type !== 'identifier') continue;
    const value = declarator.childForFieldName('value');
    if (value && FUNCTION_VALUES.has(value.type)) {
      found.push({ kind: 'function', name: name.text, node: declarator, body: value.childForFieldName('body') });
    } else if (isConst) {
      found.push({ kind: 'constant', name: name.text, node: declarator, body: value });
    }
  }
  return found;
}

/** The string a test or suite call is named by: its first argument, a string or a template without substitutions. */
function callName(call: Node): string | undefined {
  const first = namedChildren(call.childForFieldName('arguments') ?? call)[0];
  if (!first) return undefined;
  if (first.type === 'string') return first.text.slice(1, -1);
  if (first.type === 'template_string' && !childOfType(first, 'template_substitution')) return first.text.slice(1, -1);
  return undefined;
}

/** `it`, `test.only`, `test.each(table)`, `describe.skip` → the base word. */
function calleeWord(call: Node): string | undefined {
  let callee = call.childForFieldName('function');
  for (let depth = 0; callee && depth < 4; depth++) {
    if (callee.type === 'identifier') return callee.text;
    if (callee.type === 'member_expression') callee = callee.childForFieldName('object');
    else if (callee.type === 'call_expression') callee = callee.childForFieldName('function');
    else return undefined;
  }
  return undefined;
}

function testCall(node: Node): Found | undefined {
  const call = node.namedChild(0);
  if (call?.type !== 'call_expression') return undefined;
  const word = calleeWord(call);
  if (!word || (!TEST_CALLS.has(word) && !SUITE_CALLS.has(word))) return undefined;
  const name = callName(call);
  if (name === undefined) return undefined;
  if (TEST_CALLS.has(word)) return { kind: 'function', name, test: name };
  const callback = namedChildren(call.childForFieldName('arguments') ?? call).find((argument) =>
    FUNCTION_VALUES.has(argument.type));
  return { kind: 'function', name, suite: name, members: callback?.childForFieldName('body') };
}

export const ecmascriptDefinitions: LanguageDefinitions = {
  transparent: {
    export_statement: (_node, scope) => ({ ...scope, exported: true }),
    ambient_declaration: true,
  },
  nodes: {
    function_declaration: named('function'),
    generator_function_declaration: named('function'),
    function_signature: named('function'),
    class_declaration: named('class', 'body'),
    abstract_class_declaration: named('class', 'body'),
    interface_declaration: named('interface', 'body'),
    enum_declaration: named('enum', 'body'),
    type_alias_declaration: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'type', name, body: null } : undefined;
    },
    internal_module: named('module', 'body'),
    module: named('module', 'body'),
    method_definition: member('method'),
    method_signature: member('method'),
    abstract_method_signature: member('method'),
    public_field_definition: member('field'),
    field_definition: member('field'),
    property_signature: member('field'),
    enum_assignment: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'variant', name, body: null } : undefined;
    },
    property_identifier: (node, scope) =>
      scope.containerKind === 'enum' ? { kind: 'variant', name: node.text, body: null } : undefined,
    lexical_declaration: variables,
    variable_declaration: variables,
    expression_statement: testCall,
  },
  isPublic(_found, node, scope) {
    if (scope.inType) {
      if (scope.containerKind === 'interface' || scope.containerKind === 'enum') return scope.containerPublic;
      return scope.containerPublic && accessOfMember(node) === 'public';
    }
    if (scope.container && !scope.containerPublic) return false;
    return scope.exported;
  },
  exportedNames(root) {
    const names = new Set<string>();
    for (const statement of namedChildren(root)) {
      if (statement.type !== 'export_statement') continue;
      const clause = childOfType(statement, 'export_clause');
      if (statement.childForFieldName('source') || !clause) continue;
      for (const specifier of namedChildren(clause)) {
        const name = fieldText(specifier);
        if (name) names.add(name);
      }
    }
    return names;
  },
  isTestPath: looksLikeTestPath,
};
