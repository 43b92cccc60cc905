import type { Node } from '@vscode/tree-sitter-wasm';
import type { Found, LanguageDefinitions, Rule, Scope } from '../definitionSpec.js';
import { childOfType, fieldText, hasWord, looksLikeTestPath, namedChildren } from '../definitionSpec.js';

/**
 * Java: public = `public` or `protected` (the API of an extensible class) inside a public type; interface members
 * are public. Tests are methods annotated @Test, @ParameterizedTest, @RepeatedTest, @TestFactory, @TestTemplate.
 */

const TEST_ANNOTATIONS = new Set(['Test', 'ParameterizedTest', 'RepeatedTest', 'TestFactory', 'TestTemplate']);

function annotations(node: Node): string[] {
  const modifiers = childOfType(node, 'modifiers');
  if (!modifiers) return [];
  return namedChildren(modifiers)
    .filter((child) => child.type === 'marker_annotation' || child.type === 'annotation')
    .map((child) => (fieldText(child) ?? '').replace(/^.*\./, ''));
}

const type = (kind: Found['kind']): Rule => (node) => {
  const name = fieldText(node);
  return name ? { kind, name, members: node.childForFieldName('body'), memberAccess: 'public' } : undefined;
};

function method(node: Node, scope: Scope): Found | undefined {
  const name = fieldText(node);
  if (!name) return undefined;
  if (annotations(node).some((annotation) => TEST_ANNOTATIONS.has(annotation))) {
    return { kind: 'method', name, test: scope.container ? `${scope.container}.${name}` : name };
  }
  return { kind: 'method', name };
}

function fields(node: Node): Found[] {
  const modifiers = childOfType(node, 'modifiers');
  const constant = node.type === 'constant_declaration' || (!!modifiers && hasWord(modifiers, 'static') && hasWord(modifiers, 'final'));
  const found: Found[] = [];
  for (let index = 0; index < node.childCount; index++) {
    const declarator = node.child(index);
    if (!declarator || node.fieldNameForChild(index) !== 'declarator') continue;
    const name = fieldText(declarator);
    if (name) found.push({ kind: constant ? 'constant' : 'field', name, node, body: declarator.childForFieldName('value') });
  }
  return found;
}

export const javaDefinitions: LanguageDefinitions = {
  transparent: { enum_body_declarations: true },
  nodes: {
    class_declaration: type('class'),
    record_declaration: type('class'),
    interface_declaration: type('interface'),
    annotation_type_declaration: type('interface'),
    enum_declaration: type('enum'),
    method_declaration: method,
    constructor_declaration: method,
    compact_constructor_declaration: method,
    field_declaration: fields,
    constant_declaration: fields,
    enum_constant: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'variant', name, body: null } : undefined;
    },
  },
  isPublic(_found, node, scope) {
    if (scope.container && !scope.containerPublic) return false;
    if (scope.containerKind === 'interface' || scope.containerKind === 'enum' && _found.kind === 'variant') return true;
    const modifiers = childOfType(node, 'modifiers');
    return !!modifiers && hasWord(modifiers, 'public', 'protected');
  },
  isTestPath: looksLikeTestPath,
};
