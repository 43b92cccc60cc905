import type { DefinitionFact } from './types.js';
import type { SideDefinition } from './syntax/extract.js';

/**
 * Definitions before and after, per file, turned into facts: matched by kind, container and name (then order, for
 * overloads), a match whose signature or visibility differs is `signature`, whose body differs is `body`; in one file
 * an unmatched removal and addition of the same kind and container with an equal or nearly equal body is `renamed`;
 * across files the same kind and name removed from one file and added to another is `moved`; the rest is `added` or
 * `removed`.
 */

export interface FileDefinitions {
  path: string;
  oldPath?: string;
  language: string;
  /** Undefined when the file did not exist on that side. */
  old?: SideDefinition[];
  new?: SideDefinition[];
}

/** Bodies this similar (token multiset Dice coefficient) are "nearly equal". */
const RENAME_SIMILARITY = 0.8;
/** Pairs compared for near-equal bodies in one file, at most (beyond, only equal bodies make renames). */
const MAX_SIMILARITY_PAIRS = 4096;
/** Tokens of a body compared, at most. */
const MAX_SIMILARITY_TOKENS = 2000;
/**
 * A body shorter than this (`{}`, `{ return a; }`) says too little to call two definitions one renamed; a body-less
 * definition (type alias, field) needs its text without the name at least MIN_RENAME_SHAPE long.
 */
const MIN_RENAME_BODY = 24;
const MIN_RENAME_SHAPE = 12;

interface Located {
  file: FileDefinitions;
  definition: SideDefinition;
}

function key(definition: SideDefinition): string {
  return `${definition.kind}\u0000${definition.container ?? ''}\u0000${definition.name}\u0000${definition.declaration ? 'd' : ''}`;
}

function groupByKey(definitions: SideDefinition[]): Map<string, SideDefinition[]> {
  const groups = new Map<string, SideDefinition[]>();
  for (const definition of definitions) {
    const list = groups.get(key(definition));
    if (list) list.push(definition);
    else groups.set(key(definition), [definition]);
  }
  return groups;
}

/** Where each fact's definition starts on its line: definitions on one line keep their order in the text. */
const columns = new WeakMap<DefinitionFact, number>();

function makeFact(
  file: FileDefinitions,
  definition: SideDefinition,
  side: 'old' | 'new',
  change: Pick<DefinitionFact, 'change'> & Partial<DefinitionFact>,
): DefinitionFact {
  const fact: DefinitionFact = {
    kind: 'definition', change: change.change, defKind: definition.kind, name: definition.name,
    public: definition.public, language: file.language, path: side === 'old' ? file.oldPath ?? file.path : file.path,
    line: definition.line, side,
  };
  if (definition.container) fact.container = definition.container;
  if (definition.exhaustive) fact.exhaustive = true;
  Object.assign(fact, change);
  columns.set(fact, definition.column);
  return fact;
}

/** The text a definition is recognised by once its name is taken out (for renames). */
function shape(definition: SideDefinition): string {
  if (definition.body) return definition.body.length >= MIN_RENAME_BODY ? definition.body : '';
  const text = definition.signature.split(definition.name).join('\u0001');
  return text.length >= MIN_RENAME_SHAPE ? text : '';
}

