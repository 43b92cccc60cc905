import { lineOf } from '../patchLines.js';
import type { DependencyFact, DependencyScope, FileInput, ParseNote } from '../types.js';
import type { DependencyEntry } from './entry.js';
import { manifestKindOf } from './manifestKinds.js';
import type { ManifestKind } from './manifestKinds.js';

/** Lock-file bumps past this many per file are not listed (a `budget` note says so). */
export const MAX_LOCK_FACTS_PER_FILE = 150;
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
  return [...manifestFacts, ...kept].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
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
  const facts: DependencyFact[] = [];
  const cap = kind.lock ? MAX_LOCK_FACTS_PER_FILE : MAX_MANIFEST_FACTS_PER_FILE;
  for (const group of groups.values()) {
    const fact = groupFact(group, file, kind);
    if (!fact) continue;
    if (facts.length >= cap) {
      notes.push({ path: file.path, reason: 'budget' });
      break;
    }
    facts.push(fact);
  }
  return facts;
}

function groupFact(group: Group, file: FileInput, kind: ManifestKind): DependencyFact | undefined {
  const oldOnly = [...group.old].filter((version) => !group.new.has(version));
  const newOnly = [...group.new].filter((version) => !group.old.has(version));
  if (oldOnly.length === 0 && newOnly.length === 0) return undefined;
  const pinOnly = kind.lock || group.indirect;
  const base = { kind: 'dependency' as const, path: file.path, name: group.name, scope: group.scope, ecosystem: kind.ecosystem };
  const lockOnly = pinOnly ? { lockOnly: true } : {};
  if (group.old.size === 0) {
    if (pinOnly) return undefined;
    return { ...base, change: 'added', new: listVersions(newOnly), ...located(file.newText, group.name, 'new') };
  }
  if (group.new.size === 0) {
    if (pinOnly) return undefined;
    return { ...base, change: 'removed', old: listVersions(oldOnly), ...located(file.oldText, group.name, 'old') };
  }
  return {
    ...base,
    change: 'bumped',
    old: listVersions(oldOnly.length > 0 ? oldOnly : [...group.old]),
    new: listVersions(newOnly.length > 0 ? newOnly : [...group.new]),
    ...lockOnly,
    ...located(file.newText, group.name, 'new', newOnly[0]),
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
    lineOf(text, name);
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
