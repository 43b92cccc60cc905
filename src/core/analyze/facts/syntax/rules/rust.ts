import type { Node } from '@vscode/tree-sitter-wasm';
import type { Found, LanguageDefinitions, Rule, Scope } from '../definitionSpec.js';
import { childOfType, fieldText } from '../definitionSpec.js';

/**
 * Rust: public = a bare `pub` (not `pub(crate)`), inside a public container; items of a trait and of a trait impl
 * are as public as the trait or type. Tests are functions under `#[test]`, `#[tokio::test]`, `#[rstest]`, ….
 */

const TEST_ATTRIBUTE = /^#\[\s*(?:[\w]+::)*(?:test|rstest|test_case|quickcheck|proptest)\b/;

const NON_EXHAUSTIVE = /^#\[\s*non_exhaustive\s*\]/;
/** clap's derives: such an enum lists subcommands or a flag's values (a new one is a feature, not a broken `match`). */
const CLAP_DERIVE = /^#\[\s*derive\s*\([^)]*\b(?:Subcommand|ValueEnum)\b/;

/** Whether one of the attributes written just above an item (siblings before it) matches. */
function hasAttribute(node: Node, pattern: RegExp): boolean {
  for (let sibling = node.previousNamedSibling, seen = 0; sibling && seen < 8; sibling = sibling.previousNamedSibling, seen++) {
    if (sibling.type === 'line_comment' || sibling.type === 'block_comment') continue;
    if (sibling.type !== 'attribute_item') return false;
    if (sibling.endIndex - sibling.startIndex < 200 && pattern.test(sibling.text)) return true;
  }
  return false;
}

const item = (kind: Found['kind'], members?: string, body?: string | null): Rule => (node) => {
  const name = fieldText(node);
  if (!name) return undefined;
  return {
    kind, name, members: members ? node.childForFieldName(members) : undefined,
    body: body === undefined ? undefined : body === null ? null : node.childForFieldName(body),
  };
};

function functionItem(node: Node, scope: Scope): Found | undefined {
  const name = fieldText(node);
  if (!name) return undefined;
  if (hasAttribute(node, TEST_ATTRIBUTE)) return { kind: 'function', name, test: scope.container ? `${scope.container}::${name}` : name };
  return { kind: scope.inType ? 'method' : 'function', name };
}

/** `impl<T> Trait for Type<T>`: not a definition; its items belong to `Type`, as public as it is for a trait impl. */
function implItem(node: Node): Found | undefined {
  let type = node.childForFieldName('type');
  if (type?.type === 'generic_type') type = type.childForFieldName('type');
  if (!type) return undefined;
  const isTraitImpl = node.childForFieldName('trait') !== null;
  return {
    kind: 'struct', name: type.text, container: type.text, hidden: true, public: true,
    members: node.childForFieldName('body'), memberAccess: isTraitImpl ? 'public' : undefined,
  };
}

function isPub(node: Node): boolean {
  return childOfType(node, 'visibility_modifier')?.text === 'pub';
}

export const rustDefinitions: LanguageDefinitions = {
  transparent: {},
  nodes: {
    function_item: functionItem,
    function_signature_item: (node, scope) => {
      const name = fieldText(node);
      return name ? { kind: scope.inType ? 'method' : 'function', name, body: null } : undefined;
    },
    struct_item: item('struct', 'body'),
    union_item: item('struct', 'body'),
    enum_item: item('enum', 'body'),
    trait_item: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'trait', name, members: node.childForFieldName('body'), memberAccess: 'public' } : undefined;
    },
    impl_item: implItem,
    type_item: item('type', undefined, null),
    associated_type: item('type', undefined, null),
    const_item: item('constant', undefined, 'value'),
    static_item: item('constant', undefined, 'value'),
    mod_item: (node) => {
      const name = fieldText(node);
      const body = node.childForFieldName('body');
      return name && body ? { kind: 'module', name, members: body } : undefined;
    },
    macro_definition: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'macro', name, body: node } : undefined;
    },
    field_declaration: item('field', undefined, null),
    enum_variant: (node) => {
      const name = fieldText(node);
      if (!name) return undefined;
      const owner = node.parent?.parent;
      const open = owner?.type !== 'enum_item' || hasAttribute(owner, NON_EXHAUSTIVE) || hasAttribute(owner, CLAP_DERIVE);
      return { kind: 'variant', name, body: null, ...(open ? {} : { exhaustive: true }) };
    },
  },
  isPublic(found, node, scope) {
    if (scope.container && !scope.containerPublic) return false;
    if (found.kind === 'variant' || scope.access === 'public') return true;
    return isPub(node);
  },
  isTestPath: (path) => /(?:^|\/)tests\//.test(path),
};
