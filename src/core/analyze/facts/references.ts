import type { ChangedTokens } from './code/codeFacts.js';
import type { ChangedToken } from './code/model.js';
import { isTestPath } from './testPaths.js';
import type { DefinitionFact, ReferenceFact } from './types.js';

/** References kept per commit at most (the most telling first). */
export const MAX_REFERENCES = 24;

/**
 * Names too common to tell anything: language words and conventional locals. Identifiers the tables below do not
 * find telling (short, all lower case) are left out anyway.
 */
const COMMON = new Set([
  'self', 'this', 'super', 'None', 'True', 'False', 'nil', 'null', 'undefined', 'NULL', 'err', 'ctx', 'args', 'kwargs',
  'const', 'static', 'return', 'void', 'struct', 'String', 'Vec', 'Option', 'Some', 'Result', 'Ok', 'Err', 'Box', 'Self',
  'size_t', 'uint8_t', 'uint32_t', 'uint64_t', 'int64_t', 'int32_t', 'unsigned', 'std', 'fmt', 'Errorf', 'Sprintf',
]);

/**
 * How telling a token is as a name a reviewer would quote, or 0 to leave it out. Identifiers with structure
 * (`snake_case`, `camelCase`, `ALL_CAPS`, `a.b`) count; plain words do not. Strings count when they look like a
 * flag (`--force-build`), a file name (`nub.lock`) or a key (`old_text`).
 */
function weight(text: string, kind: string): number {
  if (text.length < 4 || text.length > 80 || COMMON.has(text)) return 0;
  if (kind === 'identifier') {
    if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(text)) return 3;
    if (/^[a-z_]\w*[A-Z]\w*$/.test(text) || /^[a-z]+(_[a-z0-9]+)+$/.test(text) || /^_[a-z]\w+$/.test(text)) return 3;
    if (/^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+$/.test(text)) return 2;
    return 0;
  }
  if (kind === 'string') {
    if (/^--?[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(text) || /^--[a-z]{4,}$/.test(text)) return 3;
    if (/^[\w-]+\.(lock|ya?ml|json|toml|txt|cfg|ini)$/.test(text)) return 2;
    if (/^[a-z]+(_[a-z0-9]+)+$/.test(text)) return 2;
  }
  return 0;
}

/** Calls too common to tell anything (collections, strings, output, assertions). */
const COMMON_CALLS = new Set([
  'append', 'push', 'pop', 'len', 'get', 'set', 'add', 'put', 'insert', 'remove', 'delete', 'clear', 'contains', 'format', 'print',
  'println', 'printf', 'fprintf', 'sprintf', 'snprintf', 'strlen', 'strcmp', 'memcpy', 'memset', 'malloc', 'calloc', 'free',
  'xmalloc', 'xcalloc', 'xstrdup', 'join', 'split', 'strip', 'trim', 'map', 'filter', 'iter', 'into', 'from', 'clone', 'unwrap',
  'expect', 'to_string', 'toString', 'equals', 'hashCode', 'size', 'length', 'isEmpty', 'is_empty', 'keys', 'values', 'items',
  'range', 'list', 'dict', 'str', 'int', 'bool', 'float', 'tuple', 'type', 'isinstance', 'super', 'require', 'import', 'then',
  'catch', 'resolve', 'reject', 'assert', 'assertEquals', 'assertTrue', 'assertFalse', 'assertNull', 'assertNotNull',
  'assertThrows', 'expect', 'toBe', 'toEqual', 'describe', 'test', 'it', 'die', 'error', 'warning', 'BUG', '_', 'N_', 'Q_',
  'String', 'Vec', 'Some', 'Ok', 'Err', 'Box', 'Error', 'Object', 'Array', 'Map', 'Set', 'Promise', 'new', 'default', 'open',
  'close', 'read', 'write', 'next', 'send', 'recv', 'call', 'apply', 'bind', 'log', 'debug', 'info', 'warn', 'trace', 'fmt',
]);

