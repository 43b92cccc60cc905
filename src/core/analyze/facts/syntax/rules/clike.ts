import type { Node } from '@vscode/tree-sitter-wasm';
import type { Access, Found, LanguageDefinitions, Rule, Scope } from '../definitionSpec.js';
import { fieldText, hasWord, looksLikeTestPath } from '../definitionSpec.js';

/**
 * C and C++: public = declared in a header (.h, .hpp…), not `static`, and in a class's public section. Prototypes
 * count in headers only (in a .c file they are forward declarations). gtest TEST/TEST_F/TEST_P are tests.
 */

const GTEST_MACROS = new Set(['TEST', 'TEST_F', 'TEST_P', 'TYPED_TEST', 'TYPED_TEST_P', 'FRIEND_TEST']);
/** Declarator wrappers between a declaration and the name it declares. */
const WRAPPERS = new Set([
  'pointer_declarator', 'reference_declarator', 'array_declarator', 'parenthesized_declarator', 'init_declarator',
  'attributed_declarator',
]);

interface Declared {
  name: string;
  container?: string;
  isFunction: boolean;
  parameters?: Node;
}

/** Follows a declarator down to the name: `*f(int)`, `ns::Foo::bar(…)`, `(*cb_t)(void *)`. */
function declared(declarator: Node | null): Declared | undefined {
  let isFunction = false;
  let parameters: Node | undefined;
  let node = declarator;
  for (let depth = 0; node && depth < 12; depth++) {
    if (node.type === 'function_declarator') {
      isFunction = true;
      parameters ??= node.childForFieldName('parameters') ?? undefined;
      node = node.childForFieldName('declarator');
    } else if (WRAPPERS.has(node.type)) {
      node = node.childForFieldName('declarator') ?? node.namedChild(0);
    } else if (node.type === 'qualified_identifier') {
      const inner = node.childForFieldName('name');
      if (inner?.type === 'qualified_identifier') {
        node = inner;
        continue;
      }
      return inner ? { name: inner.text, container: node.childForFieldName('scope')?.text, isFunction, parameters } : undefined;
    } else {
      return { name: node.text, isFunction, parameters };
    }
  }
  return undefined;
}

function declaratorsOf(node: Node): Node[] {
  const found: Node[] = [];
  for (let index = 0; index < node.childCount; index++) {
    const child = node.child(index);
    if (child && node.fieldNameForChild(index) === 'declarator') found.push(child);
  }
  return found;
}

/** `TEST(Suite, Name) { … }` parses as a function named TEST with two "parameters". */
function gtestName(name: string, parameters: Node | undefined): string | undefined {
  if (!GTEST_MACROS.has(name) || !parameters) return undefined;
  const parts = parameters.namedChildren.map((parameter) => parameter?.text ?? '');
  return parts.length === 2 ? `${parts[0]}.${parts[1]}` : undefined;
}

function functionDefinition(node: Node, scope: Scope): Found | undefined {
  const target = declared(node.childForFieldName('declarator'));
  if (!target) return undefined;
  const test = node.childForFieldName('type') ? undefined : gtestName(target.name, target.parameters);
  if (test) return { kind: 'function', name: test, test };
  const kind = scope.inType || target.container ? 'method' : 'function';
  return { kind, name: target.name, container: target.container };
}

/** A prototype (in a header) or, in a class body, a method declaration or fields. */
function declaration(node: Node, scope: Scope): Found[] {
  const found: Found[] = [];
  const type = node.childForFieldName('type');
  const specifier = type ? TYPE_SPECIFIERS[type.type]?.(type, scope) : undefined;
  if (specifier && !Array.isArray(specifier)) found.push({ ...specifier, node: type ?? undefined });
  for (const declarator of declaratorsOf(node)) {
    const target = declared(declarator);
    if (!target) continue;
    if (target.isFunction) {
      if (scope.inType || scope.header) found.push({ kind: scope.inType ? 'method' : 'function', name: target.name, body: null });
    } else if (scope.inType) {
      found.push({ kind: 'field', name: target.name, body: node.childForFieldName('default_value') });
    }
  }
  return found;
}

const typeSpecifier = (kind: Found['kind'], memberAccess: Access): Rule => (node) => {
  const name = fieldText(node);
  const body = node.childForFieldName('body');
  if (!name || !body) return undefined;
  return { kind, name, members: body, memberAccess };
};

/** `typedef struct { … } point_t;` is the struct point_t; another typedef is a type alias. */
function typeDefinition(node: Node): Found | undefined {
  const target = declared(declaratorsOf(node)[0] ?? null);
  if (!target) return undefined;
  const type = node.childForFieldName('type');
  const body = type?.childForFieldName('body');
  if (type && body && (type.type === 'struct_specifier' || type.type === 'union_specifier') && !type.childForFieldName('name')) {
    return { kind: 'struct', name: target.name, members: body, memberAccess: 'public' };
  }
  return { kind: 'type', name: target.name, body: null };
}

/** A struct, class or enum defined inside a declaration (`struct s { … } v;`, `enum e { … };` as a statement). */
const TYPE_SPECIFIERS: Readonly<Record<string, Rule>> = {
  struct_specifier: typeSpecifier('struct', 'public'),
  union_specifier: typeSpecifier('struct', 'public'),
  class_specifier: typeSpecifier('class', 'private'),
  enum_specifier: typeSpecifier('enum', 'public'),
};

export const clikeDefinitions: LanguageDefinitions = {
  transparent: {
    preproc_ifdef: true, preproc_if: true, preproc_else: true, preproc_elif: true, preproc_elifdef: true,
    template_declaration: true, linkage_specification: true, declaration_list: true,
  },
  nodes: {
    function_definition: functionDefinition,
    declaration: declaration,
    field_declaration: declaration,
    ...TYPE_SPECIFIERS,
    enumerator: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'variant', name, body: null } : undefined;
    },
    type_definition: typeDefinition,
    alias_declaration: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'type', name, body: null } : undefined;
    },
    namespace_definition: (node) => {
      const name = fieldText(node);
      const body = node.childForFieldName('body');
      if (!body) return undefined;
      return name ? { kind: 'module', name, members: body } : { kind: 'module', name: '', hidden: true, public: false, members: body };
    },
    preproc_def: (node) => {
      const name = fieldText(node);
      const value = node.childForFieldName('value');
      return name && value ? { kind: 'constant', name, body: value } : undefined;
    },
    preproc_function_def: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'macro', name, body: node.childForFieldName('value') } : undefined;
    },
  },
  isPublic(_found, node, scope) {
    if (!scope.header) return false;
    if (scope.inType) return scope.containerPublic && scope.access !== 'private' && scope.access !== 'protected';
    if (scope.container && !scope.containerPublic) return false;
    return !hasWord(node, 'static');
  },
  accessOf(node) {
    if (node.type !== 'access_specifier') return undefined;
    const word = node.text.replace(/\s*:$/, '');
    return word === 'public' || word === 'private' || word === 'protected' ? word : undefined;
  },
  isTestPath: looksLikeTestPath,
};
