import type { ChangedTokens } from './code/codeFacts.js';
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

/**
 * The names the changed lines start (or stop) referring to: on the new side's changed lines and not the old side's,
 * and the reverse. Definitions of the commit are left out (the prose names them already).
 */
export function referenceFacts(tokens: readonly ChangedTokens[], definitions: readonly DefinitionFact[]): ReferenceFact[] {
  const defined = new Set(definitions.flatMap((fact) => (fact.oldName === undefined ? [fact.name] : [fact.name, fact.oldName])));
  const found: (ReferenceFact & { weight: number })[] = [];
  const seen = new Set<string>();
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
  }
  return found
    .map((fact, index) => ({ fact, index }))
    .sort((a, b) => b.fact.weight - a.fact.weight || a.index - b.index)
    .slice(0, MAX_REFERENCES)
    .map(({ fact: { weight: _weight, ...fact } }) => fact);
}
