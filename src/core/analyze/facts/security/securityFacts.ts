import type { ChangedToken } from '../code/model.js';
import { splitWords } from '../code/words.js';
import { isTestPath } from '../testPaths.js';
import type { SecurityFact } from '../types.js';
import { isTraversalString, VOCABULARY } from './vocabulary.js';
import type { VocabularyRow } from './vocabulary.js';

/** Facts past these are not listed: per file and area, per file, per commit. */
export const MAX_SECURITY_PER_AREA = 2;
export const MAX_SECURITY_PER_FILE = 6;
export const MAX_SECURITY_PER_COMMIT = 40;

/** Files whose changed words are prose or pins, not code: documentation, changelogs, lock files. */
const NOT_CODE = /\.(md|markdown|rst|txt|adoc|asciidoc|html?|svg|po|pot)$|(^|\/)(CHANGELOG|CHANGES|NEWS|AUTHORS|LICENSE|COPYING)[^/]*$/i;

const BY_FIRST_WORD = new Map<string, VocabularyRow[]>();
for (const row of VOCABULARY) {
  const first = row.words[0]!;
  BY_FIRST_WORD.set(first, [...(BY_FIRST_WORD.get(first) ?? []), row]);
}

interface Hit {
  row: VocabularyRow;
  evidence: string;
  line: number;
  /** The token's place on its line: hits are reported in reading order. */
  token?: number;
}

