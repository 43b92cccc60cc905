import type { AnalyzedCommit } from '../domain/report.js';
import { authorKey } from '../domain/stats.js';

/** Rows of each statistics table; the rest are counted. */
export const STATISTICS_ROWS = 8;

export interface ModuleRow {
  name: string;
  commits: number;
  /** Files its commits changed, summed (a file two commits change counts twice). */
  files: number;
  additions: number;
  deletions: number;
}

export interface AuthorRow {
  name: string;
  commits: number;
  additions: number;
  deletions: number;
}

/** A repository's statistics beyond the glance's counts: every module and author of the day, with their lines. */
export interface Statistics {
  /** Distinct paths changed by the commits (a huge commit's capped list counts what it lists). */
  files: number;
  modules: ModuleRow[];
  moreModules: number;
  authors: AuthorRow[];
  moreAuthors: number;
}

/**
 * The statistics of `commits` (every one, folded bots included: these are the day's totals). Modules are the
 * analyses' `scope`; the busiest first (commits, then lines), as the glance orders them.
 */
export function computeStatistics(commits: readonly AnalyzedCommit[], rows = STATISTICS_ROWS): Statistics {
  const paths = new Set<string>();
  const modules = new Map<string, ModuleRow>();
  const authors = new Map<string, AuthorRow>();
  for (const commit of commits) {
    for (const file of commit.files) paths.add(file.path);
    // A commit's lines as the glance's totals count them: the whole commit's, even when its file list was cut.
    let additions = commit.filesTotal?.additions ?? 0;
    let deletions = commit.filesTotal?.deletions ?? 0;
    if (commit.filesTotal === undefined) {
      for (const file of commit.files) {
        additions += file.additions;
        deletions += file.deletions;
      }
    }
    for (const impact of commit.analysis.scope) {
      if (impact.module === '') continue;
      const row = modules.get(impact.module) ?? { name: impact.module, commits: 0, files: 0, additions: 0, deletions: 0 };
      row.commits += 1;
      row.files += impact.files;
      row.additions += impact.additions;
      row.deletions += impact.deletions;
      modules.set(impact.module, row);
    }
    const key = authorKey(commit.author);
    const author = authors.get(key) ?? { name: commit.author.name, commits: 0, additions: 0, deletions: 0 };
    author.commits += 1;
    author.additions += additions;
    author.deletions += deletions;
    authors.set(key, author);
  }
  const busiest = <T extends { commits: number; additions: number; deletions: number; name: string }>(a: T, b: T): number =>
    b.commits - a.commits || (b.additions + b.deletions) - (a.additions + a.deletions) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const moduleRows = [...modules.values()].sort(busiest);
  const authorRows = [...authors.values()].sort(busiest);
  return {
    files: paths.size,
    modules: moduleRows.slice(0, rows),
    moreModules: Math.max(0, moduleRows.length - rows),
    authors: authorRows.slice(0, rows),
    moreAuthors: Math.max(0, authorRows.length - rows),
  };
}
