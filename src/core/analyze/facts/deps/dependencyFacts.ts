import { lineOf } from '../patchLines.js';
import type { DependencyFact, DependencyScope, FileInput, ParseNote } from '../types.js';
import type { DependencyEntry } from './entry.js';
import { manifestKindOf } from './manifestKinds.js';
import type { ManifestKind } from './manifestKinds.js';

/** Lock-file bumps past this many per file are not listed (a `budget` note says so); major bumps are kept first. */
export const MAX_LOCK_FACTS_PER_FILE = 25;
/** Dependency facts past this many per commit are not listed: manifests, then additions, removals and major bumps first. */
export const MAX_FACTS_PER_COMMIT = 60;
/** Manifest facts past this many per file are not listed. */
export const MAX_MANIFEST_FACTS_PER_FILE = 300;

interface Group {
  name: string;
  scope: DependencyScope;
  old: Set<string>;
  new: Set<string>;
  /** Every entry of the group is a transitive pin (go.mod `// indirect`). */
  indirect: boolean;
}

/**
 * Dependency facts of a commit: each manifest and lock file is parsed before and after, and the (scope, name)
 * entries are compared. A lock file contributes bumps only, marked `lockOnly`, and none for a name a manifest of
 * the same ecosystem already reports in this commit.
 */
export function dependencyFacts(files: readonly FileInput[], notes: ParseNote[]): DependencyFact[] {
  const manifestFacts: DependencyFact[] = [];
  const lockFacts: DependencyFact[] = [];
  for (const file of files) {
    const kind = manifestKindOf(file.path);
    if (!kind || file.binary) continue;
    try {
      (kind.lock ? lockFacts : manifestFacts).push(...fileDependencyFacts(file, kind, notes));
    } catch {
      notes.push({ path: file.path, reason: 'unreadable' });
    }
  }
  const reported = new Set(manifestFacts.map((fact) => `${fact.ecosystem}\0${fact.name}`));
  const kept = lockFacts.filter((fact) => !reported.has(`${fact.ecosystem}\0${fact.name}`));
  // One fact per change: a monorepo bumping `vite` in fifteen package.json files bumps `vite` once.
  const seen = new Set<string>();
  const distinct = [...manifestFacts, ...kept]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)))
    .filter((fact) => {
      const key = [fact.ecosystem, fact.name, fact.scope, fact.change, fact.old ?? '', fact.new ?? ''].join('\0');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (distinct.length <= MAX_FACTS_PER_COMMIT) return distinct;
  const rank = (fact: DependencyFact): number => (fact.lockOnly ? 2 : 0) + (majorBump(fact) || fact.change !== 'bumped' ? 0 : 1);
  const chosen = new Set([...distinct].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_FACTS_PER_COMMIT));
  return distinct.filter((fact) => chosen.has(fact));
}

function readSide(text: string | undefined, file: FileInput, kind: ManifestKind, notes: ParseNote[]): DependencyEntry[] | undefined {
  if (text === undefined) return [];
  if (text.length > kind.limit) {
    notes.push({ path: file.path, reason: 'too-large' });
    return undefined;
  }
  const entries = kind.read(text, file.path);
  if (entries === undefined) notes.push({ path: file.path, reason: 'syntax-error' });
  return entries;
}

