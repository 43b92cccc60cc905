import type { Node } from '@vscode/tree-sitter-wasm';
import type { Found, LanguageDefinitions, Scope } from '../definitionSpec.js';
import { fieldText, looksLikeTestPath } from '../definitionSpec.js';

/** Python: public = no leading underscore (dunders are public); tests are test_* functions in test files. */

const CONSTANT_NAME = /^_?[A-Z][A-Z0-9_]*$/;

function isTestFunction(name: string, scope: Scope): boolean {
  if (!scope.testFile || !name.startsWith('test')) return false;
  if (!scope.container) return true;
  return /^Test|Tests?$/.test(scope.container);
}

/** A decorated definition starts at its first decorator: `@property` or `@deprecated` added is a signature change. */
function withDecorators(node: Node): Node {
  return node.parent?.type === 'decorated_definition' ? node.parent : node;
}

function functionDefinition(node: Node, scope: Scope): Found | undefined {
  const name = fieldText(node);
  if (!name) return undefined;
  if (isTestFunction(name, scope)) return { kind: 'function', name, test: scope.container ? `${scope.container}.${name}` : name };
  return { kind: scope.inType ? 'method' : 'function', name, node: withDecorators(node), body: node.childForFieldName('body') };
}

/** `LIMIT = 10` at module level, and `name: str` or `x = 1` in a class body (fields). */
function assignment(node: Node, scope: Scope): Found | undefined {
  const statement = node.namedChild(0);
  if (statement?.type !== 'assignment') return undefined;
  const left = statement.childForFieldName('left');
  if (left?.type !== 'identifier') return undefined;
  const right = statement.childForFieldName('right');
  const type = statement.childForFieldName('type');
  if (scope.inType) return { kind: 'field', name: left.text, node: statement, body: right };
  if (scope.container) return undefined;
  if (type?.text === 'TypeAlias') return { kind: 'type', name: left.text, node: statement, body: null };
  if (!CONSTANT_NAME.test(left.text)) return undefined;
  return { kind: 'constant', name: left.text, node: statement, body: right };
}

export const pythonDefinitions: LanguageDefinitions = {
  transparent: { decorated_definition: true },
  nodes: {
    function_definition: functionDefinition,
    class_definition: (node) => {
      const name = fieldText(node);
      return name ? { kind: 'class', name, node: withDecorators(node), members: node.childForFieldName('body') } : undefined;
    },
    expression_statement: assignment,
    type_alias_statement: (node) => {
      const name = node.childForFieldName('left')?.text;
      return name ? { kind: 'type', name, body: null } : undefined;
    },
  },
  isPublic(found, _node, scope) {
    if (scope.container && !scope.containerPublic) return false;
    return !found.name.startsWith('_') || /^__\w+__$/.test(found.name);
  },
  isTestPath: looksLikeTestPath,
};
