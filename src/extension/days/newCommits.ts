// What a refresh brought: the high-importance commits of the new report that the report it replaces did not have.
// Pure (no vscode).
import type { AnalyzedCommit, Report, RepositoryReport } from '../../core/domain/report.js';

export interface NewCommit {
  repo: RepositoryReport;
  commit: AnalyzedCommit;
}

/**
 * The commits of `next` that `previous` lacked and that are of high importance, newest first. Only between two
 * reports of the same window (a refresh of the shown day): another day's commits are not new.
 */
export function newHighCommits(previous: Report | undefined, next: Report): NewCommit[] {
  if (previous === undefined || previous.window.label !== next.window.label) return [];
  const known = new Set(previous.repositories.flatMap((repo) => repo.commits.map((commit) => commit.sha)));
  return next.repositories.flatMap((repo) => repo.commits
    .filter((commit) => !known.has(commit.sha) && commit.analysis.importance === 'high')
    .map((commit) => ({ repo, commit })));
}
