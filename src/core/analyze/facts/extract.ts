import { ciFacts } from './ci/ciFacts.js';
import { dependencyFacts } from './deps/dependencyFacts.js';
import { extractCodeFacts } from './definitions.js';
import type { ParseBudget } from './definitions.js';
import { pinFacts } from './pins.js';
import { emptyCodeFacts } from './types.js';
import type { CodeFacts, FileInput, ParseNote } from './types.js';

/**
 * Every extractor on one commit's files: definitions and tests from the parser, dependency and CI facts from the
 * manifests and workflows. The definitions extractor spends `parse` (the run's budget); a file it cannot afford
 * gets a `budget` note. Each extractor's failure loses its facts only, never the commit's.
 */
export async function extractFacts(files: FileInput[], parse: ParseBudget): Promise<CodeFacts> {
  const code = emptyCodeFacts();
  const notes: ParseNote[] = [];
  try {
    const definitions = await extractCodeFacts(files, parse);
    code.definitions = definitions.definitions;
    code.tests = definitions.tests;
    notes.push(...definitions.notes);
  } catch {
    // A grammar that fails to load: the definitions are missing, the rest of the facts stand.
  }
  try {
    const own = ownPackageNames(files);
    code.dependencies = [...dependencyFacts(files, notes).filter((fact) => !(fact.lockOnly && own.has(fact.name))), ...pinFacts(files)];
  } catch {
    // Hostile manifests are the extractor's to survive; this is the last guard.
  }
  try {
    code.ci = ciFacts(files, notes);
  } catch {
    // As above.
  }
  code.notes = uniqueNotes(notes);
  return code;
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

function uniqueNotes(notes: readonly ParseNote[]): ParseNote[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    const key = `${note.path}\0${note.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
