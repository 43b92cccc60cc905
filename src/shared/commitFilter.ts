// The report view's filters, client side: which commits a reader wants to see (importance, type, author, module,
// unreviewed only), what can be chosen, and the unread counts. Pure: used by the webview bundle and the unit tests.
import { CHANGE_TYPES, IMPORTANCE_LEVELS, type ChangeType, type Importance } from '../core/domain/analysis.js';
import type { AnalyzedCommit } from '../core/domain/report.js';

export type AuthorMode = 'include' | 'exclude';

/** An empty list lets every value through. */
export interface CommitFilter {
  importance: Importance[];
  types: ChangeType[];
  /** Author names (see authorKey), shown only (`include`) or hidden (`exclude`). */
  authors: string[];
  authorMode: AuthorMode;
  /** Modules as the analyses' scope names them; a commit matches when it touches one of them. */
  modules: string[];
  /** Only the commits not marked reviewed. */
  unreviewedOnly: boolean;
}

export const NO_FILTER: CommitFilter = Object.freeze({
  importance: [], types: [], authors: [], authorMode: 'include', modules: [], unreviewedOnly: false,
}) as CommitFilter;

/** Names and modules longer than this are cut in the choices (commit text is attacker-sized). */
const MAX_VALUE = 200;
/** Values kept from a restored filter, per list. */
const MAX_RESTORED = 500;

/** The author a commit is filtered by: the name as recorded (the email when the name is empty). */
export function authorKey(commit: AnalyzedCommit): string {
  const name = commit.author.name.trim();
  return (name === '' ? commit.author.email.trim() : name).slice(0, MAX_VALUE);
}

/** The modules a commit touches, as its analysis names them. */
export function modulesOf(commit: AnalyzedCommit): string[] {
  return commit.analysis.scope.map((impact) => impact.module.slice(0, MAX_VALUE));
}

export function isFiltering(filter: CommitFilter): boolean {
  return filter.importance.length > 0 || filter.types.length > 0 || filter.authors.length > 0 ||
    filter.modules.length > 0 || filter.unreviewedOnly;
}

/** A matcher for many commits: the filter's lists as sets, built once. */
export function commitMatcher(filter: CommitFilter, reviewed: ReadonlySet<string>): (commit: AnalyzedCommit) => boolean {
  const importance = new Set(filter.importance);
  const types = new Set(filter.types);
  const authors = new Set(filter.authors);
  const modules = new Set(filter.modules);
  return (commit) => {
    if (importance.size > 0 && !importance.has(commit.analysis.importance)) return false;
    if (types.size > 0 && !types.has(commit.analysis.changeType)) return false;
    if (authors.size > 0 && authors.has(authorKey(commit)) !== (filter.authorMode === 'include')) return false;
    if (modules.size > 0 && !modulesOf(commit).some((module) => modules.has(module))) return false;
    if (filter.unreviewedOnly && reviewed.has(commit.sha)) return false;
    return true;
  };
}

export function matchesFilter(commit: AnalyzedCommit, filter: CommitFilter, reviewed: ReadonlySet<string>): boolean {
  return commitMatcher(filter, reviewed)(commit);
}

export interface Choice<T extends string> {
  value: T;
  /** Commits with this value, over the whole report (not only the filtered ones). */
  commits: number;
}

export interface FilterChoices {
  importance: Choice<Importance>[];
  types: Choice<ChangeType>[];
  authors: Choice<string>[];
  modules: Choice<string>[];
}

function counted<T extends string>(counts: Map<T, number>, order: (a: T, b: T) => number): Choice<T>[] {
  return [...counts].map(([value, commits]) => ({ value, commits }))
    .sort((a, b) => b.commits - a.commits || order(a.value, b.value));
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the filters offer for these commits: importance levels and types in their fixed order, authors and modules
 * most commits first (then by name). Values without commits are left out.
 */
export function filterChoices(commits: readonly AnalyzedCommit[]): FilterChoices {
  const importance = new Map<Importance, number>();
  const types = new Map<ChangeType, number>();
  const authors = new Map<string, number>();
  const modules = new Map<string, number>();
  const add = <T>(map: Map<T, number>, key: T): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const commit of commits) {
    add(importance, commit.analysis.importance);
    add(types, commit.analysis.changeType);
    add(authors, authorKey(commit));
    for (const module of new Set(modulesOf(commit))) add(modules, module);
  }
  return {
    importance: IMPORTANCE_LEVELS.filter((level) => importance.has(level))
      .map((value) => ({ value, commits: importance.get(value) ?? 0 })),
    types: CHANGE_TYPES.filter((type) => types.has(type)).map((value) => ({ value, commits: types.get(value) ?? 0 })),
    authors: counted(authors, byText),
    modules: counted(modules, byText),
  };
}

export interface UnreadCounts {
  high: number;
  medium: number;
  low: number;
  total: number;
}

/** Commits not marked reviewed, per importance. */
export function unreadCounts(commits: readonly AnalyzedCommit[], reviewed: ReadonlySet<string>): UnreadCounts {
  const counts: UnreadCounts = { high: 0, medium: 0, low: 0, total: 0 };
  for (const commit of commits) {
    if (reviewed.has(commit.sha)) continue;
    counts[commit.analysis.importance] += 1;
    counts.total += 1;
  }
  return counts;
}

function stringList<T extends string>(value: unknown, allowed?: readonly T[]): T[] {
  if (!Array.isArray(value)) return [];
  const kept = new Set<T>();
  for (const item of value.slice(0, MAX_RESTORED)) {
    if (typeof item !== 'string' || item.length > MAX_VALUE) continue;
    if (allowed !== undefined && !(allowed as readonly string[]).includes(item)) continue;
    kept.add(item as T);
  }
  return [...kept];
}

/** The filter without the values these choices lack: a filter nobody can see in the bar must not hide everything. */
export function prunedFilter(filter: CommitFilter, choices: FilterChoices): CommitFilter {
  const has = <T extends string>(list: readonly Choice<T>[]) => (value: T): boolean => list.some((choice) => choice.value === value);
  return {
    ...filter,
    importance: filter.importance.filter(has(choices.importance)),
    types: filter.types.filter(has(choices.types)),
    authors: filter.authors.filter(has(choices.authors)),
    modules: filter.modules.filter(has(choices.modules)),
  };
}

/** A filter from saved state (anything): unknown values dropped, the rest kept. */
export function parseFilter(value: unknown): CommitFilter {
  if (typeof value !== 'object' || value === null) return { ...NO_FILTER };
  const record = value as Record<string, unknown>;
  return {
    importance: stringList(record['importance'], IMPORTANCE_LEVELS),
    types: stringList(record['types'], CHANGE_TYPES),
    authors: stringList(record['authors']),
    authorMode: record['authorMode'] === 'exclude' ? 'exclude' : 'include',
    modules: stringList(record['modules']),
    unreviewedOnly: record['unreviewedOnly'] === true,
  };
}
