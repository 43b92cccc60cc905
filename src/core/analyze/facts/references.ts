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
  // Everyday names come last: named only when nothing more telling changed (`to_vec` dropped from a hot loop).
  if (STD_NAMES.has(text)) return 1;
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

/**
 * Names of everyday standard-library calls (collections, strings, options and results, output, assertions, attributes):
 * a change that starts calling `map_err` or `startswith` says nothing by it.
 */
const STD_NAMES = new Set([
  'append', 'push', 'pop', 'len', 'get', 'set', 'add', 'put', 'insert', 'remove', 'delete', 'clear', 'contains', 'format', 'print',
  'println', 'printf', 'fprintf', 'sprintf', 'snprintf', 'strlen', 'strcmp', 'memcpy', 'memset', 'malloc', 'calloc', 'free',
  'xmalloc', 'xcalloc', 'xstrdup', 'join', 'split', 'strip', 'trim', 'map', 'filter', 'iter', 'into', 'from', 'clone', 'unwrap',
  'expect', 'to_string', 'toString', 'equals', 'hashCode', 'size', 'length', 'isEmpty', 'is_empty', 'keys', 'values', 'items',
  'range', 'list', 'dict', 'str', 'int', 'bool', 'float', 'tuple', 'type', 'isinstance', 'super', 'require', 'import', 'then',
  'catch', 'resolve', 'reject', 'assert', 'assertEquals', 'assertTrue', 'assertFalse', 'assertNull', 'assertNotNull',
  'assertThrows', 'toBe', 'toEqual', 'describe', 'test', 'it', 'die', 'error', 'warning', 'BUG', '_', 'N_', 'Q_',
  'String', 'Vec', 'Some', 'Ok', 'Err', 'Box', 'Error', 'Object', 'Array', 'Map', 'Set', 'Promise', 'new', 'default', 'open',
  'close', 'read', 'write', 'next', 'send', 'recv', 'call', 'apply', 'bind', 'log', 'debug', 'info', 'warn', 'trace', 'fmt',
  // Rust
  'map_err', 'unwrap_or', 'unwrap_or_else', 'unwrap_or_default', 'ok_or', 'ok_or_else', 'and_then', 'or_else', 'is_some', 'is_none',
  'is_ok', 'is_err', 'then_some', 'as_ref', 'as_mut', 'as_str', 'as_bytes', 'as_deref', 'as_path', 'to_owned', 'to_vec', 'into_iter',
  'iter_mut', 'filter_map', 'flat_map', 'for_each', 'collect', 'starts_with', 'ends_with', 'strip_prefix', 'strip_suffix', 'split_once',
  'push_str', 'extend_from_slice', 'with_capacity', 'contains_key', 'get_mut', 'or_insert', 'or_default', 'or_insert_with', 'entry',
  'to_string_lossy', 'to_lowercase', 'to_uppercase', 'trim_start', 'trim_end', 'debug_assert', 'debug_assert_eq', 'assert_eq',
  'assert_ne', 'cfg_attr', 'hash_map', 'btree_map', 'hash_set', 'is_empty', 'chars', 'bytes', 'lines', 'parse', 'display', 'borrow',
  'borrow_mut', 'lock', 'unwrap_unchecked', 'is_some_and', 'is_none_or', 'map_or', 'map_or_else', 'include_str', 'include_bytes',
  'is_file', 'is_dir', 'exists', 'copied', 'cloned', 'rev', 'enumerate', 'zip', 'skip', 'take', 'chain', 'any', 'all',
  // Python, JavaScript, Go, Java
  'startswith', 'endswith', 'getattr', 'setattr', 'hasattr', 'lower', 'upper', 'replace', 'encode', 'decode', 'update', 'extend',
  'sorted', 'enumerate', 'toLowerCase', 'toUpperCase', 'forEach', 'indexOf', 'includes', 'startsWith', 'endsWith', 'hasOwnProperty',
  'stringify', 'slice', 'splice', 'concat', 'reduce', 'some', 'every', 'find', 'findIndex', 'trimEnd', 'trimStart', 'padStart',
  'Sprintf', 'Errorf', 'Printf', 'Println', 'Fatalf', 'Fatal', 'Contains', 'HasPrefix', 'HasSuffix', 'TrimSpace', 'TrimPrefix',
  'TrimSuffix', 'Split', 'Join', 'Is', 'As', 'Unwrap', 'Wrap', 'Wrapf', 'Helper', 'Run', 'Parallel', 'Cleanup', 'TempDir',
  'valueOf', 'getClass', 'getName', 'isNull', 'requireNonNull', 'asList', 'stream', 'orElse', 'ifPresent',
]);

/** Receivers of everyday calls: output, errors, strings and collections, test handles, the object itself. */
const STD_RECEIVERS = new Set([
  'self', 'Self', 'this', 'cls', 'super', 'ctx', 'err', 'fmt', 'errors', 'strings', 'strconv', 'bytes', 'console', 'JSON', 'Object', 'Math',
  'Array', 'Number', 'String', 'Promise', 'std', 'log', 'slog', 'assert', 'require', 't', 'b', 'tb', 'expect', 'Vec', 'Box', 'Some',
  'Ok', 'Err', 'Option', 'Result', 'HashMap', 'HashSet', 'BTreeMap', 'BTreeSet', 'Arc', 'Rc', 'Cow', 'PathBuf', 'Path', 'Duration',
  'Instant', 'anyhow', 'tracing', 'Objects', 'Arrays', 'Collections', 'List', 'Optional', 'System', 'os', 'sys', 'json', 'io',
]);

/** How telling a callee is: a call through a type or module (`LockSupport.parkNanos`, `hex::encode`), or a bare name that is not an everyday one. */
function callWeight(text: string): number {
  const parts = text.split(/\.|::|->/);
  const name = parts[parts.length - 1]!;
  if (name.length < 3) return 0;
  if (parts.length === 1) return text.length < 5 ? 0 : STD_NAMES.has(name) ? 1 : 2;
  const receiver = parts[0]!;
  const everyday = STD_RECEIVERS.has(receiver) || receiver.length === 1;
  // Through a type (`Arrays.fill`) or a Rust path (`hex::encode`: a module, never a local), an everyday name still tells.
  if (STD_NAMES.has(name)) return (/^[A-Z]/.test(receiver) || text.includes('::')) && !everyday ? 2 : 1;
  if (everyday) return name.length < 4 ? 0 : 1;
  return /^[A-Z]/.test(receiver) ? 3 : 2;
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
  // Everyday names (weight 1) only where nothing more telling changed in the same direction.
  const telling = new Set(found.filter((fact) => fact.weight > 1 && !isTestPath(fact.path)).map((fact) => fact.change));
  // Tests last: their names crowd out the product's (the prose leaves tests' references out).
  return found
    .filter((fact) => fact.weight > 1 || !telling.has(fact.change))
    .map((fact, index) => ({ fact, index, test: isTestPath(fact.path) }))
    .filter(({ fact }) => !calledParts.has(`${fact.change}\0${fact.name}`) || fact.name.includes('.') || fact.name.includes(':'))
    .sort((a, b) => Number(a.test) - Number(b.test) || b.fact.weight - a.fact.weight || a.index - b.index)
    .slice(0, MAX_REFERENCES)
    .map(({ fact: { weight: _weight, ...fact } }) => fact);
}
