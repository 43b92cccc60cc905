import type { AnalyzedCommit, RepoStats } from './report.js';

export const EMPTY_STATS: RepoStats = Object.freeze({
  commits: 0, high: 0, medium: 0, low: 0, authors: 0, additions: 0, deletions: 0,
});

/** Counts are derived from the commits only, so the report never shows a number the commits don't support. */
export function computeStats(commits: readonly AnalyzedCommit[]): RepoStats {
  const authors = new Set<string>();
  const stats = { ...EMPTY_STATS };
  for (const commit of commits) {
    stats.commits += 1;
    stats[commit.analysis.importance] += 1;
    authors.add((commit.author.email || commit.author.name).toLowerCase());
    if (commit.filesTotal) {
      // The file list of a huge commit is capped; its totals are not.
      stats.additions += commit.filesTotal.additions;
      stats.deletions += commit.filesTotal.deletions;
      continue;
    }
    for (const file of commit.files) {
      stats.additions += file.additions;
      stats.deletions += file.deletions;
    }
  }
  stats.authors = authors.size;
  return stats;
}
