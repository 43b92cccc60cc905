// Model analyses applied to the report the extension shows. Pure (no vscode).
import type { Analysis } from '../../core/domain/analysis.js';
import type { Report } from '../../core/domain/report.js';
import { computeStats, reportUsage } from '../../core/domain/stats.js';

/** The offline analysis of every commit, by repository and commit index (the order never changes). */
export type OfflineAnalyses = Analysis[][];

export function offlineAnalysesOf(report: Report): OfflineAnalyses {
  return report.repositories.map((repo) => repo.commits.map((commit) => commit.analysis));
}

/**
 * A copy of the report to hand to analyzeReport (which updates its report in place): the repositories and commits are
 * new objects, each commit with its OFFLINE analysis (the model corrects the heuristic, never a previous answer).
 * `only` limits it to one commit; the other repositories are marked as failed so they are skipped.
 */
export function shadowReport(report: Report, offline: OfflineAnalyses, only?: { repoIndex: number; commitIndex: number }): Report {
  return {
    ...report,
    repositories: report.repositories.map((repo, repoIndex) => {
      if (only !== undefined && only.repoIndex !== repoIndex) return { ...repo, commits: [], error: repo.error ?? 'skipped' };
      return {
        ...repo,
        commits: repo.commits.map((commit, commitIndex) => ({
          ...commit, analysis: offline[repoIndex]?.[commitIndex] ?? commit.analysis,
        })).filter((_commit, commitIndex) => only === undefined || only.commitIndex === commitIndex),
      };
    }),
  };
}

/**
 * Puts one commit's analysis into the shown report: the commit (a new object), its repository's stats and the report's
 * token usage. Returns whether the commit moved to another importance group, or undefined when the indices are stale.
 */
export function applyAnalysis(report: Report, repoIndex: number, commitIndex: number, analysis: Analysis): boolean | undefined {
  const repo = report.repositories[repoIndex];
  const commit = repo?.commits[commitIndex];
  if (repo === undefined || commit === undefined) return undefined;
  const moved = commit.analysis.importance !== analysis.importance;
  repo.commits[commitIndex] = { ...commit, analysis };
  repo.stats = computeStats(repo.commits);
  const usage = reportUsage(report);
  if (usage) report.usage = usage;
  else delete report.usage;
  return moved;
}

/**
 * Puts the shadow report's headlines into the shown report (the same repositories, in the same order) and sums the
 * token usage again. Repositories without a headline in the shadow keep theirs.
 */
export function applyHeadlines(report: Report, shadow: Report): void {
  shadow.repositories.forEach((repo, index) => {
    const shown = report.repositories[index];
    if (shown !== undefined && repo.modelHeadline !== undefined && shown.path === repo.path) shown.modelHeadline = repo.modelHeadline;
  });
  const usage = reportUsage(report);
  if (usage) report.usage = usage;
  else delete report.usage;
}
