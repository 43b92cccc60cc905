import { extractCodeFacts } from './definitions.js';
import type { ParseBudget } from './definitions.js';
import { extractInterfaceFacts } from './interfaceFacts.js';
import { pinFacts } from './pins.js';
import type { SideFactsCache } from './sideCache.js';
import type { CodeFacts, FileInput, ParseNote } from './types.js';

/** What the extractors of a run share: the bytes they may still parse, and the definitions already read by blob. */
export interface ExtractRun {
  budget: ParseBudget;
  cache: SideFactsCache;
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
    const found = await extractCodeFacts(files, { budget: run.budget, cache: run.cache });
    definitions = found;
    notes.push(...found.notes);
  } catch {
    // A grammar that fails to load: the definitions are missing, the rest of the facts stand.
  }
  const iface = await extractInterfaceFacts(files, { budget: run.budget });
  notes.push(...iface.notes);
  const own = ownPackageNames(files);
  return {
    ...iface,
    definitions: definitions.definitions,
    tests: definitions.tests,
    dependencies: [...iface.dependencies.filter((fact) => !(fact.lockOnly && own.has(fact.name))), ...pinFacts(files)],
    notes: uniqueNotes(notes),
  };
}

/**
 * The names the commit's manifests give their own package (`[project] name`, `[package] name`, `"name"`): a lock
 * file lists the project itself, and its version moving is a release, not a dependency bump.
 */
function ownPackageNames(files: readonly FileInput[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = file.newText ?? file.oldText;
    if (text === undefined) continue;
    const base = file.path.slice(file.path.lastIndexOf('/') + 1);
    const head = text.slice(0, 4000);
    const match = base === 'package.json' ? /"name"\s*:\s*"([^"\n]{1,200})"/.exec(head)
      : base === 'pyproject.toml' || base === 'Cargo.toml' ? /^name\s*=\s*["']([^"'\n]{1,200})["']/m.exec(head) : null;
    if (match) names.add(match[1]!);
  }
  return names;
}

/** One note per path: the first extractor's reason. */
function uniqueNotes(notes: readonly ParseNote[]): ParseNote[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    if (seen.has(note.path)) return false;
    seen.add(note.path);
    return true;
  });
}