function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const tokens = text.split(' ', MAX_SIMILARITY_TOKENS);
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shorter < longer * 0.7) return 0;
  const left = tokenCounts(a);
  const right = tokenCounts(b);
  let shared = 0;
  let total = 0;
  for (const count of left.values()) total += count;
  for (const [token, count] of right) {
    total += count;
    shared += Math.min(count, left.get(token) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Pairs unmatched removals and additions of one file whose bodies are equal or nearly equal. */
function findRenames(removed: SideDefinition[], added: SideDefinition[]): Map<SideDefinition, SideDefinition> {
  const renames = new Map<SideDefinition, SideDefinition>();
  const taken = new Set<SideDefinition>();
  const compareNearly = removed.length * added.length <= MAX_SIMILARITY_PAIRS;
  const byShape = new Map<string, SideDefinition[]>();
  for (const old of removed) {
    const text = shape(old);
    if (!text) continue;
    const list = byShape.get(text);
    if (list) list.push(old);
    else byShape.set(text, [old]);
  }
  for (const now of added) {
    const text = shape(now);
    if (!text) continue;
    const same = (old: SideDefinition): boolean =>
      !taken.has(old) && old.name !== now.name && old.kind === now.kind && old.container === now.container && old.declaration === now.declaration;
    let best = byShape.get(text)?.find(same);
    if (!best && compareNearly && now.body.length >= MIN_RENAME_BODY) {
      let bestScore = RENAME_SIMILARITY;
      for (const old of removed) {
        if (!same(old) || old.body.length < MIN_RENAME_BODY) continue;
        const score = similarity(old.body, now.body);
        if (score >= bestScore) [best, bestScore] = [old, score];
      }
    }
    if (best) {
      taken.add(best);
      renames.set(now, best);
    }
  }
  return renames;
}

/** Facts of one file, and what is left unmatched (candidates for moves across files). */
function diffFile(file: FileDefinitions, facts: DefinitionFact[], leftRemoved: Located[], leftAdded: Located[]): void {
  const oldGroups = groupByKey(file.old ?? []);
  const removed: SideDefinition[] = [];
  const added: SideDefinition[] = [];
  for (const [groupKey, news] of groupByKey(file.new ?? [])) {
    const olds = oldGroups.get(groupKey) ?? [];
    oldGroups.delete(groupKey);
    news.forEach((now, index) => {
      const old = olds[index];
      if (!old) return void added.push(now);
      if (old.signature !== now.signature || old.public !== now.public) {
        const fact = makeFact(file, now, 'new', { change: 'signature', oldSignature: old.signature, signature: now.signature });
        if (old.public !== now.public) fact.oldPublic = old.public;
        facts.push(fact);
      } else if (old.body !== now.body) {
        facts.push(makeFact(file, now, 'new', { change: 'body' }));
      }
    });
    removed.push(...olds.slice(news.length));
  }
  for (const olds of oldGroups.values()) removed.push(...olds);
  const renames = findRenames(removed, added);
  const renamedOld = new Set(renames.values());
  for (const now of added) {
    const old = renames.get(now);
    if (old) facts.push(makeFact(file, now, 'new', { change: 'renamed', oldName: old.name }));
    else leftAdded.push({ file, definition: now });
  }
  for (const old of removed) if (!renamedOld.has(old)) leftRemoved.push({ file, definition: old });
}

const moveKey = (definition: SideDefinition): string => `${definition.kind}\u0000${definition.name}`;

/** Every definition fact of a commit, in path then line order. */
export function diffDefinitions(files: FileDefinitions[]): DefinitionFact[] {
  const facts: DefinitionFact[] = [];
  const leftRemoved: Located[] = [];
  const leftAdded: Located[] = [];
  for (const file of files) diffFile(file, facts, leftRemoved, leftAdded);
  const removedByName = new Map<string, Located[]>();
  for (const entry of leftRemoved) {
    const list = removedByName.get(moveKey(entry.definition));
    if (list) list.push(entry);
    else removedByName.set(moveKey(entry.definition), [entry]);
  }
  const moved = new Set<Located>();
  for (const entry of leftAdded) {
    const candidates = removedByName.get(moveKey(entry.definition)) ?? [];
    const from = candidates.find((candidate) => !moved.has(candidate) && candidate.file !== entry.file);
    if (from) {
      moved.add(from);
      facts.push(makeFact(entry.file, entry.definition, 'new', { change: 'moved', oldPath: from.file.oldPath ?? from.file.path }));
    } else {
      facts.push(makeFact(entry.file, entry.definition, 'new', { change: 'added', ...signatureOf(entry.definition, 'signature') }));
    }
  }
  for (const entry of leftRemoved) {
    if (moved.has(entry)) continue;
    facts.push(makeFact(entry.file, entry.definition, 'old', { change: 'removed', ...signatureOf(entry.definition, 'oldSignature') }));
  }
  return facts.sort(compareFacts);
}

function signatureOf(definition: SideDefinition, field: 'signature' | 'oldSignature'): Partial<DefinitionFact> {
  return definition.signature ? { [field]: definition.signature } : {};
}

function compareFacts(a: DefinitionFact, b: DefinitionFact): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (columns.get(a) ?? 0) - (columns.get(b) ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
