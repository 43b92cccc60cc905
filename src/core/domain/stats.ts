import type { TokenUsage } from './analysis.js';
import type { AnalyzedCommit, Report, RepoStats } from './report.js';

export const EMPTY_STATS: RepoStats = Object.freeze({
  commits: 0, high: 0, medium: 0, low: 0, authors: 0, additions: 0, deletions: 0,
});

/**
 * Who a commit's author is, for counting authors: the name (one person often commits from two addresses, a work one
 * and a no-reply one), or the address when the name is empty.
 */
export function authorKey(person: { name: string; email: string }): string {
  const name = person.name.trim().toLowerCase();
  return name === '' ? `<${person.email.toLowerCase()}>` : name;
}

/** Counts are derived from the commits only, so the report never shows a number the commits don't support. */
export function computeStats(commits: readonly AnalyzedCommit[]): RepoStats {
  const authors = new Set<string>();
  const stats = { ...EMPTY_STATS };
  for (const commit of commits) {
    stats.commits += 1;
    stats[commit.analysis.importance] += 1;
    authors.add(authorKey(commit.author));
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

/** Two token usages added up; undefined when neither says anything. */
export function addUsage(total: TokenUsage | undefined, more: TokenUsage | undefined): TokenUsage | undefined {
  if (!more) return total;
  if (!total) return { ...more };
  return { promptTokens: total.promptTokens + more.promptTokens, completionTokens: total.completionTokens + more.completionTokens };
}

/** Token usage summed over every commit's analysis and the model's headlines; undefined when none reported any. */
export function reportUsage(report: Report): TokenUsage | undefined {
  let total: TokenUsage | undefined;
  for (const repo of report.repositories) {
    for (const commit of repo.commits) total = addUsage(total, commit.analysis.usage);
    total = addUsage(total, repo.modelHeadline?.usage);
  }
  return total;
}
