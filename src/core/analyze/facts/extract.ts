import { extractCodeFacts } from './definitions.js';
import type { ParseBudget } from './definitions.js';
import { extractInterfaceFacts } from './interfaceFacts.js';
import { pinFacts } from './pins.js';
import { referenceFacts } from './references.js';
import { movedLines } from './movedLines.js';
import type { SideFactsCache } from './sideCache.js';
import type { TreeStore } from './syntax/treeStore.js';
import { parseJson, parseToml, recordAt, stringAt } from './structured.js';
import type { CodeFacts, FileInput, ParseNote, VersionFact } from './types.js';

/** What the extractors of a run share: the bytes they may still parse, and the definitions already read by blob. */
export interface ExtractRun {
  budget: ParseBudget;
  cache: SideFactsCache;
  /** Trees parsed in the run, read by both extractors (one parse per blob side); cleared when the run ends. */
  trees?: TreeStore;
}

/**
 * Every extractor on one commit's files: definitions and tests (extractCodeFacts), then flags, environment
 * variables, settings, defaults, routes, formats, dependencies, CI and security (extractInterfaceFacts), then
 * version-pin files. One after the other, so the run's budget is spent in the same order on every run. Each
 * extractor's failure loses its facts only, never the commit's.
 */
export async function extractFacts(files: FileInput[], run: ExtractRun): Promise<CodeFacts> {
  const notes: ParseNote[] = [];
  let definitions: Pick<CodeFacts, 'definitions' | 'tests'> = { definitions: [], tests: [] };
  try {
    const found = await extractCodeFacts(files, { budget: run.budget, cache: run.cache, ...(run.trees ? { trees: run.trees } : {}) });
    definitions = found;
    notes.push(...found.notes);
  } catch {
    // A grammar that fails to load: the definitions are missing, the rest of the facts stand.
  }
  const { tokens, ...iface } = await extractInterfaceFacts(files, { budget: run.budget, ...(run.trees ? { trees: run.trees } : {}) });
  notes.push(...iface.notes);
  const own = ownPackages(files);
  const code: CodeFacts = {
    ...iface,
    definitions: definitions.definitions,
    tests: definitions.tests,
    // The project in its own lock file, or in its own extras (`requests[socks]`), is not a dependency.
    dependencies: [...iface.dependencies.filter((fact) => !own.names.has(fact.name)), ...pinFacts(files)],
    notes: uniqueNotes(notes),
  };
  if (own.versions.length > 0) code.versions = own.versions;
  const references = referenceFacts(tokens ?? [], definitions.definitions);
  if (references.length > 0) code.references = references;
  const moves = movedLines(files);
  if (moves !== undefined) code.moves = moves;
  return code;
}

/** A manifest's own package: its name and version, from the parsed text (`[project]`, `[package]`, package.json). */
function ownPackage(path: string, text: string | undefined): { name: string; version?: string } | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const doc = base === 'package.json' ? parseJson(text) : base === 'pyproject.toml' || base === 'Cargo.toml' ? parseToml(text) : undefined;
  const table = base === 'package.json' ? recordAt(doc) : recordAt(doc, base === 'Cargo.toml' ? 'package' : 'project');
  const name = stringAt(table, 'name');
  if (name === undefined) return undefined;
  const version = stringAt(table, 'version');
  return version === undefined ? { name } : { name, version };
}

/**
 * The commit's own packages: their names (a lock file lists the project itself, and its version moving is a
 * release, not a dependency bump) and the versions that moved.
 */
function ownPackages(files: readonly FileInput[]): { names: Set<string>; versions: VersionFact[] } {
  const names = new Set<string>();
  const versions: VersionFact[] = [];
  for (const file of files) {
    if (!OWN_MANIFEST.test(file.path)) continue;
    const before = ownPackage(file.path, file.oldText);
    const after = ownPackage(file.path, file.newText);
    for (const item of [before, after]) if (item) names.add(item.name);
    if (before?.version !== undefined && after?.version !== undefined && before.version !== after.version && before.name === after.name) {
      versions.push({ kind: 'version', name: after.name, old: before.version, new: after.version, path: file.path });
    }
  }
  return { names, versions };
}

const OWN_MANIFEST = /(^|\/)(package\.json|pyproject\.toml|Cargo\.toml)$/;

/** One note per path: the first extractor's reason. */
function uniqueNotes(notes: readonly ParseNote[]): ParseNote[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    if (seen.has(note.path)) return false;
    seen.add(note.path);
    return true;
  });
}