function fileDependencyFacts(file: FileInput, kind: ManifestKind, notes: ParseNote[]): DependencyFact[] {
  if (file.unreadable) {
    notes.push({ path: file.path, reason: file.unreadable });
    return [];
  }
  // Without a side's text a comparison would call every entry added or removed: say nothing instead.
  if ((file.status !== 'A' && file.oldText === undefined) || (file.status !== 'D' && file.newText === undefined)) return [];
  const oldEntries = file.status === 'A' ? [] : readSide(file.oldText, file, kind, notes);
  const newEntries = file.status === 'D' ? [] : readSide(file.newText, file, kind, notes);
  if (oldEntries === undefined || newEntries === undefined) return [];
  const groups = new Map<string, Group>();
  const groupOf = (entry: DependencyEntry): Group => {
    const key = `${entry.scope}\0${entry.name}`;
    let group = groups.get(key);
    if (!group) {
      group = { name: entry.name, scope: entry.scope, old: new Set(), new: new Set(), indirect: true };
      groups.set(key, group);
    }
    if (!entry.indirect) group.indirect = false;
    return group;
  };
  for (const entry of oldEntries) groupOf(entry).old.add(entry.version);
  for (const entry of newEntries) groupOf(entry).new.add(entry.version);
  let facts: DependencyFact[] = [];
  for (const group of groups.values()) {
    const fact = groupFact(group, kind, file.path);
    if (fact) facts.push(fact);
  }
  const cap = kind.lock ? MAX_LOCK_FACTS_PER_FILE : MAX_MANIFEST_FACTS_PER_FILE;
  if (facts.length > cap) {
    notes.push({ path: file.path, reason: 'budget' });
    facts = facts.sort((a, b) => Number(majorBump(b)) - Number(majorBump(a))).slice(0, cap);
  }
  // Lines are looked up for the facts kept only: finding a name in a large lock file is a scan of its text.
  return facts.map((fact) => (fact.change === 'removed'
    ? { ...fact, ...located(file.oldText, fact.name, 'old') }
    : { ...fact, ...located(file.newText, fact.name, 'new', fact.change === 'bumped' ? fact.new?.split(', ')[0] : undefined) }));
}

/** Whether a bump changes the leading version number (`1.2.3` → `2.0.0`, `0.21` → `0.22` under 1.0). */
export function majorBump(fact: DependencyFact): boolean {
  const lead = (version: string | undefined): string | undefined => {
    const match = /(\d+)(?:\.(\d+))?/.exec(version ?? '');
    if (!match) return undefined;
    return match[1] === '0' ? `0.${match[2] ?? ''}` : match[1];
  };
  const old = lead(fact.old);
  const next = lead(fact.new);
  return fact.change === 'bumped' && old !== undefined && next !== undefined && old !== next;
}

function groupFact(group: Group, kind: ManifestKind, path: string): DependencyFact | undefined {
  const oldOnly = [...group.old].filter((version) => !group.new.has(version));
  const newOnly = [...group.new].filter((version) => !group.old.has(version));
  if (oldOnly.length === 0 && newOnly.length === 0) return undefined;
  const pinOnly = kind.lock || group.indirect;
  const base = { kind: 'dependency' as const, path, name: group.name, scope: group.scope, ecosystem: kind.ecosystem };
  const lockOnly = pinOnly ? { lockOnly: true } : {};
  if (group.old.size === 0) {
    if (pinOnly) return undefined;
    return { ...base, change: 'added', new: listVersions(newOnly) };
  }
  if (group.new.size === 0) {
    if (pinOnly) return undefined;
    return { ...base, change: 'removed', old: listVersions(oldOnly) };
  }
  return {
    ...base,
    change: 'bumped',
    old: listVersions(oldOnly.length > 0 ? oldOnly : [...group.old]),
    new: listVersions(newOnly.length > 0 ? newOnly : [...group.new]),
    ...lockOnly,
  };
}

function listVersions(versions: string[]): string {
  const shown = versions.slice(0, 3).join(', ');
  return versions.length > 3 ? `${shown}, …` : shown;
}

/** The line of the entry: the name quoted, or the name followed by its version, or the bare name. */
function located(text: string | undefined, name: string, side: 'old' | 'new', version?: string): { line?: number; side?: 'old' | 'new' } {
  const line =
    (version === undefined ? undefined : lineNear(text, name, version)) ??
    lineOf(text, `"${name}"`) ??
    lineOf(text, `${name} `) ??
    lineOf(text, name) ??
    (name.includes('-') ? lineOf(text, name.replace(/-/g, '_')) : undefined);
  return line === undefined ? {} : { line, side };
}

/** The first line holding `name` whose text also holds `version` (lock files list a name's versions apart). */
function lineNear(text: string | undefined, name: string, version: string): number | undefined {
  if (text === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  let tries = 0;
  for (let at = text.indexOf(name); at !== -1 && tries < 2_000; at = text.indexOf(name, at + name.length), tries += 1) {
    for (let newline = text.indexOf('\n', lineStart); newline !== -1 && newline < at; newline = text.indexOf('\n', lineStart)) {
      line += 1;
      lineStart = newline + 1;
    }
    // Near: the same line or the next two (`name = "x"` then `version = "1.2"` in a lock entry).
    const window = text.slice(at, Math.min(text.length, at + name.length + 200));
    if (window.includes(version)) return line;
  }
  return undefined;
}