/** One line's tokens as a run of words, each word knowing its token. */
function hitsOfLine(tokens: readonly ChangedToken[]): Hit[] {
  const hits: Hit[] = [];
  const words: { word: string; token: number }[] = [];
  tokens.forEach((token, index) => {
    if (token.kind === 'number') {
      for (const row of BY_FIRST_WORD.get(token.text.toLowerCase()) ?? []) if (row.kinds?.includes('number')) hits.push({ row, evidence: token.text, line: token.line, token: index });
      return;
    }
    if (token.kind === 'keyword') {
      for (const row of BY_FIRST_WORD.get(token.text) ?? []) if (row.kinds?.includes('keyword')) hits.push({ row, evidence: token.text, line: token.line, token: index });
      return;
    }
    if (token.kind === 'string' && isTraversalString(token.text)) {
      hits.push({ row: { area: 'path', term: '..', words: ['..'] }, evidence: `"${shorten(token.text)}"`, line: token.line, token: index });
    }
    for (const word of splitWords(token.text)) words.push({ word, token: index });
  });
  let lineWords: Set<string> | undefined;
  for (let start = 0; start < words.length; start += 1) {
    for (const row of BY_FIRST_WORD.get(words[start]!.word) ?? []) {
      if (row.needs) {
        lineWords ??= new Set(words.map((entry) => entry.word));
        if (!row.needs.some((word) => lineWords!.has(word))) continue;
      }
      if (row.kinds && !row.kinds.includes(tokens[words[start]!.token]!.kind)) continue;
      if (row.kinds?.includes('number') || row.kinds?.includes('keyword')) continue;
      const end = start + row.words.length;
      if (end > words.length || !row.words.every((word, offset) => words[start + offset]!.word === word)) continue;
      const first = tokens[words[start]!.token]!;
      const lastToken = words[end - 1]!.token;
      if (row.whole && (lastToken !== words[start]!.token || splitWords(first.text).length !== row.words.length)) continue;
      if (row.exact && first.text !== row.term) continue;
      const evidence = lastToken === words[start]!.token
        ? first.kind === 'string' ? `"${shorten(first.text)}"` : shorten(first.text)
        : tokens.slice(words[start]!.token, lastToken + 1).map((token) => token.text).join(row.term.includes('=') ? '=' : row.term.includes('::') ? '::' : '.');
      hits.push({ row, evidence, line: first.line, token: words[start]!.token });
    }
  }
  return hits.sort((a, b) => (a.token ?? 0) - (b.token ?? 0));
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/**
 * Areas where editing a line that names the thing changes what protects the code (`min_version = TLS12` → `TLS13`,
 * a CA bundle path, a hash algorithm, a file mode, a sandbox rule). Auth words sit on too many ordinary lines.
 */
const EDIT_COUNTS: ReadonlySet<string> = new Set(['tls', 'crypto', 'permission', 'sandbox']);

/** Each changed line's tokens, joined: two sides' lines compare equal when only their place changed. */
function lineTexts(tokens: readonly ChangedToken[]): Map<number, string> {
  const lines = new Map<number, string>();
  for (const token of tokens) lines.set(token.line, lines.has(token.line) ? `${lines.get(token.line)}\u0000${token.text}` : token.text);
  return lines;
}

function hitsOf(tokens: readonly ChangedToken[]): Hit[] {
  const hits: Hit[] = [];
  let start = 0;
  // Tokens arrive in source order; a line's tokens are consecutive.
  for (let index = 1; index <= tokens.length; index += 1) {
    if (index === tokens.length || tokens[index]!.line !== tokens[start]!.line) {
      hits.push(...hitsOfLine(tokens.slice(start, index)));
      start = index;
    }
  }
  return hits;
}

/**
 * Security facts of one file: vocabulary hits on its removed and added lines, counted per evidence so a line that
 * only moves or is edited around the same word says nothing. What remains is grouped per (area, term): added,
 * removed, or changed when one evidence went and another came.
 */
export function fileSecurityFacts(path: string, oldTokens: readonly ChangedToken[], newTokens: readonly ChangedToken[], oldPath = path): SecurityFact[] {
  if (NOT_CODE.test(path) || isTestPath(path)) return [];
  const tally = new Map<string, { row: VocabularyRow; evidence: string; old: Hit[]; new: Hit[] }>();
  const add = (hit: Hit, side: 'old' | 'new'): void => {
    const key = `${hit.row.area}\0${hit.row.term}\0${hit.evidence}`;
    let entry = tally.get(key);
    if (!entry) {
      entry = { row: hit.row, evidence: hit.evidence, old: [], new: [] };
      tally.set(key, entry);
    }
    entry[side].push(hit);
  };
  for (const hit of hitsOf(oldTokens)) add(hit, 'old');
  for (const hit of hitsOf(newTokens)) add(hit, 'new');
  const grouped = new Map<string, SecurityFact>();
  let oldLines: Map<number, string> | undefined;
  let newLines: Map<number, string> | undefined;
  for (const entry of tally.values()) {
    const net = entry.new.length - entry.old.length;
    const key = `${entry.row.area}\0${entry.row.term}`;
    if (net === 0) {
      // The same word on both sides: a line that handles it was edited (not moved whole), in an area where any edit counts.
      if (!EDIT_COUNTS.has(entry.row.area)) continue;
      oldLines ??= lineTexts(oldTokens);
      newLines ??= lineTexts(newTokens);
      const before = new Set(entry.old.map((hit) => oldLines!.get(hit.line)));
      const after = new Set(entry.new.map((hit) => newLines!.get(hit.line)));
      const edited = entry.new.find((hit) => !before.has(newLines!.get(hit.line)));
      if (!edited || entry.old.every((hit) => after.has(oldLines!.get(hit.line))) || grouped.has(key)) continue;
      grouped.set(key, { kind: 'security', area: entry.row.area, change: 'changed', evidence: entry.evidence, term: entry.row.term, path, line: edited.line, side: 'new' });
      continue;
    }
    const existing = grouped.get(key);
    const change = net > 0 ? 'added' : 'removed';
    if (existing) {
      if (existing.change !== change) existing.change = 'changed';
      continue;
    }
    const at = net > 0 ? { path, line: entry.new[0]!.line, side: 'new' as const } : { path: oldPath, line: entry.old[0]!.line, side: 'old' as const };
    grouped.set(key, { kind: 'security', area: entry.row.area, change, evidence: entry.evidence, term: entry.row.term, ...at });
  }
  const perArea = new Map<string, number>();
  const facts: SecurityFact[] = [];
  for (const fact of [...grouped.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
    const count = perArea.get(fact.area) ?? 0;
    if (count >= MAX_SECURITY_PER_AREA || facts.length >= MAX_SECURITY_PER_FILE) continue;
    perArea.set(fact.area, count + 1);
    facts.push(fact);
  }
  return facts;
}
