import type { ModuleImpact } from '../../domain/analysis.js';
import type { FileChange } from '../../domain/commit.js';

/**
 * Folders that only group modules. A path walks through them and takes the next folder as its module:
 * `packages/ui/src/a.ts` → `packages/ui`, `src/core/git/x.ts` → `src/core`.
 */
export const CONTAINER_DIRS: ReadonlySet<string> = new Set([
  'packages', 'apps', 'libs', 'services', 'modules', 'plugins', 'crates', 'components', 'extensions', 'projects',
  'src', 'lib', 'pkg', 'internal', 'cmd',
]);

/** Files at the top of the repository; moduleImpacts names it in the report language. */
export const ROOT_MODULE = '';

/** Modules by path (a range touches the same files again and again); cleared when full. */
const MODULE_CACHE = new Map<string, string>();
const MODULE_CACHE_LIMIT = 20_000;

/**
 * The module of a path: walk through container folders, take the next folder. A `src` reached after another
 * container is a src layout (`components/src/<package>/<module>`), so one more folder is taken:
 * `components/src/dynamo/planner/x.py` → `components/src/dynamo/planner`. Files directly in a container
 * belong to the container (`src/cli.ts` → `src`); files at the top belong to ROOT_MODULE.
 */
export function moduleOf(path: string): string {
  let module = MODULE_CACHE.get(path);
  if (module === undefined) {
    if (MODULE_CACHE.size >= MODULE_CACHE_LIMIT) MODULE_CACHE.clear();
    module = findModule(path);
    MODULE_CACHE.set(path, module);
  }
  return module;
}

function findModule(path: string): string {
  const dirs = path.split('/').slice(0, -1);
  if (dirs.length === 0) return ROOT_MODULE;
  let index = 0;
  while (index < dirs.length && CONTAINER_DIRS.has(dirs[index]!)) index++;
  if (index === dirs.length) return dirs.join('/');
  let take = index + 1;
  if (index >= 2 && dirs[index - 1] === 'src' && take < dirs.length) take++;
  return dirs.slice(0, take).join('/');
}

/** Modules touched, by churn (additions + deletions), then files, then name. */
export function moduleImpacts(files: readonly FileChange[], rootLabel: string): ModuleImpact[] {
  if (files.length === 1) {
    // One file, one module: nothing to add up or sort.
    const [{ path, additions, deletions }] = files as [FileChange];
    const module = moduleOf(path);
    return [{ files: 1, module: module === ROOT_MODULE ? rootLabel : module, additions, deletions }];
  }
  const byModule = new Map<string, ModuleImpact>();
  for (const file of files) {
    const module = moduleOf(file.path);
    // Keys in the report's order (files before module), so the JSON renderer prints the object as it is.
    const impact = byModule.get(module) ?? { files: 0, module, additions: 0, deletions: 0 };
    impact.files++;
    impact.additions += file.additions;
    impact.deletions += file.deletions;
    byModule.set(module, impact);
  }
  // Sorted on the raw names (root last among equals) so the order does not depend on the report language.
  return [...byModule.values()]
    .sort(
      (a, b) =>
        b.additions + b.deletions - (a.additions + a.deletions) ||
        b.files - a.files ||
        Number(a.module === ROOT_MODULE) - Number(b.module === ROOT_MODULE) ||
        compareText(a.module, b.module),
    )
    .map((impact) => (impact.module === ROOT_MODULE ? { ...impact, module: rootLabel } : impact));
}

/** Code-unit order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
