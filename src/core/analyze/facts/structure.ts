import { compareText } from './modules.js';
import type { CommitFacts } from './commitFacts.js';

/**
 * Files whose presence makes a folder a module of its own. Adding one means a new module (package, crate,
 * Python package …) appeared in that folder; deleting one means it went away. Checked by file name.
 */
export const MODULE_MARKERS: ReadonlySet<string> = new Set([
  'package.json', 'Cargo.toml', 'go.mod', 'pyproject.toml', 'setup.py', '__init__.py', 'index.ts', 'index.js', 'mod.rs',
  'lib.rs', 'CMakeLists.txt', 'BUILD', 'BUILD.bazel', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'deno.json',
]);

export interface ModuleChanges {
  /** Folders that gained a module marker, sorted. */
  added: string[];
  /** Folders whose module marker was deleted, sorted. */
  removed: string[];
}

export function newModules(facts: CommitFacts): ModuleChanges {
  // Only additions, copies and deletions count: a commit that only modifies files (the usual case) has none.
  if (!facts.files.some(({ file }) => file.status === 'A' || file.status === 'C' || file.status === 'D')) {
    return { added: [], removed: [] };
  }
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const { file, kind } of facts.files) {
    if (file.status !== 'A' && file.status !== 'C' && file.status !== 'D') continue;
    if (kind === 'test' || kind === 'docs' || kind === 'vendored' || kind === 'generated') continue;
    const slash = file.path.lastIndexOf('/');
    if (slash < 0 || !MODULE_MARKERS.has(file.path.slice(slash + 1))) continue;
    const folder = file.path.slice(0, slash);
    if (file.status === 'D') removed.add(folder);
    else added.add(folder);
  }
  return { added: outermost(added), removed: outermost(removed) };
}

/** `packages/store` and not also `packages/store/src`: a module's own sub-folders are part of it. */
function outermost(folders: ReadonlySet<string>): string[] {
  if (folders.size < 2) return [...folders];
  return [...folders].filter((folder) => ![...folders].some((other) => folder.startsWith(`${other}/`))).sort(compareText);
}