/** How telling a callee is: a call through a type or module (`LockSupport.parkNanos`, `hex::encode`), or a bare name that is not a common one. */
function callWeight(text: string): number {
  const parts = text.split(/\.|::|->/);
  const name = parts[parts.length - 1]!;
  if (name.length < 3 || COMMON_CALLS.has(name) && parts.length === 1) return 0;
  if (parts.length === 1) return text.length >= 5 ? 2 : 0;
  const receiver = parts[0]!;
  if (/^(self|this|cls|super|ctx|err|[a-z])$/.test(receiver)) return COMMON_CALLS.has(name) || name.length < 4 ? 0 : 1;
  return COMMON_CALLS.has(name) && !/^[A-Z]/.test(receiver) ? 0 : 3;
}

/**
 * The names the changed lines start (or stop) referring to: on the new side's changed lines and not the old side's,
 * and the reverse. Definitions of the commit are left out (the prose names them already).
 */
export function referenceFacts(tokens: readonly ChangedTokens[], definitions: readonly DefinitionFact[]): ReferenceFact[] {
  const defined = new Set(definitions.flatMap((fact) => (fact.oldName === undefined ? [fact.name] : [fact.name, fact.oldName])));
  const found: (ReferenceFact & { weight: number })[] = [];
  const seen = new Set<string>();
  // The parts of qualified calls kept (`LockSupport`, `parkNanos` of `LockSupport.parkNanos`): named once, as the call.
  const calledParts = new Set<string>();
  const scanCalls = (side: readonly ChangedToken[], other: readonly ChangedToken[], change: 'added' | 'removed', path: string): void => {
    const otherTexts = new Set(other.map((token) => token.text));
    for (const token of side) {
      const key = `${change}\0${token.text}`;
      if (otherTexts.has(token.text) || seen.has(key) || defined.has(token.text)) continue;
      const score = callWeight(token.text);
      if (score === 0) continue;
      seen.add(key);
      const parts = token.text.split(/\.|::|->/);
      if (parts.length > 1) for (const part of parts) calledParts.add(`${change}\0${part}`);
      found.push({ kind: 'reference', change, name: token.text, path, line: token.line, side: change === 'added' ? 'new' : 'old', weight: score });
    }
  };
  for (const file of tokens) {
    const oldTexts = new Set(file.old.map((token) => token.text));
    const newTexts = new Set(file.new.map((token) => token.text));
    const scan = (side: ChangedTokens['new'], other: Set<string>, change: 'added' | 'removed', path: string): void => {
      for (const token of side) {
        const key = `${change}\0${token.text}`;
        if (other.has(token.text) || seen.has(key) || defined.has(token.text)) continue;
        const score = weight(token.text, token.kind);
        if (score === 0) continue;
        seen.add(key);
        found.push({ kind: 'reference', change, name: token.text, path, line: token.line, side: change === 'added' ? 'new' : 'old', weight: score });
      }
    };
    scan(file.new, oldTexts, 'added', file.path);
    scan(file.old, newTexts, 'removed', file.oldPath ?? file.path);
    scanCalls(file.newCalls ?? [], file.oldCalls ?? [], 'added', file.path);
    scanCalls(file.oldCalls ?? [], file.newCalls ?? [], 'removed', file.oldPath ?? file.path);
  }
  // Tests last: their names crowd out the product's (the prose leaves tests' references out).
  return found
    .map((fact, index) => ({ fact, index, test: isTestPath(fact.path) }))
    .filter(({ fact }) => !calledParts.has(`${fact.change}\0${fact.name}`) || fact.name.includes('.') || fact.name.includes(':'))
    .sort((a, b) => Number(a.test) - Number(b.test) || b.fact.weight - a.fact.weight || a.index - b.index)
    .slice(0, MAX_REFERENCES)
    .map(({ fact: { weight: _weight, ...fact } }) => fact);
}
