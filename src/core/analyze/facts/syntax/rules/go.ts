import type { Node } from '@vscode/tree-sitter-wasm';
import type { Found, LanguageDefinitions, Scope } from '../definitionSpec.js';
import { fieldText, namedChildren } from '../definitionSpec.js';

/** Go: public = a capitalised name; tests are TestXxx/FuzzXxx functions in _test.go files. */

const TEST_NAME = /^(?:Test|Fuzz)(?:[^a-z]|$)/;

/** Every child in a field: `const b, C = 2, 3` has two `name`s. */
function fieldNodes(node: Node, field: string): Node[] {
  const nodes: Node[] = [];
  for (let index = 0; index < node.childCount; index++) {
    const child = node.child(index);
    if (child?.isNamed && node.fieldNameForChild(index) === field) nodes.push(child);
  }
  return nodes;
}

/** `(s *Server)`, `(G[T])` → `Server`, `G`. */
function receiverType(node: Node): string | undefined {
  const parameter = namedChildren(node.childForFieldName('receiver') ?? node)[0];
  let type = parameter?.childForFieldName('type');
  for (let depth = 0; type && depth < 4; depth++) {
    if (type.type === 'type_identifier') return type.text;
    type = type.type === 'pointer_type' ? type.namedChild(0) : type.childForFieldName('type');
  }
  return undefined;
}

function typeSpec(node: Node): Found | undefined {
  const name = fieldText(node);
  const type = node.childForFieldName('type');
  if (!name || !type) return undefined;
  if (node.type === 'type_alias') return { kind: 'type', name, body: null };
  if (type.type === 'struct_type') return { kind: 'struct', name, members: type.namedChild(0) };
  if (type.type === 'interface_type') return { kind: 'interface', name, members: type };
  return { kind: 'type', name, body: null };
}

function constSpec(node: Node, scope: Scope): Found[] {
  if (scope.inType) return [];
  const value = node.childForFieldName('value');
  return fieldNodes(node, 'name').map((name) => ({ kind: 'constant' as const, name: name.text, body: value }));
}

function fieldDeclaration(node: Node): Found[] {
  const names = fieldNodes(node, 'name');
  // An embedded field is named by its type.
  if (names.length === 0) {
    const type = node.childForFieldName('type');
    return type ? [{ kind: 'field', name: type.text.replace(/^\*/, ''), body: null }] : [];
  }
  return names.map((name) => ({ kind: 'field' as const, name: name.text, body: null }));
}

export const goDefinitions: LanguageDefinitions = {
  transparent: { type_declaration: true, const_declaration: true },
  nodes: {
    function_declaration: (node, scope) => {
      const name = fieldText(node);
      if (!name) return undefined;
      if (scope.testFile && TEST_NAME.test(name)) return { kind: 'function', name, test: name };
      return { kind: 'function', name };
    },
    method_declaration: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'method', name, container: receiverType(node) } : undefined;
    },
    type_spec: typeSpec,
    type_alias: typeSpec,
    const_spec: constSpec,
    field_declaration: fieldDeclaration,
    method_elem: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'method', name, body: null } : undefined;
    },
  },
  isPublic(found, _node, scope) {
    const exported = /^\p{Lu}/u.test(found.name);
    return scope.inType ? exported && scope.containerPublic : exported;
  },
  isTestPath: (path) => path.endsWith('_test.go'),
};
